/**
 * Derived views shared by every report format, so that CSV, XLSX, HTML and PDF show the same rows in
 * the same order: the schedule grouped per venue and local day, and the unmet-needs chart data.
 */
import { allLanguages, enZh } from './report-labels';
import type {
  LocalizedText,
  ParticipantRef,
  ScheduledMeeting,
  ScoredMatch,
  SectorRef,
  VenueRef,
  WorkshopReportModel,
} from './report.model';
import { toLocal } from './time-zone.util';

/** Meetings of one venue on one local day, or (venue null) every online meeting. */
export interface ScheduleSection {
  /** `kunming/2025-11-18`, or `online` */
  key: string;
  venue: VenueRef | null;
  /** local date at the venue; null for the online section (which spans days) */
  day: string | null;
  /** zone the times are shown in: the venue's; UTC for the online section (each side's local time is shown too) */
  timeZone: string;
  meetings: ScheduledMeeting[];
}

/** A meeting row with its times already in the section's zone and each party's own zone. */
export interface ScheduleRow {
  meeting: ScheduledMeeting;
  date: string;
  start: string;
  end: string;
  /** "09:00–09:30 UTC+8 (Kunming) · 06:00–06:30 UTC+5 (Islamabad)" style local times of both sides */
  localTimes: { participant: ParticipantRef; date: string; start: string; end: string; offset: string }[];
}

const byStart = (x: ScheduledMeeting, y: ScheduledMeeting) =>
  x.startUtc.localeCompare(y.startUtc) || (x.table ?? 0) - (y.table ?? 0) || x.id.localeCompare(y.id);

/**
 * The schedule per venue and local day (venues in the workshop's order, days ascending), then one online
 * section if any meeting is online. A meeting whose venue id is unknown gets a section of its own in UTC.
 */
export function scheduleSections(model: WorkshopReportModel): ScheduleSection[] {
  const venues = new Map(model.workshop.venues.map((v) => [v.id, v]));
  const sections = new Map<string, ScheduleSection>();
  const online: ScheduledMeeting[] = [];
  for (const m of model.schedule.meetings) {
    if (m.venueId == null) {
      online.push(m);
      continue;
    }
    const venue = venues.get(m.venueId) ?? { id: m.venueId, city: { en: m.venueId }, timeZone: 'UTC' };
    const day = toLocal(m.startUtc, venue.timeZone).date;
    const key = `${venue.id}/${day}`;
    let s = sections.get(key);
    if (!s) sections.set(key, (s = { key, venue, day, timeZone: venue.timeZone, meetings: [] }));
    s.meetings.push(m);
  }
  const order = [...model.workshop.venues.map((v) => v.id)];
  const out = [...sections.values()].sort((x, y) => {
    const vx = order.indexOf(x.venue!.id);
    const vy = order.indexOf(y.venue!.id);
    return (vx < 0 ? 1e9 : vx) - (vy < 0 ? 1e9 : vy) || (x.day ?? '').localeCompare(y.day ?? '');
  });
  for (const s of out) s.meetings.sort(byStart);
  if (online.length)
    out.push({ key: 'online', venue: null, day: null, timeZone: 'UTC', meetings: online.sort(byStart) });
  return out;
}

export function scheduleRows(section: ScheduleSection): ScheduleRow[] {
  return section.meetings.map((meeting) => {
    const s = toLocal(meeting.startUtc, section.timeZone);
    const e = toLocal(meeting.endUtc, section.timeZone);
    return {
      meeting,
      date: s.date,
      start: s.time,
      end: e.time,
      localTimes: [meeting.a, meeting.b].map((participant) => {
        const ps = toLocal(meeting.startUtc, participant.timeZone);
        return {
          participant,
          date: ps.date,
          start: ps.time,
          end: toLocal(meeting.endUtc, participant.timeZone).time,
          offset: ps.offset,
        };
      }),
    };
  });
}

/** "Kunming 昆明 · 2025-11-18" style section title pieces. */
export function sectionTitle(section: ScheduleSection, online: LocalizedText): LocalizedText {
  const city = section.venue ? section.venue.city : online;
  const suffix = section.day ? ` · ${section.day}` : '';
  return {
    en: `${city.en}${suffix}`,
    'zh-Hans': city['zh-Hans'] ? `${city['zh-Hans']}${suffix}` : undefined,
    ur: city.ur ? `${city.ur}${suffix}` : undefined,
  };
}

/** Excel sheet name (≤ 31 chars, none of []:*?/\), unique within `taken`. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, '-')
      .slice(0, 31)
      .trim() || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++)
    name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  taken.add(name.toLowerCase());
  return name;
}

export function participantLabel(p: ParticipantRef): string {
  return p.enterprise.legalName && p.enterprise.legalName !== p.enterprise.name
    ? `${p.enterprise.name} (${p.enterprise.legalName})`
    : p.enterprise.name;
}

export function sectorsLabel(sectors: SectorRef[]): string {
  return sectors.map((s) => enZh(s.labels)).join('; ');
}

/** Reasons as one line: English, and the Chinese line if every reason has one. */
export function reasonsLabel(m: ScoredMatch, lang: 'en' | 'zh-Hans' | 'ur' = 'en'): string {
  return m.reasons.map((r) => r[lang] ?? r.en).join('; ');
}

export { allLanguages, enZh };

/** Data of the unmet-needs chart: one stacked bar per sector, one segment per province. */
export interface UnmetChartData {
  sectors: { sector: SectorRef; total: number; segments: { province: string; count: number }[] }[];
  /** province codes in legend order, `—` for "not stated" */
  provinces: { code: string; labels: LocalizedText }[];
  max: number;
}

export function unmetChartData(model: WorkshopReportModel): UnmetChartData {
  const provinces = new Map<string, LocalizedText>();
  const bySector = new Map<string, UnmetChartData['sectors'][number]>();
  for (const g of model.unmetNeeds) {
    const code = g.province?.code ?? '—';
    if (!provinces.has(code))
      provinces.set(code, g.province?.labels ?? { en: 'not stated', 'zh-Hans': '未注明', ur: 'نامعلوم' });
    let s = bySector.get(g.sector.code);
    if (!s) bySector.set(g.sector.code, (s = { sector: g.sector, total: 0, segments: [] }));
    const seg = s.segments.find((x) => x.province === code);
    if (seg) seg.count += g.needs.length;
    else s.segments.push({ province: code, count: g.needs.length });
    s.total += g.needs.length;
  }
  const provinceList = [...provinces.entries()]
    .map(([code, labels]) => ({ code, labels }))
    .sort((x, y) => x.code.localeCompare(y.code));
  const order = provinceList.map((p) => p.code);
  const sectors = [...bySector.values()].sort(
    (x, y) => y.total - x.total || x.sector.code.localeCompare(y.sector.code),
  );
  for (const s of sectors) s.segments.sort((x, y) => order.indexOf(x.province) - order.indexOf(y.province));
  return { sectors, provinces: provinceList, max: Math.max(0, ...sectors.map((s) => s.total)) };
}

/** Total number of unmet needs. */
export function unmetTotal(model: WorkshopReportModel): number {
  return model.unmetNeeds.reduce((n, g) => n + g.needs.length, 0);
}
