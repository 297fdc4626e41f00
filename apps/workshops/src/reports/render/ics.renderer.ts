/**
 * A participant's agenda as iCalendar (RFC 5545, `text/calendar`), hand-written because it is small:
 * one VEVENT per meeting with UID, DTSTAMP, DTSTART/DTEND in UTC, SUMMARY, LOCATION, DESCRIPTION;
 * TEXT values escaped (\\ ; , newline), CRLF line ends, lines folded at 75 octets without splitting a
 * UTF-8 character. Times are UTC so that every calendar app shows them in its user's own zone.
 */
import { LANGUAGE_NAMES } from './report-labels';
import type { AgendaMeeting, AgendaModel } from './report.model';
import { toLocal } from './time-zone.util';

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8; method=PUBLISH';

/** Escapes a TEXT property value (RFC 5545 §3.3.11). */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line into physical lines of at most 75 octets (RFC 5545 §3.1), never inside a character. */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (octets + n > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n');
}

/** `20261124T010000Z` */
export function icsUtc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`invalid timestamp: ${iso}`);
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const lang = (l: string) => LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES]?.en ?? l;

function location(m: AgendaMeeting): string {
  if (!m.venue) return m.onlineUrl ? `Online: ${m.onlineUrl}` : 'Online / 线上';
  const city = [m.venue.city.en, m.venue.city['zh-Hans']].filter(Boolean).join(' ');
  const name = m.venue.name ? `, ${m.venue.name.en}` : '';
  return `${city}${name}${m.table != null ? `, table ${m.table}` : ''}`;
}

function description(model: AgendaModel, m: AgendaMeeting): string {
  const tz = model.participant.timeZone;
  const s = toLocal(m.startUtc, tz);
  const e = toLocal(m.endUtc, tz);
  const lines = [
    `Topic / 主题: ${m.topic}`,
    `Counterpart / 洽谈对象: ${m.counterpart.name}${m.counterpart.legalName !== m.counterpart.name ? ` (${m.counterpart.legalName})` : ''}, ${m.counterpart.country}`,
    `Languages / 语言: ${m.counterpart.languages.map(lang).join(', ')}`,
    `Your time / 您的当地时间: ${s.date} ${s.time}–${e.time} (${tz}, UTC${s.offset})`,
  ];
  if (m.venue) {
    const vs = toLocal(m.startUtc, m.venue.timeZone);
    lines.push(
      `Venue time / 会场时间: ${vs.time}–${toLocal(m.endUtc, m.venue.timeZone).time} (${m.venue.timeZone})`,
    );
  }
  if (m.interpreter) lines.push(`Interpreter / 翻译: ${m.interpreter.languages.map(lang).join('–')}`);
  if (m.mutual) lines.push('Mutual wish / 双向意向');
  lines.push(`Workshop / 对接会: ${model.workshop.title.en}`);
  return lines.join('\n');
}

/** The agenda as an .ics calendar. `uidDomain` makes UIDs globally unique (RFC 5545 §3.8.4.7). */
export function renderAgendaIcs(model: AgendaModel, options: { uidDomain?: string } = {}): string {
  const domain = options.uidDomain ?? 'techbridge.local';
  const stamp = icsUtc(model.generatedAt);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//TechBridge//Workshop agenda 1.0//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(`${model.workshop.title.en} — ${model.participant.name}`)}`,
    `X-WR-TIMEZONE:${model.participant.timeZone}`,
  ];
  const sorted = [...model.meetings].sort(
    (x, y) => x.startUtc.localeCompare(y.startUtc) || x.id.localeCompare(y.id),
  );
  for (const m of sorted) {
    const summary = `${m.venue ? '' : '[Online] '}Meeting: ${m.counterpart.name}${m.counterpart.legalName !== m.counterpart.name ? ` (${m.counterpart.legalName})` : ''}`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${m.id}.${model.workshop.id}@${domain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsUtc(m.startUtc)}`,
      `DTEND:${icsUtc(m.endUtc)}`,
      `SUMMARY:${escapeIcsText(summary)}`,
      `LOCATION:${escapeIcsText(location(m))}`,
      `DESCRIPTION:${escapeIcsText(description(model, m))}`,
      ...(m.onlineUrl ? [`URL:${m.onlineUrl.replace(/[\r\n]/g, '')}`] : []),
      'STATUS:CONFIRMED',
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
