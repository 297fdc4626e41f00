/**
 * Which hours are open on which day: the precedence rule for session hours (day override → venue
 * default → workshop default) and their conversion to UTC intervals minus breaks.
 */
import { ONLINE_LOCATION } from '../model/interpreter.model';
import type { AvailabilityWindow } from '../model/participant.model';
import type { SessionHours, Venue, Workshop, WorkshopDay } from '../model/workshop.model';
import { localToUtc, parseInstant } from '../time/zoned-time';

/** a half-open UTC interval `[start, end)` in epoch ms */
export type Interval = [number, number];

/** session hours of a venue on a day, or null when it is closed (or none are defined) */
export function venueSession(workshop: Workshop, venue: Venue, day: WorkshopDay): SessionHours | null {
  const override = day.sessions?.[venue.id];
  if (override !== undefined) return override;
  return venue.session ?? workshop.session ?? null;
}

/** the online programme's explicit hours on a day (undefined: derived from the venues) */
export function onlineSession(workshop: Workshop, day: WorkshopDay): SessionHours | null | undefined {
  const override = day.sessions?.[ONLINE_LOCATION];
  if (override !== undefined) return override;
  return workshop.online?.session;
}

/** a day's session in a zone as UTC intervals with the breaks cut out, in time order */
export function sessionIntervals(date: string, hours: SessionHours, timeZone: string): Interval[] {
  const start = localToUtc(date, hours.start, timeZone);
  const end = localToUtc(date, hours.end, timeZone);
  let parts: Interval[] = end > start ? [[start, end]] : [];
  for (const b of hours.breaks ?? [])
    parts = subtract(parts, [localToUtc(date, b.start, timeZone), localToUtc(date, b.end, timeZone)]);
  return parts;
}

export function subtract(parts: Interval[], cut: Interval): Interval[] {
  const out: Interval[] = [];
  for (const [s, e] of parts) {
    if (cut[1] <= s || cut[0] >= e) {
      out.push([s, e]);
      continue;
    }
    if (cut[0] > s) out.push([s, cut[0]]);
    if (cut[1] < e) out.push([cut[1], e]);
  }
  return out;
}

/**
 * Sorted union of intervals. With `joinTouching`, `[a, b)` and `[b, c)` become `[a, c)`: right for
 * availability (a slot may span two adjacent windows), wrong for sessions — a slot must lie within one
 * day's session, never straddle midnight between two days' sessions.
 */
export function mergeIntervals(list: Interval[], joinTouching = true): Interval[] {
  const sorted = list.filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && (s < last[1] || (joinTouching && s === last[1]))) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

export function containsInterval(merged: Interval[], start: number, end: number): boolean {
  for (const [s, e] of merged) if (s <= start && end <= e) return true;
  return false;
}

/** availability windows as merged UTC intervals; local windows are read in `defaultZone` */
export function availabilityIntervals(windows: AvailabilityWindow[], defaultZone: string): Interval[] {
  const list: Interval[] = [];
  for (const w of windows) {
    if ('startUtc' in w) {
      const s = parseInstant(w.startUtc);
      const e = parseInstant(w.endUtc);
      if (s !== null && e !== null) list.push([s, e]);
    } else {
      const zone = w.timeZone ?? defaultZone;
      list.push([localToUtc(w.date, w.start, zone), localToUtc(w.date, w.end, zone)]);
    }
  }
  return mergeIntervals(list);
}
