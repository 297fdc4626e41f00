/**
 * Improvement after the greedy construction, by deterministic local search over the unscheduled pairs
 * (highest weight first). For an unscheduled pair p and each slot s in which it could meet:
 *
 * - relocate: move the meetings that block p at s (one of its parties busy, the last table, video table
 *   or interpreter taken) to other free slots, then place p — a pure gain of w(p);
 * - eject: when p is worth more than the meetings in its way (including, for a party at its cap, its
 *   lightest meeting), remove them, place p, put back whatever fits elsewhere, and let the participants
 *   freed by the ejection take their best unscheduled pairs that now fit — an ejection chain of depth two
 *   (p displaces q, q's partner picks up r).
 *
 * The best move over all slots is applied when it gains; passes repeat until one gains nothing, or the
 * pass / work limits are reached. Limits count operations, not milliseconds, so the result never depends
 * on the machine's speed.
 */
import type { Problem } from '../problem/problem.model';
import { pairsByPriority } from './pair-order';
import type { ScheduleState } from './schedule-state';

const EPS = 1e-9;

export interface LocalSearchLimits {
  /** full passes over the unscheduled pairs (default 8) */
  maxPasses: number;
  /** tentative moves evaluated in total, across passes (default 400,000) */
  maxMoves: number;
}

export const DEFAULT_LOCAL_SEARCH_LIMITS: LocalSearchLimits = { maxPasses: 8, maxMoves: 400_000 };

export class LocalSearchImprover {
  private readonly rank: Int32Array;
  private readonly order: number[];
  private movesTried = 0;
  improvingMoves = 0;

  constructor(
    private readonly problem: Problem,
    private readonly state: ScheduleState,
    private readonly limits: LocalSearchLimits = DEFAULT_LOCAL_SEARCH_LIMITS,
  ) {
    this.order = pairsByPriority(problem, (p) => problem.pairs[p].slots.length > 0);
    this.rank = new Int32Array(problem.pairs.length).fill(problem.pairs.length);
    this.order.forEach((p, r) => (this.rank[p] = r));
  }

  run(): void {
    for (let pass = 0; pass < this.limits.maxPasses; pass++) {
      let gained = false;
      for (const p of this.order) {
        if (this.movesTried >= this.limits.maxMoves) return;
        if (this.state.isScheduled(p)) continue;
        if (this.tryDirect(p) || this.tryBestMove(p)) {
          this.improvingMoves++;
          gained = true;
        }
      }
      if (!gained) return;
    }
  }

  private tryDirect(p: number): boolean {
    const st = this.state;
    for (const s of this.problem.pairs[p].slots) {
      const pool = st.placeable(p, s);
      if (pool !== -2) {
        st.place(p, s, pool);
        st.commit();
        return true;
      }
    }
    return false;
  }

  private tryBestMove(p: number): boolean {
    // A party at its cap loses one of its meetings for good (it is at its cap again once p is in), and a
    // move that loses at least p's weight must put everything back — impossible then. Skip such p.
    const pr = this.problem.pairs[p];
    let capLoss = 0;
    for (const i of [pr.a, pr.b])
      if (this.state.meetings[i] >= this.problem.participants[i].cap) {
        const q = this.lightest(this.meetingsOf(i));
        capLoss += q >= 0 ? this.problem.pairs[q].weight : 0;
      }
    if (capLoss > 0 && pr.weight <= capLoss + EPS) return false;
    let bestGain = EPS;
    let bestSlot = -1;
    for (const s of this.problem.pairs[p].slots) {
      this.movesTried++;
      const gain = this.move(p, s, true);
      if (gain > bestGain + EPS) {
        bestGain = gain;
        bestSlot = s;
      }
    }
    if (bestSlot < 0) return false;
    this.move(p, bestSlot, false);
    this.state.commit();
    return true;
  }

