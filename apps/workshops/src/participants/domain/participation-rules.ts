import { Attendance, AvailabilityWindow, isValidTimeZone } from '@techbridge/scheduling';

export interface AttendanceInput {
  venueId?: string;
  timeZone?: string;
  workingHours?: { start: string; end: string }[];
}

export interface ParticipationProblem {
  field: string;
  message: string;
}

export interface WorkshopFrame {
  mode: 'offline' | 'online' | 'hybrid';
  venueIds: string[];
  days: string[];
}

/**
 * How an enterprise attends, checked against the workshop: a venue of this workshop (not for an
 * online-only one), or online from a real time zone (not for an offline one); availability on the
 * workshop's days, each window starting before it ends.
 */
export function participationProblems(
  workshop: WorkshopFrame,
  attendance: AttendanceInput,
  availability: { date: string; start: string; end: string }[] | undefined,
): ParticipationProblem[] {
  const problems: ParticipationProblem[] = [];
  if (attendance.venueId !== undefined && attendance.timeZone !== undefined) {
    problems.push({ field: 'attendance', message: 'give either venueId (in person) or timeZone (online), not both' });
  } else if (attendance.venueId !== undefined) {
    if (!workshop.venueIds.includes(attendance.venueId)) {
      problems.push({ field: 'attendance.venueId', message: `"${attendance.venueId}" is not a venue of this workshop (${workshop.venueIds.join(', ') || 'it has none'})` });
    } else if (workshop.mode === 'online') {
      problems.push({ field: 'attendance.venueId', message: 'the workshop is online only' });
    }
  } else if (attendance.timeZone === undefined) {
    problems.push({ field: 'attendance', message: 'give venueId (in person) or timeZone (online)' });
  } else if (!isValidTimeZone(attendance.timeZone)) {
    problems.push({ field: 'attendance.timeZone', message: `unknown time zone "${attendance.timeZone}" (use an IANA name such as Asia/Karachi)` });
  } else if (workshop.mode === 'offline') {
    problems.push({ field: 'attendance.timeZone', message: 'the workshop is offline only: choose a venue' });
  }
  (attendance.workingHours ?? []).forEach((w, i) => {
    if (w.start >= w.end) problems.push({ field: `attendance.workingHours[${i}]`, message: 'ends before it starts' });
  });
  (availability ?? []).forEach((a, i) => {
    if (!workshop.days.includes(a.date)) problems.push({ field: `availability[${i}].date`, message: `${a.date} is not a day of the workshop` });
    if (a.start >= a.end) problems.push({ field: `availability[${i}]`, message: 'ends before it starts' });
  });
  return problems;
}

export function toAttendance(input: AttendanceInput): Attendance {
  if (input.venueId !== undefined) return { kind: 'venue', venueId: input.venueId };
  return { kind: 'online', timeZone: input.timeZone!, ...(input.workingHours?.length ? { workingHours: input.workingHours.map((w) => ({ ...w })) } : {}) };
}

export function toAvailability(input: { date: string; start: string; end: string }[] | undefined): AvailabilityWindow[] | null {
  return input ? input.map((a) => ({ date: a.date, start: a.start, end: a.end })) : null;
}
