/** Pre-computed, numeric features of offers and needs, extracted once at upsert. */
import { COOPERATION_MODES, parentSector } from '@techbridge/taxonomy';
import type { Money, NeedDoc, OfferDoc } from '../types';

export interface PairFeatures {
  id: string;
  kind: 'offer' | 'need';
  country: string;
  status: string;
  /** offer: validUntil; need: deadline (end of day); null = open-ended */
  liveUntil: number | null;
  modes: number; // bitmask over COOPERATION_MODES
  modeCount: number;
  sectors: readonly string[];
  /** top-level sector of each entry of `sectors` (same order) */
  sectorTops: readonly string[];
  /** true where `sectors[i]` is a top-level code */
  sectorIsTop: readonly boolean[];
  topSectors: readonly string[];
  trl: number | null; // offer TRL or need minTrl
  money: Money | null;
  regions: readonly string[]; // offer targetRegions, need [region]
  /** offer: publishedAt ?? updatedAt */
  since: number;
  /** true when the document has almost no analysable text */
  weakText: boolean;
}

const MODE_BIT = new Map<string, number>(COOPERATION_MODES.map((m, i) => [m, 1 << i]));

export function modeMask(modes: readonly string[]): number {
  let m = 0;
  for (const x of modes) m |= MODE_BIT.get(x) ?? 0;
  return m;
}

export function popcount(x: number): number {
  let n = 0;
  while (x) {
    x &= x - 1;
    n++;
  }
  return n;
}

export function modesOf(mask: number): string[] {
  return COOPERATION_MODES.filter((_, i) => mask & (1 << i));
}

function ms(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

function topOf(s: string): string {
  return parentSector(s) ?? s.split('/')[0];
}

function tops(sectors: readonly string[]): string[] {
  return [...new Set(sectors.map(topOf))];
}

function sectorFields(sectors: readonly string[]) {
  return {
    sectors: [...sectors],
    sectorTops: sectors.map(topOf),
    sectorIsTop: sectors.map((s) => topOf(s) === s),
    topSectors: tops(sectors),
  };
}

function validMoney(m: Money | null | undefined): Money | null {
  if (!m || !Number.isFinite(m.min) || !Number.isFinite(m.max)) return null;
  return m.min <= m.max ? m : { ...m, min: m.max, max: m.min };
}

export function offerFeatures(o: OfferDoc, weakText: boolean): PairFeatures {
  const modes = modeMask(o.cooperationModes);
  return {
    id: o.id,
    kind: 'offer',
    country: o.country,
    status: o.status,
    liveUntil: ms(o.validUntil),
    modes,
    modeCount: popcount(modes),
    ...sectorFields(o.sectors),
    trl: Number.isFinite(o.trl) ? o.trl : null,
    money: validMoney(o.price),
    regions: [...o.targetRegions],
    since: ms(o.publishedAt) ?? ms(o.updatedAt) ?? 0,
    weakText,
  };
}

const DAY = 86_400_000;

export function needFeatures(n: NeedDoc, weakText: boolean): PairFeatures {
  const modes = modeMask(n.cooperationModes);
  const deadline = ms(n.deadline);
  // A date-only deadline ("2026-03-31") is live through that whole day.
  const liveUntil = deadline === null ? null : n.deadline && n.deadline.length <= 10 ? deadline + DAY - 1 : deadline;
  return {
    id: n.id,
    kind: 'need',
    country: n.country,
    status: n.status,
    liveUntil,
    modes,
    modeCount: popcount(modes),
    ...sectorFields(n.sectors),
    trl: n.minTrl ?? null,
    money: validMoney(n.budget),
    regions: n.region ? [n.region] : [],
    since: ms(n.updatedAt) ?? 0,
    weakText,
  };
}

export function isLive(f: PairFeatures, now: number): boolean {
  return f.status === 'published' && (f.liveUntil === null || f.liveUntil >= now);
}
