/**
 * Threshold calibration on the TUNING part of test/fixtures/matching (never the held-out part), at
 * two corpus sizes: the 79 graded offers alone, and with 10,000 distractor offers added
 * (`distractorOffers`, docs/matching-quality.md §6). A configuration is judged by the WORSE of the two:
 * the threshold must mean the same in a small, topically dense index and in a large catalogue.
 *
 * For each (idfPriorDocs, unmappedWeight, evidenceOnset, evidenceFull, threshold) on a grid, runs the
 * evaluation on the tuning needs at both sizes and scores the "matched vs unmet" decision: a relevant
 * need must not be returned empty, an unmet need must be. The objective, in order:
 *  1. the balanced accuracy of that decision (mean of the two rates), the worse of the two sizes;
 *  2. the margin: how many threshold points the choice lies from the nearest threshold (same gate and
 *     weights) that is worse on balanced accuracy or on recall@10 — at either size: the middle of the
 *     plateau the two sizes share, not its edge, so that a need a little different from the tuning
 *     set (or a catalogue a little different from these two) does not flip;
 *  3. recall@10 (grade ≥ 2), then nDCG@10 (to three decimals: smaller differences on 21 needs are
 *     noise), each the worse of the two sizes;
 *  4. the larger weight of unmapped words (`unmappedWeight`): they are counted as evidence as far as
 *     the tuning needs allow it at no cost — the data decides what it costs, not whether to count them;
 *  5. the smaller background catalogue (`idfPriorDocs`): the least change to the term weights;
 *  6. the threshold nearest the shipped default: ties keep what is configured.
 *
 *   node -r ./bench/matching-core/register.js bench/matching-core/calibrate-threshold.ts [distractors=10000]
 */
import { DEFAULT_MATCHING_CONFIG, MatchingEngine, type NeedDoc } from '@techbridge/matching-core';
import { extraOffers, loadMatchingFixtures, presentedOffers, runEvaluation, type EvaluationPart } from './eval';

/** the figures of one configuration at one corpus size */
export interface SizeFigures {
  balancedAccuracy: number;
  unmetReturnedEmpty: number;
  relevantMatched: number;
  recall10: number;
  ndcg10: number;
}

export interface CalibrationRow extends SizeFigures {
  idfPriorDocs: number;
  unmappedWeight: number;
  evidenceOnset: number;
  evidenceFull: number;
  threshold: number;
  /** per corpus size (extra offers → figures); the row's own figures are the worse of them */
  bySize: Record<number, SizeFigures>;
  /** threshold points to the nearest worse balanced accuracy or recall@10 on the same line, at either size (grid edge counts as worse) */
  margin: number;
}

export const MIN_RAMP = 0.2;
export const PRIOR_GRID = [0, 1000, 3000, 10000];
export const UNMAPPED_GRID = [0.1, 0.15, 0.2];
export const ONSET_GRID = [0.1, 0.15, 0.2];
export const EVIDENCE_GRID = [0.35, 0.4, 0.5];
export const THRESHOLD_GRID = Array.from({ length: 36 }, (_, i) => 20 + i);
/** corpus sizes: extra distractor offers added to the graded ones */
export const SIZES = [0, 10_000];

export interface CalibrationGrids {
  prior?: readonly number[];
  unmapped?: readonly number[];
  onset?: readonly number[];
  evidence?: readonly number[];
  threshold?: readonly number[];
  sizes?: readonly number[];
}

