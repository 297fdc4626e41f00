/**
 * @techbridge/scheduling — the B2B meeting scheduler for matchmaking workshops (plain TypeScript; no
 * Nest, TypeORM, kafkajs or pg, and no solver package). See libs/scheduling/README.md.
 */
export type {
  Workshop,
  WorkshopMode,
  WorkshopDay,
  Venue,
  SessionHours,
  LocalWindow,
  LocalTime,
  IsoDate,
  HybridPolicy,
  OnlineProgramme,
} from './model/workshop.model';
export type { Participant, Attendance, AvailabilityWindow, Country } from './model/participant.model';
export type { CandidatePair } from './model/candidate-pair.model';
export { ONLINE_LOCATION, type InterpreterPool } from './model/interpreter.model';
export {
  DEFAULT_WEIGHTS,
  pairKey,
  pairWeight,
  type SchedulingInput,
  type WishWeights,
} from './model/scheduling-input.model';
export type { Schedule, Meeting, MeetingKind, UnscheduledPair, ScheduleStats } from './model/schedule.model';

export { buildSchedule, ScheduleSolver, type ScheduleOptions } from './solver/schedule.solver';
export type { LocalSearchLimits } from './solver/local-search.improver';
export type { ExactSearchLimits } from './solver/exact.search';
export { checkInput } from './input/input.checker';
export {
  SchedulingInputError,
  INPUT_ISSUE_CODES,
  type InputIssue,
  type InputIssueCode,
} from './input/input-issue';
export {
  validateSchedule,
  VIOLATION_CODES,
  type Violation,
  type ViolationCode,
} from './validate/schedule.validator';
export { explainUnscheduled } from './explain/explain-schedule';
export {
  REASON_CODES,
  PAIR_REASON_CODES,
  SLOT_REASON_CODES,
  UNSCHEDULED_REASON_CODES,
  type Reason,
  type ReasonCode,
  type ReasonParam,
  type PairReasonCode,
  type SlotReasonCode,
  type UnscheduledReasonCode,
} from './explain/reason-codes';
export { renderReason, type ReasonLanguage, type RenderOptions } from './explain/reason.renderer';

export { buildProblem } from './problem/problem.builder';
export type { Problem } from './problem/problem.model';
export { buildMipFormulation, toLpText, type MipFormulation } from './exact/mip.formulation';
export { solveExactly, type HighsLike, type ExactSolution } from './exact/highs.adapter';

export { isValidTimeZone, localToUtc, utcToLocal } from './time/zoned-time';
export { languagesMatch } from './language/language-tag';

export {
  generateWorkshopInstance,
  type WorkshopInstanceOptions,
} from './testing/workshop-instance.generator';
export { randomSmallInstance, type SmallInstanceShape } from './testing/small-instance.generator';
