/**
 * Time-zone helpers for the renderers (Intl only, no dependency). Meetings are stored in UTC and shown
 * in the venue's or the participant's IANA time zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalDateTime {
  /** `YYYY-MM-DD` in the zone */
  date: string;
  /** `HH:mm` in the zone */
  time: string;
  /** `+08:00` */
  offset: string;
  /** `2025-11-18T09:00:00+08:00` */
  iso: string;
}

/** The wall-clock date and time of a UTC instant in an IANA time zone. */
export function toLocal(utc: string | Date, timeZone: string): LocalDateTime {
  const d = typeof utc === 'string' ? new Date(utc) : utc;
  if (Number.isNaN(d.getTime())) throw new RangeError(`invalid timestamp: ${String(utc)}`);
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(d)) parts[p.type] = p.value;
  // longOffset: "GMT+08:00", or plain "GMT" for UTC itself
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace(/^GMT/, '');
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  return { date, time, offset, iso: `${date}T${time}:${parts.second}${offset}` };
}

/** `UTC+08:00` */
export function utcOffsetLabel(utc: string | Date, timeZone: string): string {
  return `UTC${toLocal(utc, timeZone).offset}`;
}

/** `09:00–09:30` in the zone. */
export function localTimeRange(startUtc: string, endUtc: string, timeZone: string): string {
  return `${toLocal(startUtc, timeZone).time}–${toLocal(endUtc, timeZone).time}`;
}

/** Whether a string is an IANA time zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
