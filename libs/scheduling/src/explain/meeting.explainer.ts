/**
 * Why a meeting is in the schedule (its score and who wished for it) and why in its slot (the only one
 * possible, the first possible, or the first one left free by the other meetings — and by what).
 */
import { DEFAULT_WEIGHTS } from '../model/scheduling-input.model';
import type { Problem } from '../problem/problem.model';
import type { ScheduleState } from '../solver/schedule-state';
import { toIso } from '../time/zoned-time';
import type { PairReasonCode, Reason, SlotReasonCode } from './reason-codes';
import { slotBlocking } from './slot-blockers';

export function explainPair(problem: Problem, p: number, rank: number): Reason<PairReasonCode> {
  const pr = problem.pairs[p];
  const w = { ...DEFAULT_WEIGHTS, ...problem.input.weights };
  const common = {
    score: pr.score,
    weight: round(pr.weight),
    rank: rank + 1,
    candidates: problem.pairs.length,
  };
  if (pr.mutual) return { code: 'pair.mutual-wish', params: { ...common, factor: w.mutualWishFactor } };
  if (pr.wished) {
    const c = pr.candidate;
    return {
      code: 'pair.one-sided-wish',
      params: {
        ...common,
        factor: w.oneSidedWishFactor,
        wishedBy: c.aWantsB ? c.a : c.b,
        wished: c.aWantsB ? c.b : c.a,
      },
    };
  }
  return { code: 'pair.score', params: common };
}

export function explainSlot(state: ScheduleState, p: number): Reason<SlotReasonCode> {
  const problem = state.problem;
  const pr = problem.pairs[p];
  const s = state.slotOf[p];
  const pool = state.poolOf[p];
  const params: Reason['params'] = {
    startUtc: toIso(problem.slots[s].startMs),
    feasibleSlots: pr.slots.length,
    kind: pr.kind ?? '',
    venueIds: pr.tableVenues
      .concat(pr.videoVenues.filter((v) => !pr.tableVenues.includes(v)))
      .map((v) => problem.venues[v].id),
  };
  if (pr.language !== null) params.language = pr.language;
  if (pool >= 0) params.interpreterPoolId = problem.pools[pool].id;
  if (pr.slots.length === 1) return { code: 'slot.only-option', params };
  if (pr.slots[0] === s) return { code: 'slot.earliest-feasible', params };
  const counts = { partyBusy: 0, tablesFull: 0, videoTablesFull: 0, interpretersBusy: 0 };
  const blockers: number[] = [];
  for (const e of pr.slots) {
    if (e >= s) break;
    const b = slotBlocking(state, p, e);
    if (b.block === 'party-busy') counts.partyBusy++;
    else if (b.block === 'table') counts.tablesFull++;
    else if (b.block === 'video-table') counts.videoTablesFull++;
    else if (b.block === 'interpreter') counts.interpretersBusy++;
    for (const q of b.by) if (!blockers.includes(q)) blockers.push(q);
  }
  return {
    code: 'slot.earliest-free',
    params: {
      ...params,
      earlierTaken: pr.slots.indexOf(s),
      ...counts,
      blockingMeetings: topKeys(problem, blockers),
    },
  };
}

/** keys of the heaviest few meetings among `list` (weight, then key) */
export function topKeys(problem: Problem, list: number[], n = 3): string[] {
  return list
    .slice()
    .sort(
      (x, y) =>
        problem.pairs[y].weight - problem.pairs[x].weight ||
        (problem.pairs[x].key < problem.pairs[y].key ? -1 : 1),
    )
    .slice(0, n)
    .map((q) => problem.pairs[q].key);
}

export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
