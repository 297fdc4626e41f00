/**
 * Wall-clock ↔ instant conversions with the platform's Intl (Node ≥ 20 ships full ICU, so every IANA
 * zone and its DST history is there without a dependency). Instants are epoch milliseconds.
 */
import type { IsoDate, LocalTime } from '../model/workshop.model';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.length === 0) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts {
  date: IsoDate;
  time: LocalTime;
  /** minutes since local midnight */
  minuteOfDay: number;
}

function rawParts(ms: number, timeZone: string): number[] {
  const out = [0, 0, 0, 0, 0, 0];
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    const i = ['year', 'month', 'day', 'hour', 'minute', 'second'].indexOf(p.type);
    if (i >= 0) out[i] = Number(p.value);
  }
  // Some ICU builds still print midnight as 24 under h23; normalise.
  if (out[3] === 24) out[3] = 0;
  return out;
}

/** the zone's offset from UTC at this instant, in minutes (UTC+8 → 480) */
export function offsetMinutes(ms: number, timeZone: string): number {
  const [y, mo, d, h, mi, s] = rawParts(ms, timeZone);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

const pad = (n: number) => String(n).padStart(2, '0');

export function utcToLocal(ms: number, timeZone: string): LocalParts {
  const [y, mo, d, h, mi] = rawParts(ms, timeZone);
  return { date: `${y}-${pad(mo)}-${pad(d)}`, time: `${pad(h)}:${pad(mi)}`, minuteOfDay: h * 60 + mi };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

export function parseIsoDate(date: IsoDate): [number, number, number] | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  return [y, mo, d];
}

/** `HH:MM` → minutes since midnight; `24:00` is 1440; null when malformed */
export function parseLocalTime(time: LocalTime): number | null {
  const m = TIME.exec(time);
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  if (mi > 59 || h > 24 || (h === 24 && mi !== 0)) return null;
  return h * 60 + mi;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date time`. A time that does not exist (the
 * hour skipped when DST starts) resolves to the instant one offset later, as clocks do; an ambiguous
 * time (DST end) resolves to its first occurrence.
 */
export function localToUtc(date: IsoDate, time: LocalTime, timeZone: string): number {
  const d = parseIsoDate(date);
  const t = parseLocalTime(time);
  if (!d || t === null) throw new RangeError(`invalid local date/time ${date} ${time}`);
  const asUtc = Date.UTC(d[0], d[1] - 1, d[2]) + t * 60000;
  // Two fixed-point steps find the offset in force at the target instant (they differ only across a
  // transition); taking the larger candidate offset picks the first occurrence of an ambiguous time.
  const o1 = offsetMinutes(asUtc, timeZone);
  const guess = asUtc - o1 * 60000;
  const o2 = offsetMinutes(guess, timeZone);
  if (o1 === o2) return guess;
  const other = asUtc - o2 * 60000;
  const okGuess = utcToLocalMinutes(guess, timeZone) === asUtc;
  const okOther = utcToLocalMinutes(other, timeZone) === asUtc;
  if (okGuess && okOther) return Math.min(guess, other);
  if (okOther) return other;
  if (okGuess) return guess;
  return Math.max(guess, other);
}

function utcToLocalMinutes(ms: number, timeZone: string): number {
  return ms + offsetMinutes(ms, timeZone) * 60000;
}

/** ISO 8601 instant → epoch ms, or null */
export function parseInstant(iso: string): number | null {
  if (
    typeof iso !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)
  )
    return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
