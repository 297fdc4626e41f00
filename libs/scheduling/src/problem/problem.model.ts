/**
 * The scheduling problem in the solver's terms: the global slot grid (absolute UTC slots), and per
 * participant / venue / interpreter pool a 0–1 mask or a count per slot, with everything referred to by
 * array index. Built once by `buildProblem`; the solver, the exact search, the explainers and the MIP
 * formulation all read it.
 */
import type { UnscheduledReasonCode, Reason } from '../explain/reason-codes';
import type { CandidatePair } from '../model/candidate-pair.model';
import type { MeetingKind } from '../model/schedule.model';
import type { SchedulingInput } from '../model/scheduling-input.model';

export interface ProblemSlot {
  startMs: number;
  endMs: number;
}

export interface ProblemVenue {
  id: string;
  timeZone: string;
  tables: number;
  videoTables: number;
  /** 1 where the venue's session (minus breaks) covers the slot */
  open: Uint8Array;
}

export interface ProblemParticipant {
  id: string;
  /** venue index, or -1 when online */
  venue: number;
  timeZone: string;
  /** cap on meetings (Infinity when none is given) */
  cap: number;
  /** 1 where the participant is at its place: venue session, or online programme ∩ working hours */
  present: Uint8Array;
  /** 1 where the participant's own availability covers the slot */
  available: Uint8Array;
  languages: string[];
  /** indices of its candidate pairs */
  pairs: number[];
}

export interface ProblemPool {
  id: string;
  languages: [string, string];
  /** venue index, or -1 for online */
  location: number;
  /** interpreters on duty per slot */
  count: Int32Array;
}

export interface ProblemPair {
  index: number;
  key: string;
  /** participant indices, lower id first (the candidate keeps the input's orientation) */
  a: number;
  b: number;
  candidate: CandidatePair;
  score: number;
  weight: number;
  wished: boolean;
  mutual: boolean;
  /** null when the workshop's mode or policy rules out every way for these two to meet */
  kind: MeetingKind | null;
  /** venues with a table taken by the meeting (in-person: one; video: each venue side, if tables are used) */
  tableVenues: number[];
  /** venues with a video table taken by the meeting */
  videoVenues: number[];
  /** the language they share, or null when they need an interpreter */
  language: string | null;
  /** pools that could interpret for them (only when `language` is null), by index */
  pools: number[];
  /** slots in which they could meet if nothing else were scheduled, ascending */
  slots: number[];
  /** when `slots` is empty: the first constraint that rules the pair out */
  blocked: Reason<UnscheduledReasonCode> | null;
}

export interface Problem {
  input: SchedulingInput;
  slotMs: number;
  originMs: number;
  slots: ProblemSlot[];
  venues: ProblemVenue[];
  participants: ProblemParticipant[];
  pools: ProblemPool[];
  pairs: ProblemPair[];
  /** 1 where the online programme is open */
  online: Uint8Array;
}
