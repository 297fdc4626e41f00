import { porterStem } from './porter';

/** Common English function words plus boilerplate of technology-transfer listings. */
export const EN_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each etc few for from further had has have having he her here hers him his how i if in into ' +
    'is it its itself just me more most my no nor not now of off on once only or other our ours out over own per same she should so some ' +
    'such than that the their theirs them then there these they this those through to too under until up upon very via was we were what ' +
    'when where which while who whom why will with within without would you your yours ' +
    'e g eg ie i.e e.g use used using based include includes including provide provides provided offer offers offered need needs needed ' +
    'seek seeking looking want wants require requires required requirement must may might us new one two three per cent ' +
    'company enterprise enterprises firm partner partners project projects ltd co inc pvt pakistan pakistani china chinese cpec'
  ).split(/\s+/),
);

const TOKEN_RE = /[a-z0-9]+(?:[.'][a-z0-9]+)*/g;

/** Lowercased raw tokens (Latin letters and digits), no stop-word removal. */
export function tokenizeEnglish(text: string): string[] {
  return tokenizeEnglishSurface(text).map((t) => t.key);
}

/**
 * Tokens with the form they have in the text (`surface`, original case) next to the lowercased key,
 * so explanations can quote the words a document really uses; `joiner` is how the token attaches to
 * the previous one ('-' inside hyphenated words, else ' ').
 */
export function tokenizeEnglishSurface(text: string): { key: string; surface: string; joiner: string }[] {
  const norm = text.normalize('NFKC');
  const lower = norm.toLowerCase();
  // toLowerCase keeps offsets for almost every script; when it does not (e.g. 'İ'), quote the key.
  const sameOffsets = lower.length === norm.length;
  const out: { key: string; surface: string; joiner: string }[] = [];
  let prevEnd = -1;
  for (const m of lower.matchAll(TOKEN_RE)) {
    let t = m[0];
    let s = sameOffsets ? norm.slice(m.index!, m.index! + t.length) : t;
    if (t.endsWith("'s")) {
      t = t.slice(0, -2);
      s = s.slice(0, -2);
    }
    t = t.replace(/'/g, '');
    // how this token is joined to the previous one in the text ("heat-tolerant" keeps its hyphen when quoted)
    const gap = prevEnd < 0 ? ' ' : lower.slice(prevEnd, m.index!);
    prevEnd = m.index! + m[0].length;
    if (t.length === 0) continue;
    out.push({ key: t, surface: s, joiner: /^[-\s]{1,3}$/.test(gap) ? gap.replace(/\s+/g, ' ') : ' ' });
  }
  return out;
}

const CODE_RE = /^(?=[a-z0-9.]*[a-z])(?=[a-z0-9.]*[0-9])[a-z0-9.]{4,}$/;
const MEASUREMENT_RE = /^[0-9.]+[a-z]{1,4}[0-9]?$/;

/**
 * A model number, part number or standard: a lowercased token of ≥ 4 characters mixing letters and
 * digits (tbx7q2, yt500, iec61850, a320), but not a measurement (10kw, 220kv, 100m3).
 */
export function isCodeToken(key: string): boolean {
  return CODE_RE.test(key) && !MEASUREMENT_RE.test(key);
}

/** A token's index term: stop words → null; numbers kept only when mixed with letters or ≥ 2 digits; codes are not stemmed. */
export function englishTerm(token: string): string | null {
  if (EN_STOP_WORDS.has(token)) return null;
  if (isCodeToken(token)) return token;
  if (token.length === 1 && !/[0-9]/.test(token)) return null;
  if (/^[0-9.]+$/.test(token)) return null; // bare numbers carry no topic
  return porterStem(token);
}
