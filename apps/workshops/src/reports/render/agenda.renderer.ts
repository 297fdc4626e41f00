/**
 * A participant's agenda as a JSON-friendly view in the participant's own time zone (what
 * `GET /v1/workshops/:id/agenda` returns as `application/json`). The `.ics` form is in ics.renderer.ts.
 */
import { LANGUAGE_NAMES } from './report-labels';
import type { AgendaMeeting, AgendaModel, LanguageTag, LocalizedText } from './report.model';
import { toLocal } from './time-zone.util';

export interface AgendaMeetingView {
  id: string;
  /** `HH:mm` in the participant's zone */
  start: string;
  end: string;
  /** ISO 8601 with the participant's offset, e.g. `2026-11-24T09:00:00+08:00` */
  startLocal: string;
  endLocal: string;
  startUtc: string;
  endUtc: string;
  counterpart: AgendaMeeting['counterpart'];
  location:
    | {
        kind: 'venue';
        venueId: string;
        city: LocalizedText;
        name: LocalizedText | null;
        table: number | null;
        timeZone: string;
        localTimeAtVenue: string;
      }
    | { kind: 'online'; url: string | null };
  /** e.g. "Chinese–Urdu", or null when the two sides share a language */
  interpreter: string | null;
  topic: string;
  score: number | null;
  mutual: boolean;
}

export interface AgendaView {
  workshop: { id: string; title: LocalizedText; mode: string };
  participant: AgendaModel['participant'] & { utcOffset: string };
  generatedAt: string;
  /** local days of the participant that have meetings, ascending */
  days: { date: string; meetings: AgendaMeetingView[] }[];
  meetingCount: number;
}

const languageName = (l: LanguageTag) => LANGUAGE_NAMES[l]?.en ?? l;

/** The agenda grouped by the participant's local day, times in its zone. */
export function buildAgendaView(model: AgendaModel): AgendaView {
  const tz = model.participant.timeZone;
  const days = new Map<string, AgendaMeetingView[]>();
  const sorted = [...model.meetings].sort(
    (x, y) => x.startUtc.localeCompare(y.startUtc) || x.id.localeCompare(y.id),
  );
  for (const m of sorted) {
    const s = toLocal(m.startUtc, tz);
    const e = toLocal(m.endUtc, tz);
    const view: AgendaMeetingView = {
      id: m.id,
      start: s.time,
      end: e.time,
      startLocal: s.iso,
      endLocal: e.iso,
      startUtc: m.startUtc,
      endUtc: m.endUtc,
      counterpart: m.counterpart,
      location: m.venue
        ? {
            kind: 'venue',
            venueId: m.venue.id,
            city: m.venue.city,
            name: m.venue.name ?? null,
            table: m.table,
            timeZone: m.venue.timeZone,
            localTimeAtVenue: `${toLocal(m.startUtc, m.venue.timeZone).time}–${toLocal(m.endUtc, m.venue.timeZone).time}`,
          }
        : { kind: 'online', url: m.onlineUrl ?? null },
      interpreter: m.interpreter ? m.interpreter.languages.map(languageName).join('–') : null,
      topic: m.topic,
      score: m.score ?? null,
      mutual: m.mutual ?? false,
    };
    const list = days.get(s.date) ?? [];
    list.push(view);
    days.set(s.date, list);
  }
  return {
    workshop: { id: model.workshop.id, title: model.workshop.title, mode: model.workshop.mode },
    participant: {
      ...model.participant,
      utcOffset: `UTC${toLocal(sorted[0]?.startUtc ?? model.generatedAt, tz).offset}`,
    },
    generatedAt: model.generatedAt,
    days: [...days.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, meetings]) => ({ date, meetings })),
    meetingCount: sorted.length,
  };
}
