/**
 * Small hand-made inputs for the unit tests: a one-venue workshop in UTC with a few slots, and the
 * two-city Kunming + Islamabad hybrid format. Plain data builders, no test framework.
 */
import type { CandidatePair } from '../model/candidate-pair.model';
import type { InterpreterPool } from '../model/interpreter.model';
import type { Participant } from '../model/participant.model';
import type { SchedulingInput } from '../model/scheduling-input.model';
import type { Venue, Workshop } from '../model/workshop.model';

export const DAY = '2026-06-08';

const hhmm = (min: number) =>
  `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/** one venue `hall` in UTC, `slots` 30-minute slots from 09:00, `tables` tables */
export function hallWorkshop(
  slots: number,
  tables = 10,
  extra: Partial<Workshop> = {},
  venue: Partial<Venue> = {},
): Workshop {
  return {
    mode: 'offline',
    slotMinutes: 30,
    days: [{ date: DAY }],
    venues: [
      {
        id: 'hall',
        city: 'Test',
        timeZone: 'UTC',
        tables,
        session: { start: '09:00', end: hhmm(540 + 30 * slots) },
        ...venue,
      },
    ],
    ...extra,
  };
}

/** Kunming (UTC+8) and Islamabad (UTC+5), 09:00–17:00 local with lunch 12:30–13:30, hybrid */
export function twoCityWorkshop(extra: Partial<Workshop> = {}, tables = 10, videoTables = 2): Workshop {
  return {
    mode: 'hybrid',
    slotMinutes: 30,
    days: [{ date: DAY }],
    venues: [
      { id: 'kunming', city: 'Kunming', timeZone: 'Asia/Shanghai', tables, videoTables },
      { id: 'islamabad', city: 'Islamabad', timeZone: 'Asia/Karachi', tables, videoTables },
    ],
    session: { start: '09:00', end: '17:00', breaks: [{ start: '12:30', end: '13:30' }] },
    ...extra,
  };
}

export function atVenue(id: string, venueId: string, extra: Partial<Participant> = {}): Participant {
  return {
    id,
    country: id.startsWith('pk') ? 'PK' : 'CN',
    attendance: { kind: 'venue', venueId },
    languages: ['en'],
    ...extra,
  };
}

export function online(
  id: string,
  timeZone: string,
  extra: Partial<Participant> = {},
  workingHours?: { start: string; end: string }[],
): Participant {
  return {
    id,
    country: id.startsWith('pk') ? 'PK' : 'CN',
    attendance: { kind: 'online', timeZone, workingHours },
    languages: ['en'],
    ...extra,
  };
}

export function pair(
  a: string,
  b: string,
  score: number,
  wishes: Partial<Pick<CandidatePair, 'aWantsB' | 'bWantsA'>> = {},
): CandidatePair {
  return { a, b, score, ...wishes };
}

export function scheduling(
  workshop: Workshop,
  participants: Participant[],
  pairs: CandidatePair[],
  interpreters?: InterpreterPool[],
): SchedulingInput {
  return { workshop, participants, pairs, ...(interpreters ? { interpreters } : {}) };
}

/** `HH:MM` UTC on the fixture day as an ISO instant */
export const at = (time: string, date = DAY) => `${date}T${time}:00.000Z`;
