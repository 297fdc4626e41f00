/**
 * Ruin and recreate (Schrimpf et al. 2000), seeded: repeatedly tear out a small, related part of the
 * schedule and rebuild it greedily in a slightly perturbed order. Two kinds of ruin, because two kinds
 * of constraint bind in practice:
 *
 * - a participant and some of its counterparts lose their meetings (caps: who meets whom — the
 *   b-matching part, where plain greedy by weight is far from optimal);
 * - one slot at one venue, or of one interpreter pool, is emptied (tables, video tables and
 *   interpreters: which meeting gets the scarce seat when).
 *
 * The rebuild takes every unscheduled pair touching the ruined part, heaviest first (weights jittered by
 * ±`noise`), into the slot that leaves most room for the others (static pressure per resource and
 * slot, slightly jittered). A rebuild is kept when it loses less than a threshold that falls linearly to
 * zero (threshold accepting, Dueck & Scheuer 1990), and the best schedule seen is what remains. The PRNG
 * is seeded and the number of iterations fixed, so the result is the same on every run and machine.
 * Measured on the 200 + 200 benchmark instances: greedy alone is ~8.5 % below the LP bound, this brings
 * it to ~1 % (see bench/scheduling).
 */
import type { Problem } from '../problem/problem.model';
import { SeededRandom } from '../testing/seeded-random';
import type { ScheduleState } from './schedule-state';

const EPS = 1e-9;

export interface RuinRecreateLimits {
  /** at most this many iterations … */
  iterations: number;
  /** … and at most this many per pair that could meet (small instances need few) */
  iterationsPerPair: number;
  seed: number;
  /** relative jitter on weights when rebuilding */
  noise: number;
  /** chance that each counterpart of the ruined participant is ruined too */
  spread: number;
  /** share of ruins around a random participant (the rest are stretches of slots) */
  neighbourhoodShare: number;
  /** longest stretch of slots emptied by one ruin */
  maxStretch: number;
  /**
   * threshold accepting: a rebuild may lose up to this share of the mean pair weight, falling linearly
   * to 0 over the iterations (the best schedule seen is kept)
   */
  threshold: number;
}

export const DEFAULT_RUIN_RECREATE_LIMITS: RuinRecreateLimits = {
  iterations: 8000,
  iterationsPerPair: 25,
  seed: 20260608,
  noise: 0.3,
  spread: 0.25,
  neighbourhoodShare: 0.6,
  maxStretch: 1,
  threshold: 0.3,
};

export class RuinRecreateImprover {
  private readonly rnd: SeededRandom;
  private readonly S: number;
  private readonly pressure: Float64Array;
  private readonly tablePressure: Float64Array;
  private readonly videoPressure: Float64Array;
  private readonly poolPressure: Float64Array;
  private readonly active: number[];
  private readonly touched: Uint8Array;
  private readonly inList: Uint8Array;
  private readonly sortKey: Float64Array;
  private readonly weights: Float64Array;
  /** each participant's pairs that could meet at all, flattened: items[start[i] .. start[i+1]) */
  private readonly pairsOf: { start: Int32Array; items: Int32Array };
  accepted = 0;
  improved = 0;

  constructor(
    private readonly problem: Problem,
    private readonly state: ScheduleState,
    private readonly limits: RuinRecreateLimits = DEFAULT_RUIN_RECREATE_LIMITS,
  ) {
    this.rnd = new SeededRandom(limits.seed);
    const S = (this.S = problem.slots.length);
    this.pressure = new Float64Array(problem.participants.length * S);
    this.tablePressure = new Float64Array(problem.venues.length * S);
    this.videoPressure = new Float64Array(problem.venues.length * S);
    this.poolPressure = new Float64Array(problem.pools.length * S);
    for (const pr of problem.pairs) {
      if (!pr.slots.length) continue;
      const share = (pr.weight + 1e-3) / pr.slots.length;
      for (const s of pr.slots) {
        this.pressure[pr.a * S + s] += share;
        this.pressure[pr.b * S + s] += share;
        for (const v of pr.tableVenues) this.tablePressure[v * S + s] += share;
        for (const v of pr.videoVenues) this.videoPressure[v * S + s] += share;
        for (const k of pr.pools) this.poolPressure[k * S + s] += share / pr.pools.length;
      }
    }
    this.active = problem.participants.flatMap((p, i) =>
      p.pairs.some((q) => problem.pairs[q].slots.length > 0) ? [i] : [],
    );
    this.touched = new Uint8Array(problem.participants.length);
    this.inList = new Uint8Array(problem.pairs.length);
    this.sortKey = new Float64Array(problem.pairs.length);
    this.weights = Float64Array.from(problem.pairs, (p) => p.weight);
    const start = new Int32Array(problem.participants.length + 1);
    const items: number[] = [];
    problem.participants.forEach((pp, i) => {
      for (const q of pp.pairs) if (problem.pairs[q].slots.length) items.push(q);
      start[i + 1] = items.length;
    });
    this.pairsOf = { start, items: Int32Array.from(items) };
  }

