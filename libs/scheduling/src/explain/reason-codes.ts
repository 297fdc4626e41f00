/**
 * Every explanation the scheduler gives is data: a code from the lists below plus params (ids, counts,
 * ISO instants), so the app renders it in en / zh-Hans / ur (see `renderReason`) and tests assert on it.
 */

/** why this pair meets */
export const PAIR_REASON_CODES = ['pair.mutual-wish', 'pair.one-sided-wish', 'pair.score'] as const;

/** why this slot */
export const SLOT_REASON_CODES = [
  /** the only slot in the whole workshop in which these two could meet */
  'slot.only-option',
  /** the first slot in which both are present and available (with a table / interpreter on duty) */
  'slot.earliest-feasible',
  /** earlier feasible slots were taken by other meetings (params say by what); this is the first free one */
  'slot.earliest-free',
] as const;

/** why a candidate pair has no meeting */
export const UNSCHEDULED_REASON_CODES = [
  // The pair can never meet in this workshop, whatever else is scheduled:
  /** one side attends online and the workshop is offline */
  'unscheduled.online-not-offered',
  /** both sit at the same venue and the workshop is online only */
  'unscheduled.in-person-not-offered',
  /** they sit at different venues and there is no video between venues (offline mode or policy) */
  'unscheduled.different-venues',
  /** a video meeting is needed and a party's venue has no video table */
  'unscheduled.no-video-table',
  /** no shared language and no interpreter pool for their languages where they would meet */
  'unscheduled.no-language',
  /** never both inside their session / working hours at the same time */
  'unscheduled.outside-working-hours',
  /** both are present at common times, but never both available */
  'unscheduled.no-common-availability',
  /** an interpreter pool exists, but none is on duty when both are available */
  'unscheduled.no-interpreter-available',
  // The pair could meet, but the rest of the schedule leaves no room:
  /** one side (or both) already has its maximum number of meetings */
  'unscheduled.cap-reached',
  /** in every feasible slot one of the two already has a meeting */
  'unscheduled.party-busy',
  /** in every feasible slot in which both are free, all tables at the venue are taken */
  'unscheduled.no-free-table',
  /** … all video tables are taken */
  'unscheduled.no-free-video-table',
  /** … all interpreters who could serve them are in other meetings */
  'unscheduled.no-free-interpreter',
  /** every feasible slot is blocked, for a mix of the reasons above (params count each) */
  'unscheduled.slots-taken',
  /** a slot is still free for them (never for a solver's schedule; possible for an edited one) */
  'unscheduled.could-be-added',
] as const;

export type PairReasonCode = (typeof PAIR_REASON_CODES)[number];
export type SlotReasonCode = (typeof SLOT_REASON_CODES)[number];
export type UnscheduledReasonCode = (typeof UNSCHEDULED_REASON_CODES)[number];
export type ReasonCode = PairReasonCode | SlotReasonCode | UnscheduledReasonCode;

export const REASON_CODES: readonly ReasonCode[] = [
  ...PAIR_REASON_CODES,
  ...SLOT_REASON_CODES,
  ...UNSCHEDULED_REASON_CODES,
];

export type ReasonParam = string | number | boolean | string[];

export interface Reason<C extends ReasonCode = ReasonCode> {
  code: C;
  params: Record<string, ReasonParam>;
}
