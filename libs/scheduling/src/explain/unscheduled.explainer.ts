/**
 * For a candidate pair without a meeting, the constraint that keeps it out, checked in this order:
 * 1. static (the pair can never meet in this workshop): mode / venues, video tables, language,
 *    working hours, availability, interpreters on duty — decided when the problem is built;
 * 2. caps: one side already has its maximum number of meetings;
 * 3. slots: in each feasible slot something is taken — a party, the tables, the video tables or the
 *    interpreters; one kind for all slots gives its own code, a mix gives `slots-taken` with counts.
 * If some slot is still free the pair could simply be added (never so for a solver's schedule).
 */
import type { UnscheduledPair } from '../model/schedule.model';
import type { ScheduleState } from '../solver/schedule-state';
import { toIso } from '../time/zoned-time';
import { round, topKeys } from './meeting.explainer';
import type { Reason, UnscheduledReasonCode } from './reason-codes';
import { slotBlocking } from './slot-blockers';

export function explainUnscheduledPair(state: ScheduleState, p: number): UnscheduledPair {
  const problem = state.problem;
  const pr = problem.pairs[p];
  const c = pr.candidate;
  return {
    a: c.a,
    b: c.b,
    key: pr.key,
    score: pr.score,
    weight: round(pr.weight),
    aWantsB: !!c.aWantsB,
    bWantsA: !!c.bWantsA,
    reason: reasonFor(state, p),
  };
}

function reasonFor(state: ScheduleState, p: number): Reason<UnscheduledReasonCode> {
  const problem = state.problem;
  const pr = problem.pairs[p];
  if (pr.blocked) return pr.blocked;
  const parts = problem.participants;
  const atCap = [pr.a, pr.b].filter((i) => state.meetings[i] >= parts[i].cap);
  if (atCap.length)
    return {
      code: 'unscheduled.cap-reached',
      params: {
        participantId: parts[atCap[0]].id,
        cap: parts[atCap[0]].cap,
        participantIds: atCap.map((i) => parts[i].id),
      },
    };
  const counts = { partyBusy: 0, tablesFull: 0, videoTablesFull: 0, interpretersBusy: 0 };
  const busy = new Set<number>();
  const blockers: number[] = [];
  for (const s of pr.slots) {
    const b = slotBlocking(state, p, s);
    if (b.block === null)
      return { code: 'unscheduled.could-be-added', params: { startUtc: toIso(problem.slots[s].startMs) } };
    if (b.block === 'party-busy') counts.partyBusy++;
    else if (b.block === 'table') counts.tablesFull++;
    else if (b.block === 'video-table') counts.videoTablesFull++;
    else counts.interpretersBusy++;
    b.busy.forEach((i) => busy.add(i));
    for (const q of b.by) if (!blockers.includes(q)) blockers.push(q);
  }
  const slots = pr.slots.length;
  const params = { slots, ...counts };
  if (counts.partyBusy === slots)
    return {
      code: 'unscheduled.party-busy',
      params: {
        ...params,
        participantIds: [...busy].sort((x, y) => x - y).map((i) => parts[i].id),
        blockingMeetings: topKeys(problem, blockers),
      },
    };
  if (counts.tablesFull === slots)
    return {
      code: 'unscheduled.no-free-table',
      params: { ...params, venueIds: pr.tableVenues.map((v) => problem.venues[v].id) },
    };
  if (counts.videoTablesFull === slots)
    return {
      code: 'unscheduled.no-free-video-table',
      params: { ...params, venueIds: pr.videoVenues.map((v) => problem.venues[v].id) },
    };
  if (counts.interpretersBusy === slots)
    return {
      code: 'unscheduled.no-free-interpreter',
      params: { ...params, pools: pr.pools.map((k) => problem.pools[k].id) },
    };
  return {
    code: 'unscheduled.slots-taken',
    params: { ...params, blockingMeetings: topKeys(problem, blockers) },
  };
}
