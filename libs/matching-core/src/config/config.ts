import type { MatchComponents } from '../types';

export interface MatchingConfig {
  /**
   * Component weights; the score is 100 × Σ weight·component / Σ weight.
   *  - text: BM25F relevance over title (×3) / keywords (×2.5) / summary (×1.5) / description, on
   *    language-neutral concepts (EN, ZH and UR all map to the same ids), normalised per query.
   *  - sector: exact sub-sector 1, need top-level sector containing the offer's sub-sector 0.8,
   *    same top-level sector 0.6, otherwise 0.
   *  - trl: offer TRL ≥ need minimum is required (else near-miss); closer to market is better.
   *  - budget: 1 when the ranges overlap after conversion through `ratesToUsd`; 0.6 when either
   *    side gave no amount; budget below the price is a near-miss.
   *  - region: 1 when the need's region is targeted (or the offer targets none), 0.3 otherwise.
   *  - mode: mean of Jaccard and overlap coefficient of cooperation modes (≥ 1 common is a hard filter).
   *  - freshness: decays with the offer's age (half-life 180 days, floor 0.2), and is lowered
   *    when the offer expires before the need's deadline.
   */
  weights: MatchComponents;
  /**
   * Minimum score (0–100) for a match to be shown. Calibrated on the tuning half of
   * test/fixtures/matching (see docs/matching-quality.md): at the default, a need that no offer
   * serves gets no matches while relevant needs keep theirs.
   */
  threshold: number;
  /**
   * Text relevance (0..1) from which the non-text components count in full. Below it they are
   * scaled down in proportion (to 10 % at no evidence), so a pair that only shares a sector, a
   * cooperation mode or a region cannot reach the threshold. Tuned with the threshold.
   */
  evidenceFull: number;
  /** Text relevance up to which the non-text components stay at their floor (see evidenceGate). */
  evidenceOnset: number;
  /**
   * Weight (0..1, relative to a translated concept) of a word the dictionaries cannot map: a Chinese
   * or Urdu word with no translation, kept as its written form (`zh:…` / `ur:…`). It counts in the
   * need's ideal text score — what the need says that no translated concept covers — and as evidence
   * when the other text uses the same word. 0 leaves such words out entirely. Tuned with the threshold.
   */
  unmappedWeight: number;
  /**
   * IDF scale: concepts held by fewer than about this share of the documents count as fully specific
   * (see `idfOf`). Tuned with the threshold.
   */
  idfShareFloor: number;
  /**
   * Size of the background catalogue the index is read against when computing document shares for
   * the IDF (see `idfOf`): share = df / (indexed documents + idfPriorDocs). Makes term weights — and
   * the calibrated threshold — independent of how topically concentrated the indexed corpus is.
   * 0 = the index alone. Tuned with the threshold, at two corpus sizes.
   */
  idfPriorDocs: number;
  /** scores in [threshold − margin, threshold) are reported as near-misses */
  nearMissMargin: number;
  /** which offer countries a need of a given country is matched with (and vice versa) */
  counterpartCountries: Record<string, string[]>;
  /** units of USD per 1 unit of currency; operator-settable, never fetched from the network */
  ratesToUsd: Record<string, number>;
  /** clock, injectable for tests */
  now?: () => Date;
}

export const DEFAULT_WEIGHTS: MatchComponents = Object.freeze({
  text: 0.5,
  sector: 0.2,
  trl: 0.08,
  budget: 0.06,
  region: 0.05,
  mode: 0.06,
  freshness: 0.05,
});

export const DEFAULT_MATCHING_CONFIG: MatchingConfig = Object.freeze({
  weights: DEFAULT_WEIGHTS,
  // calibrated on the tuning half of test/fixtures/matching, with and without 10,000 distractor
  // offers (bench/matching-core/calibrate-threshold.ts; docs/matching-quality.md §9)
  threshold: 45,
  evidenceFull: 0.4,
  evidenceOnset: 0.15,
  unmappedWeight: 0.15,
  idfShareFloor: 0.005,
  idfPriorDocs: 1000,
  nearMissMargin: 5,
  counterpartCountries: Object.freeze({ PK: ['CN'], CN: ['PK'] }) as Record<string, string[]>,
  // Indicative rates (2025): 1 CNY ≈ 0.139 USD, 1 PKR ≈ 0.00357 USD.
  ratesToUsd: Object.freeze({ USD: 1, CNY: 0.139, PKR: 0.00357 }) as Record<string, number>,
}) as MatchingConfig;

export function resolveConfig(partial?: Partial<MatchingConfig>): MatchingConfig {
  const base = DEFAULT_MATCHING_CONFIG;
  return {
    weights: { ...base.weights, ...(partial?.weights ?? {}) },
    threshold: partial?.threshold ?? base.threshold,
    evidenceFull: partial?.evidenceFull ?? base.evidenceFull,
    evidenceOnset: partial?.evidenceOnset ?? base.evidenceOnset,
    unmappedWeight: partial?.unmappedWeight ?? base.unmappedWeight,
    idfShareFloor: partial?.idfShareFloor ?? base.idfShareFloor,
    idfPriorDocs: partial?.idfPriorDocs ?? base.idfPriorDocs,
    nearMissMargin: partial?.nearMissMargin ?? base.nearMissMargin,
    counterpartCountries: partial?.counterpartCountries ?? { ...base.counterpartCountries },
    ratesToUsd: { ...base.ratesToUsd, ...(partial?.ratesToUsd ?? {}) },
    now: partial?.now,
  };
}
