/**
 * Column store of the numeric pair features, by index slot: what scoring a candidate reads, laid out in
 * typed arrays so that the candidate loop touches neither the feature objects nor strings (at 1M
 * documents those pointer chases and string comparisons cost more than the arithmetic).
 *
 * Strings (countries, currencies, sectors, regions) are interned to small integers per store. Nothing
 * here decides a score: the engine evaluates the same formulas as `components.ts` on these values
 * (see `scoreColumns` in engine.ts and the equivalence spec).
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

function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, n: number): T {
  if (n <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

export class FeatureColumns {
  /** status === 'published', and the slot holds the document's current version (0 once replaced or removed) */
  published = new Uint8Array(1024);
  /** liveUntil; +Infinity for open-ended (null) */
  liveUntil = new Float64Array(1024);
  since = new Float64Array(1024);
  country = new Int32Array(1024);
  modes = new Int32Array(1024);
  /** trl (offer) or minTrl (need); NaN for null */
  trl = new Float64Array(1024);
  /** money: min, max and currency id; NaN amounts for no money */
  moneyMin = new Float64Array(1024);
  moneyMax = new Float64Array(1024);
  currency = new Int32Array(1024);
  /** sectors and regions: [start, end) into the pools */
  sectorStart = new Int32Array(1024);
  sectorEnd = new Int32Array(1024);
  regionStart = new Int32Array(1024);
  regionEnd = new Int32Array(1024);
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

  drop(slot: number): void {
    this.published[slot] = 0;
  }

  set(slot: number, f: PairFeatures): void {
    const n = slot + 1;
    if (n > this.published.length) {
      this.published = grow(this.published, n);
      this.liveUntil = grow(this.liveUntil, n);
      this.since = grow(this.since, n);
      this.country = grow(this.country, n);
      this.modes = grow(this.modes, n);
      this.trl = grow(this.trl, n);
      this.moneyMin = grow(this.moneyMin, n);
      this.moneyMax = grow(this.moneyMax, n);
      this.currency = grow(this.currency, n);
      this.sectorStart = grow(this.sectorStart, n);
      this.sectorEnd = grow(this.sectorEnd, n);
      this.regionStart = grow(this.regionStart, n);
      this.regionEnd = grow(this.regionEnd, n);
    }
    this.published[slot] = f.status === 'published' ? 1 : 0;
    this.liveUntil[slot] = f.liveUntil === null ? Infinity : f.liveUntil;
    this.since[slot] = f.since;
    this.country[slot] = this.countries.id(f.country);
    this.modes[slot] = f.modes;
    this.trl[slot] = f.trl === null || f.trl === undefined ? NaN : f.trl;
    if (f.money) {
      this.moneyMin[slot] = f.money.min;
      this.moneyMax[slot] = f.money.max;
      this.currency[slot] = this.currencies.id(f.money.currency);
    } else {
      this.moneyMin[slot] = NaN;
      this.moneyMax[slot] = NaN;
      this.currency[slot] = -1;
    }
    this.sectorPool = grow(this.sectorPool, this.sectorLen + f.sectors.length);
    this.sectorStart[slot] = this.sectorLen;
    for (let i = 0; i < f.sectors.length; i++) {
      const id = this.sectors.id(f.sectors[i]);
      if (this.sectorTop.length <= id) {
        this.sectorTop[id] = f.sectorTops[i];
        this.sectorIsTop[id] = f.sectorIsTop[i];
      }
      this.sectorPool[this.sectorLen++] = id;
    }
    this.sectorEnd[slot] = this.sectorLen;
    this.regionPool = grow(this.regionPool, this.regionLen + f.regions.length);
    this.regionStart[slot] = this.regionLen;
    for (const r of f.regions) this.regionPool[this.regionLen++] = this.regions.id(r);
    this.regionEnd[slot] = this.regionLen;
  }
}
