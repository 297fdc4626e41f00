/**
 * Between the solver's indexed state and the JSON-friendly `Schedule`: explains every meeting and every
 * unscheduled pair, and reads a `Schedule` (possibly edited by hand) back into a state.
 */
import { explainPair, explainSlot, round } from '../explain/meeting.explainer';
import { explainUnscheduledPair } from '../explain/unscheduled.explainer';
import type { Meeting, Schedule, ScheduleStats } from '../model/schedule.model';
import type { Problem } from '../problem/problem.model';
import { parseInstant, toIso } from '../time/zoned-time';
import { pairsByPriority } from './pair-order';
import { ScheduleState } from './schedule-state';

export type SolverFacts = Pick<ScheduleStats, 'optimality' | 'improvementMoves' | 'exactSearchNodes'>;

export function assembleSchedule(state: ScheduleState, facts: SolverFacts): Schedule {
  const problem = state.problem;
  const order = pairsByPriority(problem);
  const rank = new Int32Array(problem.pairs.length);
  order.forEach((p, r) => (rank[p] = r));

  const scheduled = state.scheduledPairs();
  const meetings: (Meeting & { sortVenue: string })[] = scheduled.map((p) => {
    const pr = problem.pairs[p];
    const s = state.slotOf[p];
    const pool = state.poolOf[p];
    const venueIds = [...new Set([...pr.tableVenues, ...pr.videoVenues])].map((v) => problem.venues[v].id);
    const m: Meeting & { sortVenue: string } = {
      a: pr.candidate.a,
      b: pr.candidate.b,
      key: pr.key,
      startUtc: toIso(problem.slots[s].startMs),
      endUtc: toIso(problem.slots[s].endMs),
      kind: pr.kind!,
      venueIds,
      score: pr.score,
      weight: round(pr.weight),
      why: { pair: explainPair(problem, p, rank[p]), slot: explainSlot(state, p) },
      sortVenue: venueIds.join(','),
    };
    if (pr.language !== null) m.language = pr.language;
    if (pool >= 0) m.interpreterPoolId = problem.pools[pool].id;
    return m;
  });
  meetings.sort((x, y) => cmp(x.startUtc, y.startUtc) || cmp(x.sortVenue, y.sortVenue) || cmp(x.key, y.key));

  const unscheduled = order.filter((p) => !state.isScheduled(p)).map((p) => explainUnscheduledPair(state, p));
  // Summed in a fixed order, so the objective is bit-for-bit the same whatever path produced the state.
  const objective = round(scheduled.reduce((sum, p) => sum + problem.pairs[p].weight, 0));
  const pairs = problem.pairs;
  const stats: ScheduleStats = {
    slots: problem.slots.length,
    candidatePairs: pairs.length,
    feasiblePairs: pairs.filter((p) => p.slots.length > 0).length,
    meetings: meetings.length,
    wishedPairs: pairs.filter((p) => p.wished).length,
    wishedMeetings: scheduled.filter((p) => pairs[p].wished).length,
    mutualPairs: pairs.filter((p) => p.mutual).length,
    mutualMeetings: scheduled.filter((p) => pairs[p].mutual).length,
    upperBound: round(simpleUpperBound(problem)),
    ...facts,
  };
  return { meetings: meetings.map(({ sortVenue: _sv, ...m }) => m), unscheduled, objective, stats };
}

/**
 * A bound that needs no solver: the feasible pairs' weights, or half the sum over participants of their
 * best `min(cap, slots they are present and available)` pair weights, whichever is smaller.
 */
export function simpleUpperBound(problem: Problem): number {
  const feasible = problem.pairs.filter((p) => p.slots.length > 0);
  const total = feasible.reduce((s, p) => s + p.weight, 0);
  let twice = 0;
  for (const part of problem.participants) {
    const ws = part.pairs
      .map((q) => problem.pairs[q])
      .filter((q) => q.slots.length > 0)
      .map((q) => q.weight)
      .sort((x, y) => y - x);
    let open = 0;
    for (let s = 0; s < problem.slots.length; s++) if (part.present[s] && part.available[s]) open++;
    const room = Math.min(part.cap, open, ws.length);
    for (let r = 0; r < room; r++) twice += ws[r];
  }
  return Math.min(total, twice / 2);
}

/**
 * Puts the meetings of a `Schedule` into a state for `problem`, without checking any constraint (the
 * validator does that). Meetings that do not name a candidate pair or a grid slot are skipped.
 */
export function stateFromSchedule(problem: Problem, schedule: Pick<Schedule, 'meetings'>): ScheduleState {
  const state = new ScheduleState(problem);
  const byKey = new Map(problem.pairs.map((p) => [p.key, p.index]));
  const bySlot = new Map(problem.slots.map((s, i) => [s.startMs, i]));
  const poolIndex = new Map(problem.pools.map((k, i) => [k.id, i]));
  for (const m of schedule.meetings) {
    const p = byKey.get(m.key);
    const start = parseInstant(m.startUtc);
    const s = start === null ? undefined : bySlot.get(start);
    if (p === undefined || s === undefined || state.isScheduled(p)) continue;
    state.place(p, s, m.interpreterPoolId !== undefined ? (poolIndex.get(m.interpreterPoolId) ?? -1) : -1);
  }
  state.commit();
  return state;
}

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
