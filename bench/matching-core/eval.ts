/**
 * Ranking-quality evaluation of the matching engine on test/fixtures/matching.
 * Reusable by other rankers (e.g. a Postgres ts_rank baseline): pass `rank` to evaluate anything
 * that maps a need to an ordered list of offer ids.
 */
import { MatchingEngine, meanOf, ndcgAtK, precisionAtK, reciprocalRank, type MatchingConfig, type NeedDoc } from '@techbridge/matching-core';
import { loadMatchingFixtures, type MatchingFixtures } from '../../test/fixtures/matching';

export { loadMatchingFixtures, type MatchingFixtures };

export interface Metrics {
  queries: number;
  ndcg10: number;
  p5: number;
  mrr: number;
}

export interface EvaluationResult {
  overall: Metrics;
  /** needs with at least one grade-3 offer written in Chinese (language zh-Hans) */
  chinese: Metrics;
  perNeed: { needId: string; ndcg10: number; p5: number; rr: number; ranked: string[] }[];
}

export type Ranker = (need: NeedDoc) => string[];

/** Needs whose best (grade-3) offers include one written in Chinese: the cross-lingual subset. */
export function chineseSubset(f: MatchingFixtures): Set<string> {
  const zh = new Set(f.offers.filter((o) => o.language === 'zh-Hans').map((o) => o.id));
  return new Set(Object.entries(f.qrels).filter(([, q]) => Object.entries(q).some(([o, g]) => g === 3 && zh.has(o))).map(([n]) => n));
}

export function engineRanker(f: MatchingFixtures, config?: Partial<MatchingConfig>): Ranker {
  const engine = new MatchingEngine({ now: () => f.now, ...config });
  for (const o of f.offers) engine.upsertOffer(o);
  return (need) => engine.matchNeed(need, { limit: 20 }).matches.map((m) => m.offerId);
}

export function runEvaluation(opts: { fixtures?: MatchingFixtures; rank?: Ranker; config?: Partial<MatchingConfig> } = {}): EvaluationResult {
  const f = opts.fixtures ?? loadMatchingFixtures();
  const rank = opts.rank ?? engineRanker(f, opts.config);
  const zhSet = chineseSubset(f);
  const perNeed = f.needs
    .filter((n) => f.qrels[n.id])
    .map((n) => {
      const ranked = rank(n);
      const q = f.qrels[n.id];
      return { needId: n.id, ndcg10: ndcgAtK(ranked, q, 10), p5: precisionAtK(ranked, q, 5), rr: reciprocalRank(ranked, q), ranked };
    });
  const agg = (rows: typeof perNeed): Metrics => ({
    queries: rows.length,
    ndcg10: meanOf(rows.map((r) => r.ndcg10)),
    p5: meanOf(rows.map((r) => r.p5)),
    mrr: meanOf(rows.map((r) => r.rr)),
  });
  return { overall: agg(perNeed), chinese: agg(perNeed.filter((r) => zhSet.has(r.needId))), perNeed };
}

if (require.main === module) {
  const r = runEvaluation();
  const f = loadMatchingFixtures();
  for (const p of r.perNeed) {
    const q = f.qrels[p.needId];
    console.log(p.needId, p.ndcg10.toFixed(3), p.ranked.slice(0, 8).map((id) => `${id.slice(6)}:${q[id] ?? 0}`).join(' '), '| missing:', Object.keys(q).filter((o) => !p.ranked.includes(o)).map((o) => `${o.slice(6)}:${q[o]}`).join(' '));
  }
  console.log(JSON.stringify({ overall: r.overall, chinese: r.chinese }, null, 1));
}
