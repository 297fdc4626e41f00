/**
 * Threshold calibration on the TUNING part of test/fixtures/matching (never the held-out part).
 *
 * For each (unmappedWeight, evidenceOnset, evidenceFull, threshold) on a grid, runs the evaluation on the tuning needs
 * and scores the "matched vs unmet" decision: a relevant need must not be returned empty, an unmet
 * need must be. The objective, in order:
 *  1. the balanced accuracy of that decision (mean of the two rates);
 *  2. the margin: how many threshold points the choice lies from the nearest threshold (same gate)
 *     that is worse on balanced accuracy or on recall@10 — the middle of a plateau, not its edge, so
 *     that a need a little different from the tuning set does not flip;
 *  3. recall@10 (grade ≥ 2), then nDCG@10 (to three decimals: smaller differences on 21 needs are noise);
 *  4. the larger weight of unmapped words (`unmappedWeight`): they are counted as evidence as far as
 *     the tuning needs allow it at no cost — the data decides what it costs, not whether to count them;
 *  5. the threshold nearest the shipped default: ties keep what is configured.
 *
 *   node -r ./bench/matching-core/register.js bench/matching-core/calibrate-threshold.ts
 */
import { DEFAULT_MATCHING_CONFIG, MatchingEngine, type NeedDoc } from '@techbridge/matching-core';
import { loadMatchingFixtures, presentedOffers, runEvaluation, type EvaluationPart } from './eval';

export interface CalibrationRow {
  unmappedWeight: number;
  evidenceOnset: number;
  evidenceFull: number;
  threshold: number;
  balancedAccuracy: number;
  unmetReturnedEmpty: number;
  relevantMatched: number;
  recall10: number;
  ndcg10: number;
  /** threshold points to the nearest worse balanced accuracy or recall@10 on the same gate (grid edge counts as worse) */
  margin: number;
}

export const MIN_RAMP = 0.2;
export const UNMAPPED_GRID = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5];
export const ONSET_GRID = [0, 0.1, 0.15, 0.2, 0.25];
export const EVIDENCE_GRID = [0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8];
export const THRESHOLD_GRID = Array.from({ length: 41 }, (_, i) => 10 + i);

export interface CalibrationGrids {
  unmapped?: readonly number[];
  onset?: readonly number[];
  evidence?: readonly number[];
  threshold?: readonly number[];
}

export function calibrate(
  part: EvaluationPart = 'tuning',
  grids: CalibrationGrids = {},
): { rows: CalibrationRow[]; best: CalibrationRow } {
  const fixtures = loadMatchingFixtures();
  const rows: CalibrationRow[] = [];
  for (const unmappedWeight of grids.unmapped ?? UNMAPPED_GRID) {
    // one engine per unmapped weight: the threshold and the gate are read at query time, so the
    // offers are indexed once and the configuration is changed between runs
    const engine = new MatchingEngine({ now: () => fixtures.now, unmappedWeight });
    for (const o of fixtures.offers) engine.upsertOffer(o);
    const rank = (n: NeedDoc) => presentedOffers(engine.matchNeed(n, { limit: 20 }));
    for (const evidenceOnset of grids.onset ?? ONSET_GRID) {
      for (const evidenceFull of grids.evidence ?? EVIDENCE_GRID) {
        // the gate must ramp over ≥ 0.2 of text relevance: a step would make scores jump at one
        // text value and rankings brittle, and on 31 tuning needs a step always "wins" by widening the
        // threshold plateau (scores split into two clumps), which says nothing about new needs
        if (evidenceFull - evidenceOnset < MIN_RAMP - 1e-9) continue;
        const line: CalibrationRow[] = [];
        for (const threshold of grids.threshold ?? THRESHOLD_GRID) {
          Object.assign(engine.config, { threshold, evidenceFull, evidenceOnset });
          const r = runEvaluation({ fixtures, part, rank });
          const relevant = r.perNeed.filter((p) => !p.unmet);
          const relevantMatched = relevant.length
            ? relevant.filter((p) => p.ranked.length > 0).length / relevant.length
            : 1;
          line.push({
            unmappedWeight,
            evidenceOnset,
            evidenceFull,
            threshold,
            balancedAccuracy: (r.unmet.returnedEmpty + relevantMatched) / 2,
            unmetReturnedEmpty: r.unmet.returnedEmpty,
            relevantMatched,
            recall10: r.overall.recall10,
            ndcg10: r.overall.ndcg10,
            margin: 0,
          });
        }
        const asGood = (x: CalibrationRow, row: CalibrationRow) =>
          x.balancedAccuracy >= row.balancedAccuracy - 1e-12 && x.recall10 >= row.recall10 - 1e-12;
        line.forEach((row, i) => {
          let lo = i;
          while (lo > 0 && asGood(line[lo - 1], row)) lo--;
          let hi = i;
          while (hi < line.length - 1 && asGood(line[hi + 1], row)) hi++;
          row.margin = Math.min(i - lo + 1, hi - i + 1);
        });
        rows.push(...line);
      }
    }
  }
  const d = DEFAULT_MATCHING_CONFIG.threshold;
  const better = (a: CalibrationRow, b: CalibrationRow) =>
    a.balancedAccuracy - b.balancedAccuracy ||
    a.margin - b.margin ||
    a.recall10 - b.recall10 ||
    Math.round(a.ndcg10 * 1000) - Math.round(b.ndcg10 * 1000) ||
    a.unmappedWeight - b.unmappedWeight ||
    Math.abs(b.threshold - d) - Math.abs(a.threshold - d);
  const best = rows.reduce((x, y) => (better(y, x) > 1e-12 ? y : x));
  return { rows, best };
}

if (require.main === module) {
  const { rows, best } = calibrate();
  const f = (x: number) => x.toFixed(3);
  console.log('unmapped onset full threshold balancedAcc margin unmetEmpty relevantMatched recall10 ndcg10');
  for (const r of rows)
    if (r.threshold % 5 === 0 || r === best)
      console.log(
        r.unmappedWeight,
        r.evidenceOnset,
        r.evidenceFull,
        r.threshold,
        f(r.balancedAccuracy),
        r.margin,
        f(r.unmetReturnedEmpty),
        f(r.relevantMatched),
        f(r.recall10),
        f(r.ndcg10),
        r === best ? '← best' : '',
      );
  console.log('best', JSON.stringify(best));
}