  /**
   * Put p into slot s, displacing what is in its way; returns the gain in objective. With `dryRun` the
   * state is rolled back afterwards; otherwise the move stays (the caller commits it).
   */
  private move(p: number, s: number, dryRun: boolean): number {
    const st = this.state;
    const pr = this.problem.pairs[p];
    const before = st.objective;
    const mark = st.mark();
    const ejected: number[] = [];
    const eject = (q: number): boolean => {
      if (q < 0 || !st.isScheduled(q)) return false;
      st.remove(q);
      ejected.push(q);
      return true;
    };
    // 1. Who is in the way at s: the parties' meetings in that slot, then, for a party at its cap, its
    //    lightest meeting, then the lightest meetings holding the last table / video table / interpreter.
    eject(st.occupant(pr.a, s));
    eject(st.occupant(pr.b, s));
    for (const i of [pr.a, pr.b])
      if (st.meetings[i] >= this.problem.participants[i].cap) eject(this.lightest(this.meetingsOf(i)));
    for (const v of pr.tableVenues)
      while (
        st.tablesLeft(v, s) <= 0 &&
        eject(this.lightest(st.bySlot[s].filter((q) => this.problem.pairs[q].tableVenues.includes(v))))
      );
    for (const v of pr.videoVenues)
      while (
        st.videoTablesLeft(v, s) <= 0 &&
        eject(this.lightest(st.bySlot[s].filter((q) => this.problem.pairs[q].videoVenues.includes(v))))
      );
    if (pr.language === null && !pr.pools.some((k) => st.interpretersLeft(k, s) > 0)) {
      eject(this.lightest(st.bySlot[s].filter((q) => pr.pools.includes(st.poolOf[q]))));
    }
    const pool = st.placeable(p, s);
    const lost = ejected.reduce((sum, q) => sum + this.problem.pairs[q].weight, 0);
    if (pool === -2) {
      st.rollback(mark);
      return 0;
    }
    st.place(p, s, pool);
    // 2. Put the ejected meetings back wherever they fit. If p is not worth more than what it displaced,
    //    the move only pays when every one of them finds a place: stop at the first that does not.
    const mustReplaceAll = pr.weight <= lost + EPS;
    for (const q of ejected.sort((x, y) => this.rank[x] - this.rank[y])) {
      const s2 = st.firstPlaceableSlot(q);
      if (s2 >= 0) st.place(q, s2, st.placeable(q, s2));
      else if (mustReplaceAll) {
        st.rollback(mark);
        return 0;
      }
    }
    // 3. Participants who lost a meeting for good may now take another of their pairs.
    if (!mustReplaceAll) {
      const freed = new Set<number>();
      for (const q of ejected) {
        if (st.isScheduled(q)) continue;
        const qp = this.problem.pairs[q];
        for (const i of [qp.a, qp.b]) if (i !== pr.a && i !== pr.b) freed.add(i);
      }
      for (const i of [...freed].sort((x, y) => x - y)) {
        for (const q of this.problem.participants[i].pairs
          .slice()
          .sort((x, y) => this.rank[x] - this.rank[y])) {
          if (st.isScheduled(q) || q === p || ejected.includes(q) || this.problem.pairs[q].slots.length === 0)
            continue;
          const s2 = st.firstPlaceableSlot(q);
          if (s2 >= 0) {
            st.place(q, s2, st.placeable(q, s2));
            break;
          }
        }
      }
    }
    const gain = st.objective - before;
    if (dryRun || gain <= EPS) st.rollback(mark);
    return gain;
  }

  private meetingsOf(i: number): number[] {
    return this.problem.participants[i].pairs.filter((q) => this.state.isScheduled(q));
  }

  /** the lightest of some meetings (lowest weight, then lowest priority), or -1 */
  private lightest(list: number[]): number {
    let best = -1;
    for (const q of list) if (best < 0 || this.rank[q] > this.rank[best]) best = q;
    return best;
  }
}
