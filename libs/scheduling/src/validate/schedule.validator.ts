/**
 * Checks a schedule against every constraint, straight from the input and independently of the solver:
 * no grid, no masks, no precomputed pair data — each meeting's instants are converted to the local time of
 * the venue or participant concerned and compared with the session hours, breaks, working hours and
 * availability as written; resources are counted by overlapping intervals. Tests run it on every solver
 * output; the app can run it on a schedule an organiser edited by hand.
 */
import { interpreterServes, languagesMatch, sharedLanguage } from '../language/language-tag';
import type { CandidatePair } from '../model/candidate-pair.model';
import { ONLINE_LOCATION, type InterpreterPool } from '../model/interpreter.model';
import type { AvailabilityWindow, Participant } from '../model/participant.model';
import type { Meeting, MeetingKind, Schedule } from '../model/schedule.model';
import { pairKey, pairWeight, type SchedulingInput } from '../model/scheduling-input.model';
import type { LocalWindow, SessionHours, Venue, Workshop } from '../model/workshop.model';
import { onlineSession, venueSession } from '../problem/session-calendar';
import { localToUtc, parseInstant, parseLocalTime, utcToLocal } from '../time/zoned-time';

export const VIOLATION_CODES = [
  'unknown-participant',
  'unknown-pair',
  'duplicate-pair',
  'invalid-time',
  'wrong-length',
  'off-grid',
  'kind-not-allowed',
  'wrong-venue',
  'outside-session',
  'outside-working-hours',
  'outside-online-programme',
  'party-unavailable',
  'party-double-booked',
  'cap-exceeded',
  'tables-exceeded',
  'video-tables-exceeded',
  'no-common-language',
  'wrong-language',
  'unknown-interpreter',
  'wrong-interpreter',
  'interpreter-unavailable',
  'interpreters-exceeded',
  'objective-mismatch',
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

export interface Violation {
  code: ViolationCode;
  /** the meeting concerned (pair key), when there is one */
  meeting?: string;
  params: Record<string, string | number>;
}

interface Placed {
  m: Meeting;
  start: number;
  end: number;
}

export function validateSchedule(
  input: SchedulingInput,
  schedule: Pick<Schedule, 'meetings'> & Partial<Pick<Schedule, 'objective'>>,
): Violation[] {
  return new ScheduleValidator(input).validate(schedule);
}

class ScheduleValidator {
  private readonly out: Violation[] = [];
  private readonly w: Workshop;
  private readonly participants: Map<string, Participant>;
  private readonly venues: Map<string, Venue>;
  private readonly pools: Map<string, InterpreterPool>;
  private readonly candidates = new Map<string, CandidatePair>();
  private readonly slotMs: number;

  constructor(private readonly input: SchedulingInput) {
    this.w = input.workshop;
    this.participants = new Map(input.participants.map((p) => [p.id, p]));
    this.venues = new Map(this.w.venues.map((v) => [v.id, v]));
    this.pools = new Map((input.interpreters ?? []).map((k) => [k.id, k]));
    for (const c of input.pairs) this.candidates.set(pairKey(c.a, c.b), c);
    this.slotMs = this.w.slotMinutes * 60000;
  }

  validate(schedule: Pick<Schedule, 'meetings'> & Partial<Pick<Schedule, 'objective'>>): Violation[] {
    const placed: Placed[] = [];
    const seen = new Set<string>();
    const origin = this.gridOrigin();
    let total = 0;
    for (const m of schedule.meetings) {
      const key = pairKey(m.a, m.b);
      const v = (code: ViolationCode, params: Violation['params'] = {}) =>
        this.out.push({ code, meeting: key, params });
      const a = this.participants.get(m.a);
      const b = this.participants.get(m.b);
      if (!a) v('unknown-participant', { participantId: m.a });
      if (!b) v('unknown-participant', { participantId: m.b });
      const cand = this.candidates.get(key);
      if (!cand) v('unknown-pair', { a: m.a, b: m.b });
      if (seen.has(key)) v('duplicate-pair', { a: m.a, b: m.b });
      seen.add(key);
      const start = parseInstant(m.startUtc);
      const end = parseInstant(m.endUtc);
      if (start === null || end === null) {
        v('invalid-time', { startUtc: String(m.startUtc), endUtc: String(m.endUtc) });
        continue;
      }
      if (end - start !== this.slotMs)
        v('wrong-length', { minutes: (end - start) / 60000, slotMinutes: this.w.slotMinutes });
      if (origin !== null && (((start - origin) % this.slotMs) + this.slotMs) % this.slotMs !== 0)
        v('off-grid', { startUtc: m.startUtc });
      if (cand) total += pairWeight(cand, this.input.weights);
      if (!a || !b) continue;
      placed.push({ m, start, end });

      // Meeting form and venues follow from where the two sit and what the workshop offers.
      const expected = this.expectedKind(a, b);
      if (expected === null || expected !== m.kind)
        v('kind-not-allowed', { kind: m.kind, expected: expected ?? 'none', mode: this.w.mode });
      const expectedVenues = [a, b]
        .flatMap((p) => (p.attendance.kind === 'venue' ? [p.attendance.venueId] : []))
        .filter((id, i, all) => all.indexOf(id) === i)
        .sort();
      if (m.kind !== 'online' && [...m.venueIds].sort().join(',') !== expectedVenues.join(','))
        v('wrong-venue', { venueIds: m.venueIds.join(','), expected: expectedVenues.join(',') });
      if (m.kind === 'online' && m.venueIds.length)
        v('wrong-venue', { venueIds: m.venueIds.join(','), expected: '' });

      // Each party must be at its place (venue session minus breaks, or working hours) and available.
      for (const p of [a, b]) {
        const att = p.attendance;
        if (att.kind === 'venue') {
          const venue = this.venues.get(att.venueId);
          if (!venue || !this.inVenueSession(venue, start, end))
            v('outside-session', { participantId: p.id, venueId: att.venueId });
        } else {
          const hours = att.workingHours ?? [{ start: '09:00', end: '18:00' }];
          if (!withinLocal(hours, start, end, att.timeZone))
            v('outside-working-hours', { participantId: p.id, timeZone: att.timeZone });
          if (!this.inOnlineProgramme(start, end)) v('outside-online-programme', { participantId: p.id });
        }
        const zone = att.kind === 'venue' ? (this.venues.get(att.venueId)?.timeZone ?? 'UTC') : att.timeZone;
        if (p.availability !== undefined && !covered(p.availability, zone, start, end))
          v('party-unavailable', { participantId: p.id });
      }

      // Language: a shared one, or an interpreter who serves both, from a pool allowed for this form.
      if (
        m.language !== undefined &&
        !(
          a.languages.some((l) => languagesMatch(l, m.language!)) &&
          b.languages.some((l) => languagesMatch(l, m.language!))
        )
      )
        v('wrong-language', { language: m.language });
      if (m.interpreterPoolId === undefined) {
        if (sharedLanguage(a.languages, b.languages) === null)
          v('no-common-language', { languagesA: a.languages.join(','), languagesB: b.languages.join(',') });
      } else {
        const pool = this.pools.get(m.interpreterPoolId);
        if (!pool) v('unknown-interpreter', { poolId: m.interpreterPoolId });
        else {
          const allowed =
            m.kind === 'in-person'
              ? expectedVenues
              : m.kind === 'video'
                ? [ONLINE_LOCATION, ...expectedVenues]
                : [ONLINE_LOCATION];
          if (
            !interpreterServes(pool.languages, a.languages, b.languages) ||
            !allowed.includes(pool.location)
          )
            v('wrong-interpreter', { poolId: pool.id, location: pool.location });
          const zone = this.venues.get(pool.location)?.timeZone ?? 'UTC';
          if (
            pool.count < 1 ||
            (pool.availability !== undefined && !covered(pool.availability, zone, start, end))
          )
            v('interpreter-unavailable', { poolId: pool.id });
        }
      }
    }
    this.perParticipant(placed);
    this.resources(placed);
    if (
      schedule.objective !== undefined &&
      Math.abs(schedule.objective - total) > 1e-6 * Math.max(1, Math.abs(total))
    )
      this.out.push({ code: 'objective-mismatch', params: { reported: schedule.objective, actual: total } });
    return this.out;
  }

  private expectedKind(a: Participant, b: Participant): MeetingKind | null {
    const mode = this.w.mode;
    const aa = a.attendance;
    const ba = b.attendance;
    if (aa.kind === 'venue' && ba.kind === 'venue') {
      if (aa.venueId === ba.venueId) return mode === 'online' ? null : 'in-person';
      return mode === 'offline' || this.w.hybrid?.crossVenueVideo === false ? null : 'video';
    }
    if (mode === 'offline') return null;
    return aa.kind === 'online' && ba.kind === 'online' ? 'online' : 'video';
  }

  private inVenueSession(venue: Venue, start: number, end: number): boolean {
    const local = utcToLocal(start, venue.timeZone);
    const day = this.w.days.find((d) => d.date === local.date);
    const hours = day ? venueSession(this.w, venue, day) : null;
    return !!hours && withinSession(hours, start, end, venue.timeZone);
  }

  private inOnlineProgramme(start: number, end: number): boolean {
    if (this.w.mode === 'offline') return false;
    for (const day of this.w.days) {
      const h = onlineSession(this.w, day);
      if (h === null) continue;
      if (h && this.w.online) {
        if (withinSession(h, start, end, this.w.online.timeZone)) return true;
        continue;
      }
      // default: from the day's earliest venue session start to its latest end
      let lo = Infinity;
      let hi = -Infinity;
      for (const venue of this.w.venues) {
        const vh = venueSession(this.w, venue, day);
        if (!vh) continue;
        lo = Math.min(lo, localToUtc(day.date, vh.start, venue.timeZone));
        hi = Math.max(hi, localToUtc(day.date, vh.end, venue.timeZone));
      }
      if (lo <= start && end <= hi) return true;
    }
    return false;
  }

  private gridOrigin(): number | null {
    if (this.w.gridOrigin !== undefined) return parseInstant(this.w.gridOrigin);
    let min = Infinity;
    for (const day of this.w.days) {
      for (const venue of this.w.venues) {
        const h = venueSession(this.w, venue, day);
        if (h) min = Math.min(min, localToUtc(day.date, h.start, venue.timeZone));
      }
      const oh = this.w.mode === 'offline' ? null : onlineSession(this.w, day);
      if (oh && this.w.online) min = Math.min(min, localToUtc(day.date, oh.start, this.w.online.timeZone));
    }
    return Number.isFinite(min) ? min : null;
  }

  private perParticipant(placed: Placed[]): void {
    const byPart = new Map<string, Placed[]>();
    for (const x of placed) for (const id of [x.m.a, x.m.b]) byPart.set(id, [...(byPart.get(id) ?? []), x]);
    for (const [id, list] of byPart) {
      const cap = this.participants.get(id)?.maxMeetings;
      if (cap !== undefined && list.length > cap)
        this.out.push({ code: 'cap-exceeded', params: { participantId: id, cap, meetings: list.length } });
      list.sort((x, y) => x.start - y.start);
      for (let i = 1; i < list.length; i++)
        if (list[i].start < list[i - 1].end)
          this.out.push({
            code: 'party-double-booked',
            meeting: pairKey(list[i].m.a, list[i].m.b),
            params: {
              participantId: id,
              startUtc: list[i].m.startUtc,
              other: pairKey(list[i - 1].m.a, list[i - 1].m.b),
            },
          });
    }
  }

  private resources(placed: Placed[]): void {
    const videoUsesTable = this.w.hybrid?.videoUsesTable ?? true;
    for (const venue of this.w.venues) {
      const tables = placed.filter(
        (x) =>
          x.m.venueIds.includes(venue.id) &&
          (x.m.kind === 'in-person' || (x.m.kind === 'video' && videoUsesTable)),
      );
      this.peak(tables, venue.tables, (startUtc, used) => ({
        code: 'tables-exceeded',
        params: { venueId: venue.id, startUtc, used, tables: venue.tables },
      }));
      const video = placed.filter((x) => x.m.kind === 'video' && x.m.venueIds.includes(venue.id));
      const cap = venue.videoTables ?? venue.tables;
      this.peak(video, cap, (startUtc, used) => ({
        code: 'video-tables-exceeded',
        params: { venueId: venue.id, startUtc, used, videoTables: cap },
      }));
    }
    for (const pool of this.input.interpreters ?? []) {
      const users = placed.filter((x) => x.m.interpreterPoolId === pool.id);
      this.peak(users, pool.count, (startUtc, used) => ({
        code: 'interpreters-exceeded',
        params: { poolId: pool.id, startUtc, used, count: pool.count },
      }));
    }
  }

  /** reports each instant at which more than `cap` of the intervals overlap (checked at every start) */
  private peak(list: Placed[], cap: number, violation: (startUtc: string, used: number) => Violation): void {
    const reported = new Set<number>();
    for (const x of list) {
      const used = list.filter((y) => y.start <= x.start && x.start < y.end).length;
      if (used > cap && !reported.has(x.start)) {
        reported.add(x.start);
        this.out.push(violation(x.m.startUtc, used));
      }
    }
  }
}

/** `[start, end)` lies in the session of its local day and overlaps none of its breaks */
function withinSession(hours: SessionHours, start: number, end: number, zone: string): boolean {
  if (!withinLocal([hours], start, end, zone)) return false;
  const local = utcToLocal(start, zone).date;
  for (const b of hours.breaks ?? []) {
    const bs = localToUtc(local, b.start, zone);
    const be = localToUtc(local, b.end, zone);
    if (start < be && bs < end) return false;
  }
  return true;
}

/** `[start, end)` lies, on one local day, inside one of the local windows */
function withinLocal(windows: LocalWindow[], start: number, end: number, zone: string): boolean {
  const s = utcToLocal(start, zone);
  const e = utcToLocal(end, zone);
  const endMin =
    e.date === s.date ? e.minuteOfDay : e.minuteOfDay === 0 && end - start <= 24 * 3600000 ? 1440 : -1;
  if (endMin < 0) return false;
  return windows.some(
    (w) => (parseLocalTime(w.start) ?? Infinity) <= s.minuteOfDay && endMin <= (parseLocalTime(w.end) ?? -1),
  );
}

/** `[start, end)` is covered by the union of the windows */
function covered(windows: AvailabilityWindow[], zone: string, start: number, end: number): boolean {
  const spans = windows
    .map((w): [number, number] =>
      'startUtc' in w
        ? [parseInstant(w.startUtc) ?? NaN, parseInstant(w.endUtc) ?? NaN]
        : [localToUtc(w.date, w.start, w.timeZone ?? zone), localToUtc(w.date, w.end, w.timeZone ?? zone)],
    )
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0]);
  let reach = start;
  for (const [s, e] of spans) {
    if (s > reach) break;
    reach = Math.max(reach, e);
    if (reach >= end) return true;
  }
  return reach >= end;
}
