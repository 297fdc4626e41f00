/** Ranking-quality metrics (pure functions). Relevance grades are 0–3; missing ids count as 0. */

/** graded relevance per document id for one query */
export type Qrels = Readonly<Record<string, number>>;

/** nDCG@k with exponential gain (2^rel − 1) and log2 discount; 0 when the query has no relevant document. */
export function ndcgAtK(ranked: readonly string[], qrels: Qrels, k = 10): number {
  const gain = (rel: number) => Math.pow(2, rel) - 1;
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    dcg += gain(qrels[id] ?? 0) / Math.log2(i + 2);
  });
  const ideal = Object.values(qrels)
    .filter((r) => r > 0)
    .sort((a, b) => b - a)
    .slice(0, k);
  let idcg = 0;
  ideal.forEach((rel, i) => {
    idcg += gain(rel) / Math.log2(i + 2);
  });
  return idcg === 0 ? 0 : dcg / idcg;
}

/** Share of the first k results with relevance ≥ minRel (a short list still divides by k). */
export function precisionAtK(ranked: readonly string[], qrels: Qrels, k = 5, minRel = 1): number {
  let hits = 0;
  for (const id of ranked.slice(0, k)) if ((qrels[id] ?? 0) >= minRel) hits++;
  return hits / k;
}

/** 1 / rank of the first result with relevance ≥ minRel; 0 when none. */
export function reciprocalRank(ranked: readonly string[], qrels: Qrels, minRel = 1): number {
  for (let i = 0; i < ranked.length; i++) if ((qrels[ranked[i]] ?? 0) >= minRel) return 1 / (i + 1);
  return 0;
}

export function meanOf(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}
