import type { PairReasonCode, Reason, SlotReasonCode, UnscheduledReasonCode } from '../explain/reason-codes';

/**
 * `in-person`: both at one venue, at one table. `video`: at least one side at a venue, meeting someone
 * elsewhere by video from a video table. `online`: both online.
 */
export type MeetingKind = 'in-person' | 'video' | 'online';

export interface Meeting {
  /** the pair as given in the candidate list */
  a: string;
  b: string;
  /** `pairKey(a, b)` */
  key: string;
  startUtc: string;
  endUtc: string;
  kind: MeetingKind;
  /** in-person: the venue; video: the venues whose video tables it occupies; online: none */
  venueIds: string[];
  /** the language they share, when they share one (the first in the list of the party whose id sorts first) */
  language?: string;
  /** the interpreter pool serving the meeting, when they share no language */
  interpreterPoolId?: string;
  score: number;
  /** the score times the wish factor: what the schedule maximises */
  weight: number;
  why: { pair: Reason<PairReasonCode>; slot: Reason<SlotReasonCode> };
}

export interface UnscheduledPair {
  a: string;
  b: string;
  key: string;
  score: number;
  weight: number;
  aWantsB: boolean;
  bWantsA: boolean;
  /** the constraint that keeps them apart */
  reason: Reason<UnscheduledReasonCode>;
}

export interface ScheduleStats {
  /** grid slots in which anything is open */
  slots: number;
  candidatePairs: number;
  /** pairs that could meet in at least one slot if nothing else were scheduled */
  feasiblePairs: number;
  meetings: number;
  wishedPairs: number;
  wishedMeetings: number;
  mutualPairs: number;
  mutualMeetings: number;
  /** `proven-optimal`: the exact search finished; `heuristic`: greedy + local search */
  optimality: 'proven-optimal' | 'heuristic';
  /** a cheap upper bound on the objective (caps and feasibility only; the LP bound is tighter) */
  upperBound: number;
  /** improving moves after the greedy construction (ruin-and-recreate, local search, exact search); deterministic */
  improvementMoves: number;
  exactSearchNodes: number;
}

export interface Schedule {
  /** in time order, then by venue and pair */
  meetings: Meeting[];
  /** every candidate pair without a meeting, highest weight first */
  unscheduled: UnscheduledPair[];
  /** sum of the meetings' weights */
  objective: number;
  stats: ScheduleStats;
}
