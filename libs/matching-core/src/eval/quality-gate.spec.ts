/**
 * Quality gate: the engine on the HELD-OUT half of the graded CPEC evaluation set
 * (test/fixtures/matching, split.json: even need numbers), with the 79 graded offers alone and with
 * 10,000 distractor offers added (bench/matching-core/distractors.ts). The tuning half chose the
 * threshold, the evidence gate, the weight of unmapped words and the IDF's background catalogue, at
 * both sizes (bench/matching-core/calibrate-threshold.ts); these needs were never tuned on.
 * Targets from issue 10; docs/matching-quality.md has the figures and how they were obtained (§9).
 */
import { DEFAULT_MATCHING_CONFIG, MatchingEngine, type NeedDoc } from '@techbridge/matching-core';
import { extraOffers, presentedOffers, runEvaluation, loadMatchingFixtures } from '../../../../bench/matching-core/eval';

describe('matching quality on the held-out part (test/fixtures/matching)', () => {
  const fixtures = loadMatchingFixtures();
  const r = runEvaluation({ fixtures, part: 'held-out' });
  // one engine over the graded offers and 10,000 distractors; its configuration is read at query time
  const large = new MatchingEngine({ now: () => fixtures.now });
  for (const o of [...fixtures.offers, ...extraOffers(10_000)]) large.upsertOffer(o);
  const rankLarge = (n: NeedDoc) => presentedOffers(large.matchNeed(n, { limit: 20 }));
  const r10k = runEvaluation({ fixtures, part: 'held-out', rank: rankLarge });

  it('holds out half of every kind of need, by id', () => {
    const parts = Object.entries(fixtures.split);
    expect(parts.length).toBe(fixtures.needs.length);
    for (const [id, part] of parts) expect(part).toBe(Number(id.split('-')[1]) % 2 === 0 ? 'held-out' : 'tuning');
    expect(r.overall.queries).toBeGreaterThanOrEqual(20);
    expect(r.chinese.queries).toBeGreaterThanOrEqual(10);
    expect(r.urdu.queries).toBeGreaterThanOrEqual(5);
    expect(r.unmet.unmetNeeds).toBeGreaterThanOrEqual(10);
  });

  it('nDCG@10 ≥ 0.90 overall and on needs served by Chinese-written offers, ≥ 0.85 on needs written in Urdu — with the 79 offers and with 10,000 distractors', () => {
    for (const x of [r, r10k]) {
      expect(x.overall.ndcg10).toBeGreaterThanOrEqual(0.9);
      expect(x.chinese.ndcg10).toBeGreaterThanOrEqual(0.9);
      expect(x.urdu.ndcg10).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('no drop of more than 0.03 nDCG@10 with 10,000 distractors', () => {
    expect(r.overall.ndcg10 - r10k.overall.ndcg10).toBeLessThanOrEqual(0.03);
  });

  it('unmet needs come back empty at both sizes (target ≥ 90 %; every empty one truly unmet) while relevant needs keep their offers', () => {
    for (const x of [r, r10k]) {
      expect(x.unmet.returnedEmpty).toBeGreaterThanOrEqual(0.9);
      expect(x.unmet.precision).toBe(1);
      expect(x.unmet.relevantReturnedEmpty).toBe(0);
    }
    // held at the level reached: all ten with the 79 offers (need-34, the Urdu gemstone need, does not
    // match on its general words); nine of ten with the distractors (0.70 before the third round)
    expect(r.unmet.returnedEmpty).toBe(1);
  });

  it('recall@10 (grade ≥ 2) holds the level reached at both sizes — the 0.95 target is missed (docs/matching-quality.md §9)', () => {
    // 0.917 at both sizes: five grade-2 offers that share one or two concepts with their need (need-02,
    // -20, -60 in English; need-16 and need-44 in Urdu) score below the threshold. Recorded as missed.
    expect(r.overall.recall10).toBeGreaterThanOrEqual(0.91);
    expect(r10k.overall.recall10).toBeGreaterThanOrEqual(0.91);
  });

  it('the gate can fail: with the previous term weights and calibration, distractors make unmet needs match', () => {
    const saved = { ...large.config };
    Object.assign(large.config, { idfPriorDocs: 0, threshold: 36, evidenceFull: 0.35, evidenceOnset: 0.15, unmappedWeight: 0.15 });
    try {
      expect(runEvaluation({ fixtures, part: 'held-out', rank: rankLarge }).unmet.returnedEmpty).toBeLessThan(0.9);
    } finally {
      Object.assign(large.config, saved);
    }
    expect(large.config.idfPriorDocs).toBe(DEFAULT_MATCHING_CONFIG.idfPriorDocs);
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
