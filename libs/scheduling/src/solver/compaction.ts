/**
 * Moves every meeting to the earliest slot still free for it, until nothing moves. The objective does
 * not change; the schedule gets front-loaded, and afterwards "the earliest slot that was free for both,
 * with a table and an interpreter" is literally true of every meeting, which is what its explanation says.
 */
import type { ScheduleState } from './schedule-state';

export function compactSchedule(state: ScheduleState): void {
  const pairs = state.problem.pairs;
  const S = state.problem.slots.length;
  for (let moved = true; moved;) {
    moved = false;
    for (let s = 0; s < S; s++) {
      const here = state.bySlot[s].slice().sort((x, y) => (pairs[x].key < pairs[y].key ? -1 : 1));
      for (const p of here) {
        const pool = state.poolOf[p];
        state.remove(p);
        const first = state.firstPlaceableSlot(p);
        if (first >= 0 && first < s) {
          state.place(p, first, state.placeable(p, first));
          moved = true;
        } else state.place(p, s, pool);
      }
    }
  }
  state.commit();
}

/** Adds every pair that still fits somewhere (priority order, earliest slot): the schedule is maximal. */
export function fillSchedule(state: ScheduleState, order: number[]): number {
  let added = 0;
  for (const p of order) {
    if (state.isScheduled(p)) continue;
    const s = state.firstPlaceableSlot(p);
    if (s < 0) continue;
    state.place(p, s, state.placeable(p, s));
    added++;
  }
  state.commit();
  return added;
}
