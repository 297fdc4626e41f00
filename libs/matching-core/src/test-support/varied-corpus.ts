/**
 * A synthetic corpus that exercises every branch of pair scoring (for the equivalence spec): the
 * bench's generator (bench/matching-core/synthetic.ts) with seeded perturbations of TRL, money
 * (three currencies and an unknown one), regions, cooperation modes, dates, status, country and
 * sectors (top-level codes too), plus needs with almost no text.
 */
import { SECTORS } from '@techbridge/taxonomy';
import type { NeedDoc, OfferDoc } from '../types';
import { mulberry32, syntheticNeeds, syntheticOffers } from '../../../../bench/matching-core/synthetic';

const REG = ['PK-PB', 'PK-SD', 'PK-KP', 'PK-BA', 'PK-IS', 'PK-GB', 'CN-BJ', 'CN-GD'];
const CUR = ['CNY', 'USD', 'PKR', 'EUR'] as const;
const MODES = ['licensing', 'technical-cooperation', 'joint-venture', 'equipment-supply', 'training', 'joint-research', 'investment'];

export function variedOffers(n: number, seed = 5): OfferDoc[] {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  return syntheticOffers(n, seed + 37).map((o) => {
    const x: OfferDoc = { ...o };
    const u = r();
    if (u < 0.1) x.trl = NaN;
    else if (u < 0.5) x.trl = 1 + Math.floor(r() * 9);
    const m = r();
    if (m < 0.15) x.price = null;
    else if (m < 0.5) x.price = { min: Math.round(r() * 1e7), max: Math.round(r() * 1e7), currency: pick(CUR) as never };
    if (r() < 0.3) x.targetRegions = [...new Set([pick(REG), pick(REG), pick(REG)].slice(0, 1 + Math.floor(r() * 3)))];
    if (r() < 0.3) x.cooperationModes = [...new Set([pick(MODES), pick(MODES)])];
    if (r() < 0.05) x.status = 'draft';
    if (r() < 0.05) x.validUntil = '2025-12-31T00:00:00Z';
    if (r() < 0.2) x.validUntil = '2026-05-01T00:00:00Z';
    if (r() < 0.03) x.country = 'PK';
    if (r() < 0.1) x.publishedAt = null;
    if (r() < 0.05) x.publishedAt = x.updatedAt = '2026-03-01T00:00:00Z';
    if (r() < 0.15) x.sectors = [...new Set([...x.sectors, pick(SECTORS).code])];
    if (r() < 0.05) x.sectors = [];
    return x;
  });
}

export function variedNeeds(n: number, seed = 9): NeedDoc[] {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  return syntheticNeeds(n, seed + 11).map((d, i) => {
    const x: NeedDoc = { ...d };
    if (r() < 0.3) x.minTrl = r() < 0.3 ? null : 1 + Math.floor(r() * 9);
    const m = r();
    if (m < 0.3) x.budget = null;
    else if (m < 0.6) x.budget = { min: 0, max: Math.round(r() * 2e6), currency: pick(CUR) as never };
    if (r() < 0.2) x.region = null;
    else if (r() < 0.3) x.region = pick(REG);
    if (r() < 0.2) x.deadline = r() < 0.5 ? null : '2026-04-15T12:00:00Z';
    if (r() < 0.3) x.cooperationModes = [...new Set([pick(MODES), pick(MODES)])];
    if (r() < 0.2) x.sectors = [pick(SECTORS).code];
    if (r() < 0.1) x.sectors = [...x.sectors, pick(SECTORS).code];
    if (r() < 0.05) x.sectors = [];
    if (i % 17 === 3) Object.assign(x, { title: 'x', summary: '', description: '', keywords: [] });
    if (i % 23 === 5) x.country = 'CN';
    return x;
  });
}