  run(): void {
    if (this.active.length === 0) return;
    const st = this.state;
    let best = st.objective;
    let bestSlots: Int32Array | null = null;
    let bestPools: Int32Array | null = null;
    const feasible = this.problem.pairs.filter((p) => p.slots.length > 0);
    const n = Math.min(this.limits.iterations, this.limits.iterationsPerPair * feasible.length);
    const meanWeight = feasible.reduce((sum, p) => sum + p.weight, 0) / Math.max(1, feasible.length);
    const threshold = this.limits.threshold * meanWeight;
    for (let it = 0; it < n; it++) {
      const before = st.objective;
      const allowed = threshold * (1 - it / n);
      const mark = st.mark();
      const affected: number[] = [];
      const touch = (i: number) => {
        if (!this.touched[i]) {
          this.touched[i] = 1;
          affected.push(i);
        }
      };
      if (this.rnd.chance(this.limits.neighbourhoodShare)) this.ruinNeighbourhood(touch);
      else this.ruinStretch(touch);
      this.recreate(affected);
      for (const i of affected) this.touched[i] = 0;
      if (st.objective >= before - allowed - EPS) {
        if (st.objective > best + EPS) {
          this.improved++;
          best = st.objective;
          if (threshold > 0) {
            bestSlots = st.slotOf.slice();
            bestPools = st.poolOf.slice();
          }
        }
        this.accepted++;
        st.commit();
      } else st.rollback(mark);
    }
    // With threshold accepting the walk may end below the best schedule it saw: go back to that one.
    if (bestSlots && bestPools && st.objective < best - EPS) {
      for (const p of st.scheduledPairs()) st.remove(p);
      for (let p = 0; p < bestSlots.length; p++)
        if (bestSlots[p] >= 0) st.place(p, bestSlots[p], bestPools[p]);
      st.commit();
    }
  }

  /** a random participant and some of its counterparts lose their meetings */
  private ruinNeighbourhood(touch: (i: number) => void): void {
    this.ruinAround([this.active[Math.floor(this.rnd.next() * this.active.length)]], touch);
  }

  private ruinAround(seeds: number[], touch: (i: number) => void): void {
    const st = this.state;
    const centre = seeds.slice();
    for (const i of seeds)
      for (const q of this.problem.participants[i].pairs) {
        const pr = this.problem.pairs[q];
        if (this.rnd.chance(this.limits.spread)) centre.push(pr.a === i ? pr.b : pr.a);
      }
    for (const c of centre) {
      touch(c);
      for (const q of this.problem.participants[c].pairs) {
        if (!st.isScheduled(q)) continue;
        const pr = this.problem.pairs[q];
        st.remove(q);
        touch(pr.a);
        touch(pr.b);
      }
    }
  }

  /** one slot (or a few consecutive ones) loses the meetings at one venue, or of one interpreter pool */
  private ruinStretch(touch: (i: number) => void): void {
    const st = this.state;
    const s0 = Math.floor(this.rnd.next() * this.S);
    const len = this.rnd.int(1, this.limits.maxStretch);
    const usePool = this.problem.pools.length > 0 && this.rnd.chance(0.4);
    const venue = this.problem.venues.length ? Math.floor(this.rnd.next() * this.problem.venues.length) : -1;
    const pool = usePool ? Math.floor(this.rnd.next() * this.problem.pools.length) : -1;
    for (let s = s0; s < Math.min(this.S, s0 + len); s++) {
      for (const q of st.bySlot[s].slice()) {
        const pr = this.problem.pairs[q];
        const hit = usePool
          ? st.poolOf[q] === pool
          : venue < 0 || pr.tableVenues.includes(venue) || pr.videoVenues.includes(venue);
        if (!hit) continue;
        st.remove(q);
        touch(pr.a);
        touch(pr.b);
      }
    }
  }

  /** every unscheduled pair of the affected participants, heaviest (jittered) first, into its best slot */
  private recreate(affected: number[]): void {
    const st = this.state;
    const pairs = this.problem.pairs;
    const list: number[] = [];
    const { start, items } = this.pairsOf;
    const slotOf = st.slotOf;
    for (const i of affected)
      for (let j = start[i]; j < start[i + 1]; j++) {
        const q = items[j];
        if (!this.inList[q] && slotOf[q] < 0 && st.underCaps(q)) {
          this.inList[q] = 1;
          list.push(q);
        }
      }
    const noise = this.limits.noise;
    const key = this.sortKey;
    for (const q of list) {
      this.inList[q] = 0;
      key[q] = this.weights[q] * (1 + noise * (2 * this.rnd.next() - 1));
    }
    list.sort((x, y) => key[y] - key[x] || x - y);
    for (const q of list) {
      if (!st.underCaps(q)) continue;
      let best = -1;
      let bestPool = -2;
      let bestCost = Infinity;
      // slot jitter from a per-pair salt and a multiplicative hash: one PRNG draw per pair, not per slot
      const salt = (this.rnd.next() * 4294967296) >>> 0;
      for (const s of pairs[q].slots) {
        const pool = st.placeableInSlot(q, s);
        if (pool === -2) continue;
        const c =
          this.cost(q, s, pool) * (1 + (0.2 * (Math.imul(s + 1, 2654435761) ^ salt)) / 4294967296 + 0.1);
        if (c < bestCost) {
          bestCost = c;
          best = s;
          bestPool = pool;
        }
      }
      if (best >= 0) st.place(q, best, bestPool);
    }
  }

  private cost(p: number, s: number, pool: number): number {
    const st = this.state;
    const pr = this.problem.pairs[p];
    const S = this.S;
    let c = this.pressure[pr.a * S + s] + this.pressure[pr.b * S + s];
    for (const v of pr.tableVenues) c += this.tablePressure[v * S + s] / st.tablesLeft(v, s);
    for (const v of pr.videoVenues) c += this.videoPressure[v * S + s] / st.videoTablesLeft(v, s);
    if (pool >= 0) c += this.poolPressure[pool * S + s] / st.interpretersLeft(pool, s);
    return c;
  }
}
