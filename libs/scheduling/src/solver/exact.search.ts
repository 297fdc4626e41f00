/**
 * Exact branch and bound for small instances (a few dozen candidate pairs): every pair, highest weight
 * first, is tried in each slot (and with each interpreter pool that could serve it there), then left
 * out. A branch is cut when what is scheduled plus an upper bound on what the remaining pairs could add
 * cannot beat the best schedule known (initially the heuristic's). The bound is the smaller of
 *   - the weights of the remaining pairs that still have a slot in which both parties are free and
 *     both are under their cap, and
 *   - half the sum over participants of their best `min(cap left, free slots)` such pair weights (each
 *     meeting counts for both of its parties).
 * If the node limit is hit the search stops and says so; the caller then keeps the heuristic schedule.
 */
import type { Problem } from '../problem/problem.model';
import { pairsByPriority } from './pair-order';
import { ScheduleState } from './schedule-state';

const EPS = 1e-9;

export interface ExactSearchLimits {
  /** run only when at most this many pairs could meet at all (default 40) */
  maxPairs: number;
  /** search nodes before giving up (default 300,000) */
  nodeLimit: number;
}

export const DEFAULT_EXACT_LIMITS: ExactSearchLimits = { maxPairs: 40, nodeLimit: 300_000 };

export interface ExactResult {
  /** true when the search finished: `best` is optimal */
  proven: boolean;
  /** improved assignment (slot and pool per pair), or null when the incumbent was already optimal / not beaten */
  best: { slotOf: Int32Array; poolOf: Int32Array; objective: number } | null;
  nodes: number;
}

export class ExactSearch {
  private readonly order: number[];
  private readonly state: ScheduleState;
  private nodes = 0;
  private aborted = false;
  private bestObjective: number;
  private best: ExactResult['best'] = null;

  constructor(
    private readonly problem: Problem,
    incumbentObjective: number,
    private readonly limits: ExactSearchLimits = DEFAULT_EXACT_LIMITS,
  ) {
    // Pairs of weight 0 cannot raise the objective; the caller's fill pass adds them afterwards.
    this.order = pairsByPriority(
      problem,
      (p) => problem.pairs[p].slots.length > 0 && problem.pairs[p].weight > 0,
    );
    this.state = new ScheduleState(problem);
    this.state.journaling = false;
    this.bestObjective = incumbentObjective;
  }

  get applicable(): boolean {
    return this.order.length <= this.limits.maxPairs;
  }

  run(): ExactResult {
    this.dfs(0);
    return { proven: !this.aborted, best: this.best, nodes: this.nodes };
  }

  private dfs(i: number): void {
    if (this.aborted) return;
    if (++this.nodes > this.limits.nodeLimit) {
      this.aborted = true;
      return;
    }
    const st = this.state;
    if (st.objective + this.bound(i) <= this.bestObjective + EPS) return;
    if (i === this.order.length) {
      // the bound at a leaf is 0, so reaching here means a strictly better schedule
      this.bestObjective = st.objective;
      this.best = { slotOf: st.slotOf.slice(), poolOf: st.poolOf.slice(), objective: st.objective };
      return;
    }
    const p = this.order[i];
    const pr = this.problem.pairs[p];
    if (st.underCaps(p)) {
      for (const s of pr.slots) {
        if (st.placeableInSlot(p, s) === -2) continue;
        // Pools are distinct resources: try each that has an interpreter free here.
        const pools = pr.language !== null ? [-1] : pr.pools.filter((k) => st.interpretersLeft(k, s) > 0);
        for (const k of pools) {
          st.place(p, s, k);
          this.dfs(i + 1);
          st.remove(p);
          if (this.aborted) return;
        }
      }
    }
    this.dfs(i + 1);
  }

  private bound(from: number): number {
    const st = this.state;
    const parts = this.problem.participants;
    const S = this.problem.slots.length;
    let simple = 0;
    const perPart = new Map<number, number[]>();
    for (let j = from; j < this.order.length; j++) {
      const q = this.order[j];
      const pr = this.problem.pairs[q];
      if (!st.underCaps(q)) continue;
      if (!pr.slots.some((s) => st.occupant(pr.a, s) < 0 && st.occupant(pr.b, s) < 0)) continue;
      simple += pr.weight;
      for (const i of [pr.a, pr.b]) {
        let list = perPart.get(i);
        if (!list) perPart.set(i, (list = []));
        list.push(pr.weight);
      }
    }
    let twice = 0;
    for (const [i, list] of perPart) {
      let free = 0;
      for (let s = 0; s < S; s++)
        if (st.occupant(i, s) < 0 && parts[i].present[s] && parts[i].available[s]) free++;
      const room = Math.min(parts[i].cap - st.meetings[i], free);
      // order is by weight already, so the first `room` entries are the heaviest
      for (let r = 0; r < Math.min(room, list.length); r++) twice += list[r];
    }
    return Math.min(simple, twice / 2);
  }
}
