import { InputIssue, SchedulingInput, Workshop, checkInput } from '@techbridge/scheduling';

export interface LocalWindow {
  start: string;
  end: string;
}

export interface WorkshopPlan {
  mode: 'offline' | 'online' | 'hybrid';
  startDate: string;
  endDate: string;
  slotMinutes: number;
  session: LocalWindow & { breaks?: LocalWindow[] };
  venues: { id: string; timeZone: string; tables: number; videoTables?: number; city: { en: string } }[];
  interpreters: { id: string; languages: string[]; location: string; count: number }[];
}

export interface PlanProblem {
  field: string;
  message: string;
}

/** Longest workshop we plan (the scheduler's work grows with the slots). */
export const MAX_DAYS = 14;
const DAY_MS = 86_400_000;

/** `2026-06-08` … `2026-06-10` → the three dates. */
export function daysOf(startDate: string, endDate: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${startDate}T00:00:00Z`); t <= Date.parse(`${endDate}T00:00:00Z`); t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** The scheduler's view of the workshop (participants and pairs come with a report). */
export function toSchedulingWorkshop(plan: WorkshopPlan): Workshop {
  return {
    mode: plan.mode,
    slotMinutes: plan.slotMinutes,
    days: daysOf(plan.startDate, plan.endDate).map((date) => ({ date })),
    venues: plan.venues.map((v) => ({ id: v.id, city: v.city.en, timeZone: v.timeZone, tables: v.tables, videoTables: v.videoTables })),
    session: { start: plan.session.start, end: plan.session.end, breaks: plan.session.breaks ?? [] },
  };
}

const MESSAGES: Partial<Record<InputIssue['code'], (i: InputIssue) => string>> = {
  'unknown-time-zone': (i) => `unknown time zone "${i.params.timeZone ?? ''}" (use an IANA name such as Asia/Shanghai or Asia/Karachi)`,
  'invalid-local-time': () => 'must be a local time HH:MM',
  'inverted-window': () => 'ends before it starts',
  'break-outside-session': () => 'the break lies outside the meeting hours or overlaps another break',
  'slot-does-not-divide-session': (i) => `the slot length does not divide the meeting hours between breaks (${JSON.stringify(i.params)})`,
  'no-venues': () => 'an offline or hybrid workshop needs at least one venue',
  'duplicate-id': () => 'ids must be unique',
  'invalid-tables': () => 'must be at least 1',
  'invalid-video-tables': () => 'must be between 0 and the number of tables',
  'invalid-slot-minutes': () => 'must divide an hour or a day into whole slots',
  'invalid-interpreter-count': () => 'must be at least 1',
  'invalid-language': () => 'is not a language tag',
};

/** scheduler paths (`workshop.venues[1].timeZone`) → request fields (`venues[1].timeZone`) */
function fieldOf(path: string): string {
  if (path.startsWith('workshop.days')) return 'startDate';
  return path.replace(/^workshop\./, '');
}

/**
 * Everything wrong with a plan, each problem naming its request field: dates inverted or too long,
 * time zones unknown, breaks outside the hours or overlapping, a slot length that does not divide the
 * meeting hours, a venue with no tables, an interpreter at an unknown venue … The scheduler's own input
 * check is the authority on what it can schedule; a warning about slots that do not divide the hours
 * is refused here, since the organiser would lose meeting time without noticing.
 */
export function planProblems(plan: WorkshopPlan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (plan.endDate < plan.startDate) problems.push({ field: 'endDate', message: 'endDate is before startDate' });
  else if (daysOf(plan.startDate, plan.endDate).length > MAX_DAYS) problems.push({ field: 'endDate', message: `a workshop lasts at most ${MAX_DAYS} days` });
  if (plan.mode !== 'online' && plan.venues.length === 0) problems.push({ field: 'venues', message: 'an offline or hybrid workshop needs at least one venue' });
  const venueIds = new Set(plan.venues.map((v) => v.id));
  plan.interpreters.forEach((p, i) => {
    if (p.location !== 'online' && !venueIds.has(p.location)) {
      problems.push({ field: `interpreters[${i}].location`, message: `"${p.location}" is neither a venue id of this workshop nor "online"` });
    }
    if (p.languages[0] === p.languages[1]) problems.push({ field: `interpreters[${i}].languages`, message: 'an interpreter bridges two different languages' });
  });
  if (problems.length > 0) return problems;

  const input: SchedulingInput = {
    workshop: toSchedulingWorkshop(plan),
    participants: [],
    pairs: [],
    interpreters: plan.interpreters.map((p) => ({ ...p, languages: [p.languages[0], p.languages[1]] as [string, string] })),
  };
  for (const issue of checkInput(input)) {
    if (issue.severity === 'warning' && issue.code !== 'slot-does-not-divide-session') continue;
    const message = MESSAGES[issue.code]?.(issue) ?? issue.code.replace(/-/g, ' ');
    problems.push({ field: fieldOf(issue.path), message });
  }
  return problems;
}
