/**
 * Pair scoring: hard filters, component values (each 0..1) and decisive failures.
 * Everything here is a pure function of (need features, offer features, text score, config).
 */
import type { MatchComponents, Money } from '../types';
import type { MatchingConfig } from '../config/config';
import { popcount, type PairFeatures } from './features';

export type Decisive = 'trl' | 'budget';
/** a soft condition: the pair may still match (ranked lower, with the reason) */
export type Soft = 'region';

export interface PairEvaluation {
  components: MatchComponents;
  /** decisive soft conditions that failed (TRL below minimum, budget below price) */
  failures: Decisive[];
  /** soft conditions that failed (the need's region is not among the offer's target regions) */
  soft: Soft[];
  /** weighted score 0..1 as computed */
  raw: number;
  /** weighted score 0..1 if every failed decisive and soft condition were satisfied (for near-misses) */
  rawIfFixed: number;
  /** the evidence gate applied to the non-text components (1 = full evidence) */
  gate: number;
}

/**
 * Share of the non-text components a pair with no textual evidence keeps. Small on purpose: such a
 * pair (only a shared sector, cooperation mode, region…) scores at most 100 × floor × (1 − text
 * weight) = 5 points, far below any useful threshold, yet its context still orders the closest
 * near-misses of a need that nothing serves.
 */
export const EVIDENCE_FLOOR = 0.1;

/**
 * The evidence gate: a match needs textual or conceptual evidence, not only a shared sector. The
 * non-text components (sector, TRL, budget, region, mode, freshness) describe how well two items fit
 * *given* that they are about the same technology, so they count at the floor up to a text relevance
 * of `onset` (a few general words in common: "training", "system", "water"), rise linearly above it
 * and count in full from `full` on.
 */
export function evidenceGate(text: number, full: number, onset = 0): number {
  if (full <= onset) return text >= full ? 1 : EVIDENCE_FLOOR;
  return EVIDENCE_FLOOR + (1 - EVIDENCE_FLOOR) * Math.min(1, Math.max(0, text - onset) / (full - onset));
}

const DAY = 86_400_000;

/** Hard filters: counterpart countries and at least one common cooperation mode. Liveness is checked by the caller. */
export function passesHardFilters(need: PairFeatures, offer: PairFeatures, cfg: MatchingConfig): boolean {
  const allowed = cfg.counterpartCountries[need.country];
  if (!allowed || !allowed.includes(offer.country)) return false;
  return (need.modes & offer.modes) !== 0;
}

export function sectorFit(need: PairFeatures, offer: PairFeatures): number {
  let best = 0;
  const ns = need.sectors;
  const os = offer.sectors;
  for (let i = 0; i < ns.length; i++) {
    for (let j = 0; j < os.length; j++) {
      if (ns[i] === os[j]) return 1;
      if (need.sectorTops[i] !== offer.sectorTops[j]) continue;
      // need names the whole sector and the offer is inside it: a good fit, not exact
      if (need.sectorIsTop[i]) best = Math.max(best, 0.8);
      else best = Math.max(best, 0.6);
    }
  }
  return best;
}

/** TRL: required ≥ minimum (else decisive failure); closer to market scores higher. */
export function trlFit(minTrl: number | null, trl: number | null): { fit: number; ok: boolean } {
  if (trl === null) return { fit: 0.5, ok: true };
  const market = 0.6 + (0.4 * (Math.min(Math.max(trl, 1), 9) - 1)) / 8;
  if (minTrl === null || minTrl === undefined) return { fit: market, ok: true };
  if (trl >= minTrl) return { fit: market, ok: true };
  // partial credit shrinking with the gap (for ranking near-misses)
  return { fit: Math.max(0, 0.5 - 0.15 * (minTrl - trl)), ok: false };
}

export function toUsd(amount: number, currency: string, rates: Record<string, number>): number | null {
  const r = rates[currency];
  return r && r > 0 ? amount * r : null;
}

export function convert(amount: number, from: string, to: string, rates: Record<string, number>): number | null {
  const usd = toUsd(amount, from, rates);
  const r = rates[to];
  return usd === null || !r ? null : usd / r;
}

/**
 * Budget vs price, both converted to USD. Overlap or price under budget → 1; unknown on either side → 0.6;
 * budget entirely below the price → decisive failure, with partial credit for small gaps.
 */