export function calibrate(
  part: EvaluationPart = 'tuning',
  grids: CalibrationGrids = {},
): { rows: CalibrationRow[]; best: CalibrationRow } {
  const fixtures = loadMatchingFixtures();
  const sizes = grids.sizes ?? SIZES;
  // one engine per size: every calibrated parameter is read at query time, so the offers are
  // indexed once and the configuration is changed between runs
  const engines = sizes.map((n) => {
    const engine = new MatchingEngine({ now: () => fixtures.now });
    for (const o of fixtures.offers) engine.upsertOffer(o);
    for (const o of n ? extraOffers(n) : []) engine.upsertOffer(o);
    return engine;
  });
  const rows: CalibrationRow[] = [];
  for (const idfPriorDocs of grids.prior ?? PRIOR_GRID) {
    for (const unmappedWeight of grids.unmapped ?? UNMAPPED_GRID) {
      for (const evidenceOnset of grids.onset ?? ONSET_GRID) {
        for (const evidenceFull of grids.evidence ?? EVIDENCE_GRID) {
          // the gate must ramp over ≥ 0.2 of text relevance: a step would make scores jump at one
          // text value and rankings brittle, and on 31 tuning needs a step always "wins" by widening the
          // threshold plateau (scores split into two clumps), which says nothing about new needs
          if (evidenceFull - evidenceOnset < MIN_RAMP - 1e-9) continue;
          const lines: SizeFigures[][] = sizes.map(() => []);
          const thresholds = grids.threshold ?? THRESHOLD_GRID;
          for (const threshold of thresholds) {
            engines.forEach((engine, k) => {
              Object.assign(engine.config, { threshold, evidenceFull, evidenceOnset, unmappedWeight, idfPriorDocs });
              const rank = (n: NeedDoc) => presentedOffers(engine.matchNeed(n, { limit: 20 }));
              const r = runEvaluation({ fixtures, part, rank });
              const relevant = r.perNeed.filter((p) => !p.unmet);
              const relevantMatched = relevant.length
                ? relevant.filter((p) => p.ranked.length > 0).length / relevant.length
                : 1;
              lines[k].push({
                balancedAccuracy: (r.unmet.returnedEmpty + relevantMatched) / 2,
                unmetReturnedEmpty: r.unmet.returnedEmpty,
                relevantMatched,
                recall10: r.overall.recall10,
                ndcg10: r.overall.ndcg10,
              });
            });
          }
          const asGood = (x: SizeFigures, row: SizeFigures) =>
            x.balancedAccuracy >= row.balancedAccuracy - 1e-12 && x.recall10 >= row.recall10 - 1e-12;
          const marginAt = (line: SizeFigures[], i: number) => {
            let lo = i;
            while (lo > 0 && asGood(line[lo - 1], line[i])) lo--;
            let hi = i;
            while (hi < line.length - 1 && asGood(line[hi + 1], line[i])) hi++;
            return Math.min(i - lo + 1, hi - i + 1);
          };
          thresholds.forEach((threshold, i) => {
            const per = lines.map((l) => l[i]);
            const worst = (key: keyof SizeFigures) => Math.min(...per.map((p) => p[key]));
            rows.push({
              idfPriorDocs,
              unmappedWeight,
              evidenceOnset,
              evidenceFull,
              threshold,
              balancedAccuracy: worst('balancedAccuracy'),
              unmetReturnedEmpty: worst('unmetReturnedEmpty'),
              relevantMatched: worst('relevantMatched'),
              recall10: worst('recall10'),
              ndcg10: worst('ndcg10'),
              bySize: Object.fromEntries(sizes.map((n, k) => [n, per[k]])),
              margin: Math.min(...lines.map((l) => marginAt(l, i))),
            });
          });
        }
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
    b.idfPriorDocs - a.idfPriorDocs ||
    Math.abs(b.threshold - d) - Math.abs(a.threshold - d);
  const best = rows.reduce((x, y) => (better(y, x) > 1e-12 ? y : x));
  return { rows, best };
}

if (require.main === module) {
  const extra = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10_000);
  const { rows, best } = calibrate('tuning', { sizes: [0, extra] });
  const f = (x: number) => x.toFixed(3);
  const sizeCols = (r: CalibrationRow) =>
    Object.entries(r.bySize)
      .map(([n, s]) => `[+${n}: ${f(s.balancedAccuracy)} ${f(s.recall10)} ${f(s.ndcg10)}]`)
      .join(' ');
  console.log('prior unmapped onset full threshold | worst: balancedAcc margin unmetEmpty relevantMatched recall10 ndcg10 | per size: balancedAcc recall10 ndcg10');
  for (const r of rows)
    if (r.threshold % 5 === 0 || r === best)
      console.log(
        r.idfPriorDocs,
        r.unmappedWeight,
        r.evidenceOnset,
        r.evidenceFull,
        r.threshold,
        '|',
        f(r.balancedAccuracy),
        r.margin,
        f(r.unmetReturnedEmpty),
        f(r.relevantMatched),
        f(r.recall10),
        f(r.ndcg10),
        '|',
        sizeCols(r),
        r === best ? '← best' : '',
      );
  console.log('best', JSON.stringify(best));
}
