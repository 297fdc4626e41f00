/** Field-weighted concept vectors (BM25F-style) for offers and needs. */
import { analyzeWeighted, type AnalyzerLanguage } from '../text/analyzer';

/** Field boosts: a concept in the title counts 3×, in a keyword 2.5×, in the summary 1.5×. */
export const FIELD_WEIGHTS = { title: 3, keywords: 2.5, summary: 1.5, description: 1 } as const;

/** at most this many distinct surface forms are kept per concept (explanations quote the first ones) */
export const MAX_SURFACES = 3;

export interface DocText {
  title: string;
  summary: string;
  description: string;
  keywords: readonly string[];
  language: AnalyzerLanguage;
}

export interface ConceptVector {
  tf: Map<string, number>;
  /** Σ tf — the BM25 document length */
  dl: number;
  /** distinct concepts that are not language-local leftovers (zh:/ur:) */
  usable: number;
  /** concept → the words of this document that carry it, as written (title first) */
  surfaces: Map<string, string[]>;
}

/*
 * Surface forms repeat across documents ("滴灌", "solar"); interning them keeps one string per form
 * in the index instead of one per document. Bounded so that a stream of unique words cannot grow it
 * without limit (past the bound forms are simply not shared).
 */
const interned = new Map<string, string>();
function intern(s: string): string {
  const hit = interned.get(s);
  if (hit !== undefined) return hit;
  if (interned.size < 200_000) interned.set(s, s);
  return s;
}

export function vectorize(d: DocText): ConceptVector {
  const tf = new Map<string, number>();
  const surfaces = new Map<string, string[]>();
  let dl = 0;
  const add = (text: string, fw: number) => {
    for (const { c, w, s } of analyzeWeighted(text, d.language)) {
      const v = fw * w;
      tf.set(c, (tf.get(c) ?? 0) + v);
      dl += v;
      if (s) {
        const list = surfaces.get(c);
        if (!list) surfaces.set(c, [intern(s)]);
        else if (list.length < MAX_SURFACES && !list.some((x) => x.toLowerCase() === s.toLowerCase())) list.push(intern(s));
      }
    }
  };
  add(d.title ?? '', FIELD_WEIGHTS.title);
  for (const k of d.keywords ?? []) add(k, FIELD_WEIGHTS.keywords);
  add(d.summary ?? '', FIELD_WEIGHTS.summary);
  add(d.description ?? '', FIELD_WEIGHTS.description);
  let usable = 0;
  for (const c of tf.keys()) if (!c.startsWith('zh:') && !c.startsWith('ur:')) usable++;
  return { tf, dl, usable, surfaces };
}
