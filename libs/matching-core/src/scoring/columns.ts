/**
 * The numeric pair features of every index slot, in one row of ROW doubles per slot: what scoring a
 * candidate reads, laid out so that the candidate loop touches one cache line per candidate and
 * neither the feature objects nor strings (at 1M documents those pointer chases and cache misses cost
 * more than the arithmetic).
 *
 * Strings (countries, currencies, sectors, regions) are interned to small integers per store. Nothing
 * here decides a score: the engine evaluates the formulas of `components.ts` on these values (see the
 * candidate loop in engine.ts and engine-equivalence.spec.ts).
 */
import type { PairFeatures } from './features';

export class Interner {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.names.length;
      this.ids.set(s, i);
      this.names.push(s);
    }
    return i;
  }
  /** -1 when never seen */
  peek(s: string): number {
    return this.ids.get(s) ?? -1;
  }
  get size(): number {
    return this.names.length;
  }
}

/** doubles per slot */
export const ROW = 8;
/** liveUntil; +Infinity when open-ended (null); -Infinity when not published, replaced or removed */
export const F_LIVE = 0;
export const F_SINCE = 1;
/** trl (offer) or minTrl (need); NaN for null */
export const F_TRL = 2;
/** money min and max; NaN without money */
export const F_MIN = 3;
export const F_MAX = 4;
/** country id + CODE_CUR × (currency id + 1, 0 = no money) + CODE_MODES × modes */
export const F_CODES = 5;
/** sectors: −(id + 1) for exactly one, else start × SPAN + count in the sector pool */
export const F_SECTORS = 6;
/** regions: start × SPAN + count in the region pool */
export const F_REGIONS = 7;
export const CODE_CUR = 1 << 10;
export const CODE_MODES = 1 << 20;
export const SPAN = 1 << 20;

export class FeatureColumns {
  rows = new Float64Array(1024 * ROW);
  sectorPool = new Int32Array(4096);
  regionPool = new Int32Array(4096);
  private sectorLen = 0;
  private regionLen = 0;

  readonly countries = new Interner();
  readonly currencies = new Interner();
  readonly sectors = new Interner();
  readonly regions = new Interner();
  /** per sector id: its top-level sector, and whether it is one (as `PairFeatures.sectorTops` / `sectorIsTop`) */
  readonly sectorTop: string[] = [];
  readonly sectorIsTop: boolean[] = [];

  /** the slot of a replaced or removed document is never a candidate again */
  drop(slot: number): void {
    this.rows[slot * ROW + F_LIVE] = -Infinity;
  }

  set(slot: number, f: PairFeatures): void {
    const o = slot * ROW;
    if (o + ROW > this.rows.length) {
      const r = new Float64Array(Math.max(o + ROW, this.rows.length * 2));
      r.set(this.rows);
      this.rows = r;
    }
    const rows = this.rows;
    rows[o + F_LIVE] = f.status !== 'published' ? -Infinity : f.liveUntil === null ? Infinity : f.liveUntil;
    rows[o + F_SINCE] = f.since;
    rows[o + F_TRL] = f.trl === null || f.trl === undefined ? NaN : f.trl;
    rows[o + F_MIN] = f.money ? f.money.min : NaN;
    rows[o + F_MAX] = f.money ? f.money.max : NaN;
    const country = this.countries.id(f.country);
    const cur = f.money ? this.currencies.id(f.money.currency) + 1 : 0;
    if (country >= CODE_CUR || cur >= CODE_MODES / CODE_CUR) throw new Error('FeatureColumns: too many distinct countries or currencies');
    rows[o + F_CODES] = country + CODE_CUR * cur + CODE_MODES * f.modes;
    if (f.sectors.length === 1) rows[o + F_SECTORS] = -(this.sectorId(f, 0) + 1);
    else {
      this.sectorPool = grow(this.sectorPool, this.sectorLen + f.sectors.length);
      rows[o + F_SECTORS] = this.sectorLen * SPAN + f.sectors.length;
      for (let i = 0; i < f.sectors.length; i++) this.sectorPool[this.sectorLen++] = this.sectorId(f, i);
    }
    this.regionPool = grow(this.regionPool, this.regionLen + f.regions.length);
    rows[o + F_REGIONS] = this.regionLen * SPAN + f.regions.length;
    for (const r of f.regions) this.regionPool[this.regionLen++] = this.regions.id(r);
  }

  private sectorId(f: PairFeatures, i: number): number {
    const id = this.sectors.id(f.sectors[i]);
    if (this.sectorTop.length <= id) {
      this.sectorTop[id] = f.sectorTops[i];
      this.sectorIsTop[id] = f.sectorIsTop[i];
    }
    return id;
  }
}

function grow(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  if (n <= a.length) return a;
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}