export function budgetFit(budget: Money | null, price: Money | null, rates: Record<string, number>): { fit: number; ok: boolean } {
  if (!budget || !price) return { fit: 0.6, ok: true };
  const bMax = toUsd(budget.max, budget.currency, rates);
  const pMin = toUsd(price.min, price.currency, rates);
  if (bMax === null || pMin === null) return { fit: 0.6, ok: true };
  if (bMax >= pMin) return { fit: 1, ok: true };
  const ratio = pMin > 0 ? bMax / pMin : 0;
  return { fit: Math.max(0, ratio - 0.5), ok: false };
}

/** Need region targeted by the offer (or the offer targets everywhere) → 1; otherwise 0.3. No need region → 0.8. */
export function regionFit(needRegions: readonly string[], offerRegions: readonly string[]): number {
  if (needRegions.length === 0) return 0.8;
  if (offerRegions.length === 0) return 1;
  return needRegions.some((r) => offerRegions.includes(r)) ? 1 : REGION_FIT_OUTSIDE;
}

/** region component when the need's region lies outside the offer's target regions */
export const REGION_FIT_OUTSIDE = 0.3;

/** Mean of Jaccard and overlap coefficient of the two mode sets. */
export function modeFit(a: number, b: number): number {
  const inter = popcount(a & b);
  if (inter === 0) return 0;
  const union = popcount(a | b);
  const minSize = Math.min(popcount(a), popcount(b));
  return 0.5 * (inter / union) + 0.5 * (inter / minSize);
}

/** Offer age decay (half-life 180 days, floor 0.2), × 0.7 when the offer expires before the need's deadline. */
export function freshnessFit(need: PairFeatures, offer: PairFeatures, now: number): number {
  const ageDays = Math.max(0, (now - offer.since) / DAY);
  let f = Math.max(0.2, Math.pow(0.5, ageDays / 180));
  if (need.liveUntil !== null && offer.liveUntil !== null && offer.liveUntil < need.liveUntil) f *= 0.7;
  return f;
}

export function weightSum(w: MatchComponents): number {
  return w.text + w.sector + w.trl + w.budget + w.region + w.mode + w.freshness;
}

export function weighted(c: MatchComponents, w: MatchComponents, useText: boolean, evidenceFull = 0, evidenceOnset = 0): number {
  const sum = useText ? weightSum(w) : weightSum(w) - w.text;
  if (sum <= 0) return 0;
  // without usable text there is nothing to gate on: the caller ranks by the other fields and says so
  const gate = useText ? evidenceGate(c.text, evidenceFull, evidenceOnset) : 1;
  const rest = w.sector * c.sector + w.trl * c.trl + w.budget * c.budget + w.region * c.region + w.mode * c.mode + w.freshness * c.freshness;
  return ((useText ? w.text * c.text : 0) + gate * rest) / sum;
}

export function evaluatePair(
  need: PairFeatures,
  offer: PairFeatures,
  text: number,
  sector: number,
  useText: boolean,
  cfg: MatchingConfig,
  now: number,
): PairEvaluation {
  const trl = trlFit(need.trl, offer.trl);
  const budget = budgetFit(need.money, offer.money, cfg.ratesToUsd);
  const components: MatchComponents = {
    text,
    sector,
    trl: trl.fit,
    budget: budget.fit,
    region: regionFit(need.regions, offer.regions),
    mode: modeFit(need.modes, offer.modes),
    freshness: freshnessFit(need, offer, now),
  };
  const failures: Decisive[] = [];
  if (!trl.ok) failures.push('trl');
  if (!budget.ok) failures.push('budget');
  const soft: Soft[] = components.region < REGION_FIT_OUTSIDE + 1e-9 ? ['region'] : [];
  const raw = weighted(components, cfg.weights, useText, cfg.evidenceFull, cfg.evidenceOnset);
  let rawIfFixed = raw;
  if (failures.length || soft.length) {
    const fixed = { ...components };
    if (!trl.ok) fixed.trl = trlFit(null, need.trl ?? offer.trl).fit;
    if (!budget.ok) fixed.budget = 1;
    if (soft.length) fixed.region = 1;
    rawIfFixed = weighted(fixed, cfg.weights, useText, cfg.evidenceFull, cfg.evidenceOnset);
  }
  return { components, failures, soft, raw, rawIfFixed, gate: useText ? evidenceGate(text, cfg.evidenceFull, cfg.evidenceOnset) : 1 };
}
