/** Field-weighted concept vectors (BM25F-style) for offers and needs. */
import { analyzeWeighted, type AnalyzerLanguage } from '../text/analyzer';

/** Field boosts: a concept in the title counts 3×, in a keyword 2.5×, in the summary 1.5×. */
export const FIELD_WEIGHTS = { title: 3, keywords: 2.5, summary: 1.5, description: 1 } as const;

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
}

export function vectorize(d: DocText): ConceptVector {
  const tf = new Map<string, number>();
  let dl = 0;
  const add = (text: string, fw: number) => {
    for (const { c, w } of analyzeWeighted(text, d.language)) {
      const v = fw * w;
      tf.set(c, (tf.get(c) ?? 0) + v);
      dl += v;
    }
  };
  add(d.title ?? '', FIELD_WEIGHTS.title);
  for (const k of d.keywords ?? []) add(k, FIELD_WEIGHTS.keywords);
  add(d.summary ?? '', FIELD_WEIGHTS.summary);
  add(d.description ?? '', FIELD_WEIGHTS.description);
  let usable = 0;
  for (const c of tf.keys()) if (!c.startsWith('zh:') && !c.startsWith('ur:')) usable++;
  return { tf, dl, usable };
}
