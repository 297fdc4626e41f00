/**
 * The words two texts use for their shared concepts, carried inside a reason's params (which are
 * flat strings so that stored reasons stay plain JSON): `need words=offer words` per concept, `;`
 * between concepts, `/` between the forms of one side. Surface forms are tokens or token runs joined
 * by spaces, so none of the separators can occur inside them.
 */
import type { MatchedTerm } from '../types';

export interface Quote {
  need: string[];
  offer: string[];
}

const clean = (s: string) => s.replace(/[;=/]/g, ' ').trim();

export function encodeQuotes(terms: readonly Pick<MatchedTerm, 'needTerms' | 'offerTerms'>[]): string {
  return terms.map((t) => `${t.needTerms.map(clean).join('/')}=${t.offerTerms.map(clean).join('/')}`).join(';');
}

export function decodeQuotes(s: string | number | undefined): Quote[] {
  if (typeof s !== 'string' || s === '') return [];
  return s.split(';').map((part) => {
    const [n = '', o = ''] = part.split('=');
    return { need: n.split('/').filter(Boolean), offer: o.split('/').filter(Boolean) };
  });
}
