/**
 * A (partial) schedule under construction: which pair meets in which slot with which interpreter pool,
 * and the resulting use of every resource per slot (participants, tables, video tables, interpreters).
 * Every change is journaled so a tentative move can be rolled back exactly (local search, exact search).
 */
import type { Problem } from '../problem/problem.model';

const NONE = -1;

export class ScheduleState {
  /** slot of each pair, -1 when not scheduled */
  readonly slotOf: Int32Array;
  /** interpreter pool of each scheduled pair, -1 when none */
  readonly poolOf: Int32Array;
  /** pair occupying participant i in slot s, at i·S + s, or -1 */
  readonly partAt: Int32Array;
  readonly meetings: Int32Array;
  readonly tableUsed: Int32Array;
  readonly videoUsed: Int32Array;
  readonly poolUsed: Int32Array;
  /** pairs meeting in each slot (unordered; callers that choose among them sort explicitly) */
  readonly bySlot: number[][];
  objective = 0;
  scheduledCount = 0;
  private readonly S: number;
  /** the pairs' parties and the participants' caps as flat arrays: the hot loops read nothing else */
  readonly pairA: Int32Array;
  readonly pairB: Int32Array;
  readonly cap: Float64Array;
  /** off for searches that undo their own moves (the exact search), so the journal does not grow */
  journaling = true;
  private journal: number[] = [];

  constructor(readonly problem: Problem) {
    const S = (this.S = problem.slots.length);
    const P = problem.pairs.length;
    this.slotOf = new Int32Array(P).fill(NONE);
    this.poolOf = new Int32Array(P).fill(NONE);
    this.partAt = new Int32Array(problem.participants.length * S).fill(NONE);
    this.meetings = new Int32Array(problem.participants.length);
    this.tableUsed = new Int32Array(problem.venues.length * S);
    this.videoUsed = new Int32Array(problem.venues.length * S);
    this.poolUsed = new Int32Array(problem.pools.length * S);
    this.bySlot = problem.slots.map(() => []);
    this.pairA = Int32Array.from(problem.pairs, (pr) => pr.a);
    this.pairB = Int32Array.from(problem.pairs, (pr) => pr.b);
    this.cap = Float64Array.from(problem.participants, (pp) => pp.cap);
  }

  isScheduled(p: number): boolean {
    return this.slotOf[p] !== NONE;
  }

  /** caps only: could `p` take one more meeting for each side? */
  underCaps(p: number): boolean {
    const a = this.pairA[p];
    const b = this.pairB[p];
    return this.meetings[a] < this.cap[a] && this.meetings[b] < this.cap[b];
  }

  /**
   * The pool to use if `p` can be placed in slot `s` now (-1 when no interpreter is needed), or -2 when
   * it cannot. Among pools with a free interpreter it takes the one with most left (then the lower index, i.e. id),
   * which keeps scarce pools for pairs that have no alternative.
   */
  placeable(p: number, s: number): number {
    return this.underCaps(p) ? this.placeableInSlot(p, s) : -2;
  }

  /** `placeable` for a caller that has checked the caps already (the hot loop over a pair's slots) */
  placeableInSlot(p: number, s: number): number {
    const S = this.S;
    if (this.partAt[this.pairA[p] * S + s] !== NONE || this.partAt[this.pairB[p] * S + s] !== NONE) return -2;
    const pr = this.problem.pairs[p];
    const venues = this.problem.venues;
    for (const v of pr.tableVenues) if (this.tableUsed[v * S + s] >= venues[v].tables) return -2;
    for (const v of pr.videoVenues) if (this.videoUsed[v * S + s] >= venues[v].videoTables) return -2;
    if (pr.language !== null) return NONE;
    let best = -2;
    let bestLeft = 0;
    for (const k of pr.pools) {
      const left = this.problem.pools[k].count[s] - this.poolUsed[k * S + s];
      if (left > bestLeft) {
        best = k;
        bestLeft = left;
      }
    }
    return best;
  }

  /** the first slot of `p` (ascending) in which it can be placed now, or -1 */
  firstPlaceableSlot(p: number): number {
    if (!this.underCaps(p)) return NONE;
    for (const s of this.problem.pairs[p].slots) if (this.placeableInSlot(p, s) !== -2) return s;
    return NONE;
  }

  place(p: number, s: number, pool: number): void {
    const pr = this.problem.pairs[p];
    const S = this.S;
    this.slotOf[p] = s;
    this.poolOf[p] = pool;
    this.partAt[pr.a * S + s] = p;
    this.partAt[pr.b * S + s] = p;
    this.meetings[pr.a]++;
    this.meetings[pr.b]++;
    for (const v of pr.tableVenues) this.tableUsed[v * S + s]++;
    for (const v of pr.videoVenues) this.videoUsed[v * S + s]++;
    if (pool >= 0) this.poolUsed[pool * S + s]++;
    this.bySlot[s].push(p);
    this.objective += pr.weight;
    this.scheduledCount++;
    if (this.journaling) this.journal.push(p, -1, -1);
  }

  remove(p: number): void {
    const pr = this.problem.pairs[p];
    const S = this.S;
    const s = this.slotOf[p];
    const pool = this.poolOf[p];
    if (s === NONE) return;
    this.slotOf[p] = NONE;
    this.poolOf[p] = NONE;
    this.partAt[pr.a * S + s] = NONE;
    this.partAt[pr.b * S + s] = NONE;
    this.meetings[pr.a]--;
    this.meetings[pr.b]--;
    for (const v of pr.tableVenues) this.tableUsed[v * S + s]--;
    for (const v of pr.videoVenues) this.videoUsed[v * S + s]--;
    if (pool >= 0) this.poolUsed[pool * S + s]--;
    // swap-remove: the list is unordered (whoever chooses among its entries sorts them)
    const list = this.bySlot[s];
    const at = list.indexOf(p);
    list[at] = list[list.length - 1];
    list.pop();
    this.objective -= pr.weight;
    this.scheduledCount--;
    if (this.journaling) this.journal.push(p, s, pool);
  }

  /** a point to roll back to */
  mark(): number {
    return this.journal.length;
  }

  /** undo every change after `mark`, newest first */
  rollback(mark: number): void {
    while (this.journal.length > mark) {
      const pool = this.journal.pop()!;
      const s = this.journal.pop()!;
      const p = this.journal.pop()!;
      if (s === -1) this.remove(p);
      else this.place(p, s, pool);
      // the undo operations journal themselves; drop those entries
      this.journal.length -= 3;
    }
  }

  /** forget the journal (nothing before now can be rolled back any more) */
  commit(): void {
    this.journal = [];
  }

  /** scheduled pair indices, ascending */
  scheduledPairs(): number[] {
    const out: number[] = [];
    for (let p = 0; p < this.slotOf.length; p++) if (this.slotOf[p] !== NONE) out.push(p);
    return out;
  }

  /** the pair occupying participant `i` in slot `s`, or -1 */
  occupant(i: number, s: number): number {
    return this.partAt[i * this.S + s];
  }

  tablesLeft(v: number, s: number): number {
    return this.problem.venues[v].tables - this.tableUsed[v * this.S + s];
  }

  videoTablesLeft(v: number, s: number): number {
    return this.problem.venues[v].videoTables - this.videoUsed[v * this.S + s];
  }

  interpretersLeft(k: number, s: number): number {
    return this.problem.pools[k].count[s] - this.poolUsed[k * this.S + s];
  }
}
