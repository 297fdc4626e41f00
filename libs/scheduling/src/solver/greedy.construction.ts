/**
 * Greedy construction: pairs in priority order (weight, then key), each into the free slot that costs
 * the remaining pairs least. The cost of a slot is the still-unserved demand on what the meeting would
 * occupy there (both participants, the tables, the video tables, the interpreters), each divided by how
 * much of it is left: a meeting goes where it takes the fewest options away from later pairs, rather than
 * simply into the earliest slot (which would pile everyone into the morning and strand the pairs that
 * can only meet then, such as Kunming ↔ Islamabad video meetings in the few overlapping hours).
 */
import type { Problem } from '../problem/problem.model';
import { pairsByPriority } from './pair-order';
import { ScheduleState } from './schedule-state';

export class GreedyConstruction {
  private readonly S: number;
  /** demand per (participant, slot), (venue, slot) for tables and video tables, (pool, slot) */
  private readonly partDemand: Float64Array;
  private readonly tableDemand: Float64Array;
  private readonly videoDemand: Float64Array;
  private readonly poolDemand: Float64Array;
  private readonly dead: Uint8Array;

  constructor(private readonly problem: Problem) {
    this.S = problem.slots.length;
    this.partDemand = new Float64Array(problem.participants.length * this.S);
    this.tableDemand = new Float64Array(problem.venues.length * this.S);
    this.videoDemand = new Float64Array(problem.venues.length * this.S);
    this.poolDemand = new Float64Array(problem.pools.length * this.S);
    this.dead = new Uint8Array(problem.pairs.length);
  }

  run(state: ScheduleState = new ScheduleState(this.problem)): ScheduleState {
    const order = pairsByPriority(this.problem, (p) => this.problem.pairs[p].slots.length > 0);
    for (const p of order) this.addDemand(p, 1);
    for (const p of order) {
      if (this.dead[p]) continue;
      this.addDemand(p, -1);
      this.dead[p] = 1;
      if (!state.underCaps(p)) continue;
      let bestS = -1;
      let bestPool = -2;
      let bestCost = Infinity;
      for (const s of this.problem.pairs[p].slots) {
        const pool = state.placeableInSlot(p, s);
        if (pool === -2) continue;
        const cost = this.cost(state, p, s, pool);
        if (cost < bestCost) {
          bestCost = cost;
          bestS = s;
          bestPool = pool;
        }
      }
      if (bestS < 0) continue;
      state.place(p, bestS, bestPool);
      // A participant at its cap can take no more meetings: its other pairs no longer compete for slots.
      const pr = this.problem.pairs[p];
      for (const i of [pr.a, pr.b]) {
        if (state.meetings[i] < this.problem.participants[i].cap) continue;
        for (const q of this.problem.participants[i].pairs)
          if (!this.dead[q] && this.problem.pairs[q].slots.length > 0) {
            this.addDemand(q, -1);
            this.dead[q] = 1;
          }
      }
    }
    state.commit();
    return state;
  }

  /** spread a pair's weight over its feasible slots, as demand on every resource it would use */
  private addDemand(p: number, sign: 1 | -1): void {
    const pr = this.problem.pairs[p];
    const S = this.S;
    const share = (sign * (pr.weight + 1e-3)) / pr.slots.length;
    for (const s of pr.slots) {
      this.partDemand[pr.a * S + s] += share;
      this.partDemand[pr.b * S + s] += share;
      for (const v of pr.tableVenues) this.tableDemand[v * S + s] += share;
      for (const v of pr.videoVenues) this.videoDemand[v * S + s] += share;
      if (pr.pools.length) for (const k of pr.pools) this.poolDemand[k * S + s] += share / pr.pools.length;
    }
  }

  private cost(state: ScheduleState, p: number, s: number, pool: number): number {
    const pr = this.problem.pairs[p];
    const S = this.S;
    let c = this.partDemand[pr.a * S + s] + this.partDemand[pr.b * S + s];
    for (const v of pr.tableVenues) c += this.tableDemand[v * S + s] / state.tablesLeft(v, s);
    for (const v of pr.videoVenues) c += this.videoDemand[v * S + s] / state.videoTablesLeft(v, s);
    if (pool >= 0) c += this.poolDemand[pool * S + s] / state.interpretersLeft(pool, s);
    return c;
  }
}
