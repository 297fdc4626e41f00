/**
 * Quality gate: the engine on the HELD-OUT part of the graded CPEC evaluation set
 * (test/fixtures/matching, split.json: need-63 … need-86, written and graded blind after every
 * parameter had been chosen), with the 79 graded offers alone and with 10,000 distractor offers added
 * (bench/matching-core/distractors.ts). Needs 01–62 are the tuning part (the first split's tuning and
 * held-out parts: the latter had been looked at too often to be reported on as unseen).
 * Targets from issue 10. Met targets are asserted as targets; missed ones are held at the level the
 * fresh held-out part reached (docs/matching-quality.md §5), so that a regression still fails, and
 * each such test says it is missed.
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

  it('holds out the fresh needs 63–86, by id; needs 01–62 tune', () => {
    const parts = Object.entries(fixtures.split);
    expect(parts.length).toBe(fixtures.needs.length);
    for (const [id, part] of parts) expect(part).toBe(Number(id.split('-')[1]) >= 63 ? 'held-out' : 'tuning');
    expect(parts.filter(([, p]) => p === 'held-out')).toHaveLength(24);
    expect(r.overall.queries).toBe(16);
    expect(r.chinese.queries).toBeGreaterThanOrEqual(10);
    expect(r.urdu.queries).toBeGreaterThanOrEqual(6);
    expect(r.unmet.unmetNeeds).toBeGreaterThanOrEqual(7);
  });

  it('no drop of more than 0.03 nDCG@10 with 10,000 distractors (met: 0.804 → 0.804)', () => {
    expect(r.overall.ndcg10 - r10k.overall.ndcg10).toBeLessThanOrEqual(0.03);
    expect(r.chinese.ndcg10 - r10k.chinese.ndcg10).toBeLessThanOrEqual(0.03);
    expect(r.urdu.ndcg10 - r10k.urdu.ndcg10).toBeLessThanOrEqual(0.03);
  });

  it('nDCG@10 ≥ 0.90 overall and on the Chinese subset, ≥ 0.85 on Urdu-bodied needs — MISSED; held at the level reached', () => {
    // 0.804 / Chinese 0.774 / Urdu 0.653 with the 79 offers and with the distractors (0.799 / 0.766 /
    // 0.639 before this round's tuning-part changes). need-68 (halal abattoir) and need-72 (kinnow
    // juice), both written in Urdu, find nothing; need-63 misses its grade-2 offer (docs §5).
    for (const x of [r, r10k]) {
      expect(x.overall.ndcg10).toBeGreaterThanOrEqual(0.8);
      expect(x.chinese.ndcg10).toBeGreaterThanOrEqual(0.77);
      expect(x.urdu.ndcg10).toBeGreaterThanOrEqual(0.65);
    }
  });

  it('unmet needs returned empty ≥ 90 % — MISSED; held at the level reached (5 of 8; 6 of 8 with the distractors)', () => {
    expect(r.unmet.returnedEmpty).toBeGreaterThanOrEqual(0.625);
    expect(r10k.unmet.returnedEmpty).toBeGreaterThanOrEqual(0.75);
    // precision of "returned empty": two relevant Urdu needs (68, 72) come back empty at both sizes
    for (const x of [r, r10k]) expect(x.unmet.relevantReturnedEmpty).toBeLessThanOrEqual(2);
    expect(r.unmet.precision).toBeGreaterThanOrEqual(0.71);
    expect(r10k.unmet.precision).toBeGreaterThanOrEqual(0.75);
  });

  it('recall@10 (grade ≥ 2) ≥ 0.95 — MISSED; held at the level reached (0.844 at both sizes)', () => {
    expect(r.overall.recall10).toBeGreaterThanOrEqual(0.84);
    expect(r10k.overall.recall10).toBeGreaterThanOrEqual(0.84);
  });

  it('the gate can fail: with the previous term weights and calibration, distractors make more unmet needs match', () => {
    const saved = { ...large.config };
    Object.assign(large.config, { idfPriorDocs: 0, threshold: 36, evidenceFull: 0.35, evidenceOnset: 0.15, unmappedWeight: 0.15 });
    try {
      expect(runEvaluation({ fixtures, part: 'held-out', rank: rankLarge }).unmet.returnedEmpty).toBeLessThan(0.75);
    } finally {
      Object.assign(large.config, saved);
    }
    expect(large.config.idfPriorDocs).toBe(DEFAULT_MATCHING_CONFIG.idfPriorDocs);
  });

  it('the gate can fail: a ranker that ignores relevance scores far below it', () => {
    const bad = runEvaluation({ fixtures, part: 'held-out', rank: () => ['offer-44', 'offer-37', 'offer-28', 'offer-26', 'offer-39'] });
    expect(bad.overall.ndcg10).toBeLessThan(0.8);
    expect(bad.unmet.returnedEmpty).toBeLessThan(0.625);
  });

  it('the gate can fail: with unmapped words left out (the previous rule), an unmet Urdu need is matched on its general words (need-34, tuning part)', () => {
    // On the fresh held-out part, leaving unmapped words out does not change unmet detection (docs §5).
    const dropped = runEvaluation({ fixtures, part: 'tuning', config: { unmappedWeight: 0 } });
    expect(dropped.unmet.returnedEmpty).toBeLessThan(1);
  });

  it('the gate can fail: without the evidence rule, a shared sector fills the lists of unmet needs', () => {
    // no gate (non-text components always count in full) at the old threshold of 20
    const loose = runEvaluation({ fixtures, part: 'held-out', config: { threshold: 20, evidenceOnset: 0, evidenceFull: 0 } });
    expect(loose.unmet.returnedEmpty).toBeLessThan(0.625);
  });
});
