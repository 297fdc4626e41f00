/**
 * The outcome prior: what introductions taught about an offer, as a bounded score adjustment that
 * always says so in the reasons. Plain data in, plain data out; the service collects the track record
 * from its introductions and outcome ledger, and may switch the whole thing off.
 */
import type { Match, Reason } from '../types';

export interface OfferTrackRecord {
  /** Distinct firms of the need's country, in the need's sector, that signed a licence or formed a JV with the offer's enterprise. */
  signedFirms: number;
  /** Declined introductions on this offer, by decline reason. */
  declines: Record<string, number>;
}

export interface PriorContext {
  /** The need's country (whose firms' track record counts), e.g. PK. */
  country: string;
  /** The need's top-level sector, e.g. agriculture. */
  sector: string;
}

export interface PriorConfig {
  /** No adjustment exceeds this, up or down (score points out of 100). */
  maxPoints: number;
  pointsPerSignedFirm: number;
  pointsPerDecline: number;
  /** Fewer declines than this are noise: no penalty. */
  minDeclines: number;
}

export const DEFAULT_PRIOR_CONFIG: PriorConfig = { maxPoints: 5, pointsPerSignedFirm: 1.5, pointsPerDecline: 1, minDeclines: 2 };

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The adjustment for one offer and its reasons (none when there is nothing to say). */
export function outcomePrior(track: OfferTrackRecord | undefined, ctx: PriorContext, cfg: PriorConfig = DEFAULT_PRIOR_CONFIG): { delta: number; reasons: Reason[] } {
  if (!track) return { delta: 0, reasons: [] };
  const reasons: Reason[] = [];
  let delta = 0;
  if (track.signedFirms > 0) {
    const points = round1(Math.min(cfg.maxPoints, track.signedFirms * cfg.pointsPerSignedFirm));
    delta += points;
    reasons.push({ code: 'prior.signed', params: { count: track.signedFirms, country: ctx.country, sector: ctx.sector, points } });
  }
  const total = Object.values(track.declines).reduce((a, b) => a + b, 0);
  if (total >= cfg.minDeclines) {
    const points = round1(Math.min(cfg.maxPoints, total * cfg.pointsPerDecline));
    delta -= points;
    // the most frequent reason names it (ties: alphabetical, so the sentence is stable)
    const [top] = Object.entries(track.declines).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    reasons.push({ code: 'prior.declined', params: { count: total, declineReason: top[0], points } });
  }
  return { delta: round1(Math.max(-cfg.maxPoints, Math.min(cfg.maxPoints, delta))), reasons };
}

/**
 * Applies the prior to a ranked list: each adjusted score stays within ±maxPoints of the engine's and
 * within 0–100, carries its reasons first, and the list is re-ranked (ties keep the engine's order).
 */
export function applyOutcomePrior(matches: Match[], tracks: ReadonlyMap<string, OfferTrackRecord>, ctx: PriorContext, cfg: PriorConfig = DEFAULT_PRIOR_CONFIG): Match[] {
  const adjusted = matches.map((m, i) => {
    const { delta, reasons } = outcomePrior(tracks.get(m.offerId), ctx, cfg);
    if (reasons.length === 0) return { m, i };
    return { m: { ...m, score: round1(Math.max(0, Math.min(100, m.score + delta))), reasons: [...reasons, ...m.reasons] }, i };
  });
  return adjusted.sort((a, b) => b.m.score - a.m.score || a.i - b.i).map((x) => x.m);
}
