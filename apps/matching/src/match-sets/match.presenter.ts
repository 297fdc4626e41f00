import { Reason, ReasonLanguage, renderReason } from '@techbridge/matching-core';
import { MatchEntity } from './infrastructure/match.entity';

export interface PresentOptions {
  lang: ReasonLanguage;
  full: boolean;
  weights: Record<string, number>;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The engine orders reasons by weight; the default view shows the strongest few, explain=full all. */
const SHORT_REASONS = 3;

/** A stored match as the API shows it: reasons rendered in the caller's language. */
export function presentMatch(m: MatchEntity, counterpart: Record<string, unknown> | null, o: PresentOptions) {
  const components = Object.fromEntries(Object.entries(m.components).map(([k, v]) => [k, round(v)]));
  const base = {
    offerId: m.offerId,
    needId: m.needId,
    rank: m.rank,
    score: m.score,
    components,
    matchedTerms: m.matchedTerms,
    reasons: (o.full ? m.reasons : m.reasons.slice(0, SHORT_REASONS)).map((r) => renderReason(r as Reason, o.lang)),
    nearMiss: m.nearMiss ? renderReason(m.nearMiss as Reason, o.lang) : null,
    counterpart,
  };
  if (!o.full) return base;
  const total = Object.values(o.weights).reduce((a, b) => a + b, 0) || 1;
  return {
    ...base,
    explanation: {
      weights: o.weights,
      // Points each component contributed to the 0–100 score.
      contributions: Object.fromEntries(
        Object.entries(m.components).map(([k, v]) => [k, Math.round(((100 * (o.weights[k] ?? 0) * v) / total) * 10) / 10]),
      ),
      reasonCodes: m.reasons,
      nearMissCode: m.nearMiss,
    },
  };
}

/** Public facts about the other side of a match (never contact details). */
/** (The index copy stands in while the projection row of a just-published item is committing.) */
export function counterpartOf(snapshot: Record<string, any> | object | undefined): Record<string, unknown> | null {
  if (!snapshot) return null;
  const s = snapshot as Record<string, any>;
  return {
    id: s.id,
    enterpriseId: s.enterpriseId,
    country: s.country,
    title: s.title,
    summary: s.summary,
    language: s.language,
    sectors: s.sectors,
    ...(s.trl !== undefined ? { trl: s.trl } : {}),
    ...(s.minTrl !== undefined ? { minTrl: s.minTrl } : {}),
    status: s.status,
  };
}
