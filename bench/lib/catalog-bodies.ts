/** REST bodies for catalog built from the synthetic documents (bench/matching-core/synthetic.ts). */
import type { NeedDoc, OfferDoc } from '@techbridge/matching-core';

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

export function needBody(n: NeedDoc): Record<string, unknown> {
  const deadline = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
  return {
    title: n.title,
    summary: n.summary,
    description: n.description,
    language: n.language,
    sectors: n.sectors,
    keywords: unique(n.keywords),
    minTrl: n.minTrl ?? undefined,
    cooperationModes: unique(n.cooperationModes),
    ...(n.budget ? { budget: { min: n.budget.min, max: n.budget.max, currency: n.budget.currency } } : {}),
    region: n.region ?? undefined,
    deadline,
    urgency: n.urgency ?? 'medium',
  };
}

export function offerBody(o: OfferDoc): Record<string, unknown> {
  return {
    title: o.title,
    summary: o.summary,
    description: o.description,
    language: o.language,
    sectors: o.sectors,
    keywords: unique(o.keywords),
    trl: o.trl,
    iprStatus: o.iprStatus,
    cooperationModes: unique(o.cooperationModes),
    ...(o.price ? { price: o.price } : {}),
    targetRegions: unique(o.targetRegions),
  };
}
