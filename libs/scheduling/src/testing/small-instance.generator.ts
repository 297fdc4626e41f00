/**
 * Small random instances that exercise every constraint at once, for property-based tests: any mode,
 * one or two venues in different zones with few tables and video tables, online participants in zones
 * whose offset is not a whole hour (Asia/Kolkata, UTC+5:30), working hours, UTC and local availability
 * windows, breaks, caps, languages that need interpreters, pools with and without availability. Tiny
 * enough that an exact solver answers in milliseconds. The shape (sizes + seed) fixes the instance.
 */
import type { CandidatePair } from '../model/candidate-pair.model';
import type { InterpreterPool } from '../model/interpreter.model';
import type { AvailabilityWindow, Participant } from '../model/participant.model';
import type { SchedulingInput } from '../model/scheduling-input.model';
import type { SessionHours, Venue, WorkshopMode } from '../model/workshop.model';
import { SeededRandom } from './seeded-random';

export interface SmallInstanceShape {
  seed: number;
  participants: number;
  pairs: number;
  /** slots per venue and day */
  slotsPerDay: number;
  days: number;
}

const LANGS = [['en'], ['zh-Hans'], ['ur'], ['zh-Hans', 'en'], ['ur', 'en'], ['zh-Hans', 'ur']];
const POOL_LANGS: [string, string][] = [
  ['zh-Hans', 'en'],
  ['zh-Hans', 'ur'],
  ['en', 'ur'],
];
const ZONES = ['Asia/Shanghai', 'Asia/Karachi', 'Asia/Kolkata', 'Europe/London'];

const hhmm = (min: number) =>
  `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

export function randomSmallInstance(shape: SmallInstanceShape): SchedulingInput {
  const rnd = new SeededRandom(shape.seed);
  const mode = rnd.pick<WorkshopMode>(['offline', 'online', 'hybrid', 'hybrid']);
  const dates = Array.from({ length: shape.days }, (_, i) => `2026-06-${String(8 + i).padStart(2, '0')}`);
  const session = (startMin: number): SessionHours => {
    const h: SessionHours = { start: hhmm(startMin), end: hhmm(startMin + 30 * shape.slotsPerDay) };
    if (shape.slotsPerDay >= 4 && rnd.chance(0.4)) {
      const at = startMin + 30 * rnd.int(1, shape.slotsPerDay - 2);
      h.breaks = [{ start: hhmm(at), end: hhmm(at + 30) }];
    }
    return h;
  };
  // Kunming 11:00–13:00 local and Islamabad 08:00–10:00 local start together at 03:00 UTC, so the
  // two venues' sessions overlap and cross-venue video meetings are possible.
  const venues: Venue[] = [];
  const nVenues = mode === 'online' ? rnd.int(0, 1) : rnd.int(1, 2);
  const addVenue = (id: string, city: string, timeZone: string, startMin: number) => {
    const tables = rnd.int(1, 3);
    const v: Venue = { id, city, timeZone, tables, session: session(startMin) };
    if (rnd.chance(0.6)) v.videoTables = rnd.int(0, tables);
    venues.push(v);
  };
  if (nVenues >= 1) addVenue('kunming', 'Kunming', 'Asia/Shanghai', rnd.pick([10 * 60, 11 * 60, 12 * 60]));
  if (nVenues >= 2) addVenue('islamabad', 'Islamabad', 'Asia/Karachi', rnd.pick([8 * 60, 9 * 60]));

  const participants: Participant[] = [];
  for (let i = 0; i < shape.participants; i++) {
    const atVenue = venues.length > 0 && (mode === 'offline' || rnd.chance(mode === 'online' ? 0.2 : 0.6));
    let attendance: Participant['attendance'];
    if (atVenue) attendance = { kind: 'venue', venueId: rnd.pick(venues).id };
    else {
      const zone = rnd.pick(ZONES);
      attendance = { kind: 'online', timeZone: zone };
      if (rnd.chance(0.7)) {
        const s = rnd.int(0, 20) * 30;
        attendance.workingHours = [{ start: hhmm(s), end: hhmm(Math.min(s + rnd.int(4, 24) * 30, 1440)) }];
      }
    }
    const p: Participant = {
      id: `p${i}`,
      country: i % 2 ? 'PK' : 'CN',
      attendance,
      languages: rnd.pick(LANGS).slice(),
    };
    if (rnd.chance(0.6)) p.maxMeetings = rnd.int(0, 3);
    if (rnd.chance(0.4)) p.availability = randomAvailability(rnd, dates);
    participants.push(p);
  }

  const pairs: CandidatePair[] = [];
  const seen = new Set<string>();
  for (let guard = 0; pairs.length < shape.pairs && guard < shape.pairs * 20; guard++) {
    const a = rnd.int(0, shape.participants - 1);
    const b = rnd.int(0, shape.participants - 1);
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    pairs.push({
      a: `p${a}`,
      b: `p${b}`,
      score: rnd.int(0, 100),
      aWantsB: rnd.chance(0.3),
      bWantsA: rnd.chance(0.3),
    });
  }

  const interpreters: InterpreterPool[] = [];
  const nPools = rnd.int(0, 3);
  for (let k = 0; k < nPools; k++) {
    const pool: InterpreterPool = {
      id: `i${k}`,
      languages: rnd.pick(POOL_LANGS),
      location: venues.length && rnd.chance(0.6) ? rnd.pick(venues).id : 'online',
      count: rnd.int(0, 2),
    };
    if (rnd.chance(0.3)) pool.availability = randomAvailability(rnd, dates);
    interpreters.push(pool);
  }

  const input: SchedulingInput = {
    workshop: {
      mode,
      slotMinutes: 30,
      days: dates.map((date) => ({ date })),
      venues,
      hybrid: { crossVenueVideo: rnd.chance(0.8), videoUsesTable: rnd.chance(0.7) },
    },
    participants,
    pairs,
    interpreters,
  };
  if (venues.length === 0 || rnd.chance(0.3))
    input.workshop.online = {
      timeZone: 'UTC',
      session: { start: '02:00', end: hhmm(120 + 30 * (shape.slotsPerDay + 2)) },
    };
  if (rnd.chance(0.3))
    input.weights = { mutualWishFactor: rnd.pick([1, 1.5, 3]), oneSidedWishFactor: rnd.pick([1, 1.1, 2]) };
  return input;
}

function randomAvailability(rnd: SeededRandom, dates: string[]): AvailabilityWindow[] {
  const out: AvailabilityWindow[] = [];
  for (let n = rnd.int(1, 2); n > 0; n--) {
    const date = rnd.pick(dates);
    // windows around the sessions (01:00–08:00 UTC), on the half hour
    const s = 60 + rnd.int(0, 12) * 30;
    const e = s + rnd.int(1, 6) * 30;
    if (rnd.chance(0.5))
      out.push({ startUtc: `${date}T${hhmm(s)}:00Z`, endUtc: `${date}T${hhmm(Math.min(e, 1439))}:00Z` });
    else
      out.push({
        date,
        start: hhmm(s + 5 * 60),
        end: hhmm(Math.min(e + 5 * 60, 1440)),
        timeZone: 'Asia/Karachi',
      });
  }
  return out;
}
