/**
 * A problem with the scheduling input, named by the path of the offending field so the app can turn it
 * into an RFC 9457 `errors[] {field, message}` entry. `error`: the scheduler refuses the input;
 * `warning`: it schedules, but the organiser probably did not mean it.
 */
export const INPUT_ISSUE_CODES = [
  'invalid-slot-minutes',
  'no-days',
  'invalid-date',
  'duplicate-date',
  'unknown-time-zone',
  'invalid-local-time',
  'inverted-window',
  'break-outside-session',
  'slot-does-not-divide-session',
  'no-venues',
  'duplicate-id',
  'invalid-tables',
  'invalid-video-tables',
  'missing-session',
  'unknown-venue',
  'attendance-not-offered',
  'invalid-language',
  'no-languages',
  'invalid-cap',
  'invalid-availability',
  'unknown-participant',
  'self-pair',
  'duplicate-pair',
  'invalid-score',
  'invalid-interpreter-count',
  'invalid-weights',
  'invalid-grid-origin',
] as const;
export type InputIssueCode = (typeof INPUT_ISSUE_CODES)[number];

export interface InputIssue {
  severity: 'error' | 'warning';
  code: InputIssueCode;
  /** dotted path of the field, e.g. `workshop.venues[1].timeZone` */
  path: string;
  params: Record<string, string | number>;
}

/** thrown by `buildSchedule` when `checkInput` finds errors; `issues` lists all of them */
export class SchedulingInputError extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(
      `invalid scheduling input: ${issues
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.path} (${i.code})`)
        .join(', ')}`,
    );
    this.name = 'SchedulingInputError';
  }
}
