/**
 * What keeps a pair out of one slot, given the rest of the schedule (caps aside): one of its parties is
 * busy, or the last table / video table / interpreter that could serve it is taken.
 */
import type { ScheduleState } from '../solver/schedule-state';

export type SlotBlock = 'party-busy' | 'table' | 'video-table' | 'interpreter';

export interface SlotBlocking {
  block: SlotBlock | null;
  /** the participants who are busy, when `party-busy` */
  busy: number[];
  /** the meetings occupying them */
  by: number[];
}

export function slotBlocking(state: ScheduleState, p: number, s: number): SlotBlocking {
  const pr = state.problem.pairs[p];
  const busy: number[] = [];
  const by: number[] = [];
  for (const i of [pr.a, pr.b]) {
    const q = state.occupant(i, s);
    if (q >= 0 && q !== p) {
      busy.push(i);
      if (!by.includes(q)) by.push(q);
    }
  }
  if (busy.length) return { block: 'party-busy', busy, by };
  const own = state.slotOf[p] === s;
  for (const v of pr.tableVenues)
    if (state.tablesLeft(v, s) + (own ? 1 : 0) <= 0) return { block: 'table', busy, by };
  for (const v of pr.videoVenues)
    if (state.videoTablesLeft(v, s) + (own ? 1 : 0) <= 0) return { block: 'video-table', busy, by };
  if (
    pr.language === null &&
    !pr.pools.some((k) => state.interpretersLeft(k, s) + (own && state.poolOf[p] === k ? 1 : 0) > 0)
  )
    return { block: 'interpreter', busy, by };
  return { block: null, busy, by };
}
