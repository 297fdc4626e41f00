/**
 * Quality gate: the engine on the HELD-OUT half of the graded CPEC evaluation set
 * (test/fixtures/matching, split.json: even need numbers). The tuning half chose the threshold, the
 * evidence gate and the weight of unmapped words (bench/matching-core/calibrate-threshold.ts); these
 * needs were never tuned on.
 * Targets from issue 10; docs/matching-quality.md has the figures and how they were obtained.
 */
import { runEvaluation, loadMatchingFixtures } from '../../../../bench/matching-core/eval';

describe('matching quality on the held-out part (test/fixtures/matching)', () => {
  const fixtures = loadMatchingFixtures();
  const r = runEvaluation({ fixtures, part: 'held-out' });

  it('holds out half of every kind of need, by id', () => {
    const parts = Object.entries(fixtures.split);
    expect(parts.length).toBe(fixtures.needs.length);
    for (const [id, part] of parts) expect(part).toBe(Number(id.split('-')[1]) % 2 === 0 ? 'held-out' : 'tuning');
    expect(r.overall.queries).toBeGreaterThanOrEqual(20);
    expect(r.chinese.queries).toBeGreaterThanOrEqual(10);
    expect(r.urdu.queries).toBeGreaterThanOrEqual(5);
    expect(r.unmet.unmetNeeds).toBeGreaterThanOrEqual(10);
  });

  it('nDCG@10 ≥ 0.90 overall and on needs served by Chinese-written offers, ≥ 0.85 on needs written in Urdu', () => {
    expect(r.overall.ndcg10).toBeGreaterThanOrEqual(0.9);
    expect(r.chinese.ndcg10).toBeGreaterThanOrEqual(0.9);
    expect(r.urdu.ndcg10).toBeGreaterThanOrEqual(0.85);
  });

  it('unmet needs come back empty (target ≥ 90 %; all of them are, every empty one truly unmet) while relevant needs keep their offers', () => {
    expect(r.unmet.returnedEmpty).toBeGreaterThanOrEqual(0.9);
    // held at the level reached: the Urdu gemstone need (need-34) no longer matches on its general words
    expect(r.unmet.returnedEmpty).toBe(1);
    expect(r.unmet.precision).toBe(1);
    expect(r.unmet.relevantReturnedEmpty).toBe(0);
  });

  it('recall@10 (grade ≥ 2) holds the level reached — the 0.95 target is missed (docs/matching-quality.md §5)', () => {
    // 0.917: five grade-2 offers share one or two concepts with their need (need-02, -20, -60 in
    // English; need-16 and need-44 in Urdu, where counting the need's unmapped Urdu words lowers the
    // text score of every cross-lingual offer) and fall below the threshold. Recorded as missed.
    expect(r.overall.recall10).toBeGreaterThanOrEqual(0.91);
  });

  it('the gate can fail: a ranker that ignores relevance scores far below it', () => {
    const bad = runEvaluation({ fixtures, part: 'held-out', rank: () => ['offer-44', 'offer-37', 'offer-28', 'offer-26', 'offer-39'] });
    expect(bad.overall.ndcg10).toBeLessThan(0.9);
    expect(bad.unmet.returnedEmpty).toBeLessThan(0.9);
  });

  it('the gate can fail: with unmapped words left out (the previous rule), an unmet Urdu need is matched on its general words', () => {
    const dropped = runEvaluation({ fixtures, part: 'held-out', config: { unmappedWeight: 0 } });
    expect(dropped.unmet.returnedEmpty).toBeLessThan(1);
  });

  it('the gate can fail: without the evidence rule, a shared sector fills the lists of unmet needs', () => {
    // no gate (non-text components always count in full) at the old threshold of 20
    const loose = runEvaluation({ fixtures, part: 'held-out', config: { threshold: 20, evidenceOnset: 0, evidenceFull: 0 } });
    expect(loose.unmet.returnedEmpty).toBeLessThan(0.9);
  });
});
