/** Quality gate: the engine's ranking on the graded CPEC evaluation set. */
import { runEvaluation } from '../../../../bench/matching-core/eval';

describe('matching quality (test/fixtures/matching)', () => {
  const r = runEvaluation();
  it('nDCG@10 ≥ 0.85 overall and ≥ 0.80 on needs whose best offers are written in Chinese', () => {
    expect(r.overall.queries).toBeGreaterThanOrEqual(20);
    expect(r.chinese.queries).toBeGreaterThanOrEqual(5);
    expect(r.overall.ndcg10).toBeGreaterThanOrEqual(0.85);
    expect(r.chinese.ndcg10).toBeGreaterThanOrEqual(0.8);
  });
  it('the gate can fail: a ranker that ignores relevance scores far below it', () => {
    const bad = runEvaluation({ rank: () => ['offer-44', 'offer-37', 'offer-28', 'offer-26', 'offer-39'] });
    expect(bad.overall.ndcg10).toBeLessThan(0.85);
  });
});
