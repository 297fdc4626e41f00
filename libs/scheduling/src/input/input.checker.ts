/**
 * Checks a scheduling input before anything is computed, and names every offending field. The
 * scheduler refuses input with errors; warnings describe inputs it can schedule but that look unintended.
 */
import { ONLINE_LOCATION } from '../model/interpreter.model';
import type { AvailabilityWindow } from '../model/participant.model';
import { DEFAULT_WEIGHTS, pairKey, type SchedulingInput } from '../model/scheduling-input.model';
import type { LocalWindow, SessionHours } from '../model/workshop.model';
import { isValidLanguageTag } from '../language/language-tag';
import { isValidTimeZone, parseInstant, parseIsoDate, parseLocalTime } from '../time/zoned-time';
import type { InputIssue, InputIssueCode } from './input-issue';

export function checkInput(input: SchedulingInput): InputIssue[] {
  return new InputChecker(input).run();
}

class InputChecker {
  private readonly issues: InputIssue[] = [];
  private readonly venueIds = new Set<string>();

  constructor(private readonly input: SchedulingInput) {}

  run(): InputIssue[] {
    this.workshop();
    this.participants();
    this.pairs();
    this.interpreters();
    this.weights();
    return this.issues;
  }

  private add(
    severity: InputIssue['severity'],
    code: InputIssueCode,
    path: string,
    params: InputIssue['params'] = {},
  ) {
    this.issues.push({ severity, code, path, params });
  }

  private workshop() {
    const w = this.input.workshop;
    if (!Number.isInteger(w.slotMinutes) || w.slotMinutes <= 0 || w.slotMinutes > 24 * 60)
      this.add('error', 'invalid-slot-minutes', 'workshop.slotMinutes', { slotMinutes: w.slotMinutes });
    if (w.gridOrigin !== undefined && parseInstant(w.gridOrigin) === null)
      this.add('error', 'invalid-grid-origin', 'workshop.gridOrigin', { value: String(w.gridOrigin) });
    if (w.days.length === 0) this.add('error', 'no-days', 'workshop.days');
    const dates = new Set<string>();
    w.days.forEach((d, i) => {
      if (!parseIsoDate(d.date))
        this.add('error', 'invalid-date', `workshop.days[${i}].date`, { date: String(d.date) });
      if (dates.has(d.date))
        this.add('error', 'duplicate-date', `workshop.days[${i}].date`, { date: d.date });
      dates.add(d.date);
    });
    if (w.mode !== 'online' && w.venues.length === 0)
      this.add('error', 'no-venues', 'workshop.venues', { mode: w.mode });
    if (w.session) this.session(w.session, 'workshop.session');
    w.venues.forEach((v, i) => {
      const p = `workshop.venues[${i}]`;
      if (this.venueIds.has(v.id) || v.id === ONLINE_LOCATION)
        this.add('error', 'duplicate-id', `${p}.id`, { id: v.id });
      this.venueIds.add(v.id);
      if (!isValidTimeZone(v.timeZone))
        this.add('error', 'unknown-time-zone', `${p}.timeZone`, { timeZone: String(v.timeZone) });
      if (!Number.isInteger(v.tables) || v.tables < 1)
        this.add('error', 'invalid-tables', `${p}.tables`, { tables: v.tables });
      if (
        v.videoTables !== undefined &&
        (!Number.isInteger(v.videoTables) || v.videoTables < 0 || v.videoTables > v.tables)
      )
        this.add('error', 'invalid-video-tables', `${p}.videoTables`, {
          videoTables: v.videoTables,
          tables: v.tables,
        });
      if (v.session) this.session(v.session, `${p}.session`);
      if (!v.session && !w.session && !w.days.every((d) => d.sessions?.[v.id] !== undefined))
        this.add('error', 'missing-session', `${p}.session`, { venueId: v.id });
    });
    if (w.online && !isValidTimeZone(w.online.timeZone))
      this.add('error', 'unknown-time-zone', 'workshop.online.timeZone', {
        timeZone: String(w.online.timeZone),
      });
    if (w.online?.session) this.session(w.online.session, 'workshop.online.session');
    if (w.mode !== 'offline' && w.venues.length === 0 && !w.online?.session)
      this.add('error', 'missing-session', 'workshop.online.session', { venueId: ONLINE_LOCATION });
    w.days.forEach((d, i) => {
      for (const [key, hours] of Object.entries(d.sessions ?? {})) {
        const p = `workshop.days[${i}].sessions.${key}`;
        if (key !== ONLINE_LOCATION && !this.venueIds.has(key))
          this.add('error', 'unknown-venue', p, { venueId: key });
        if (key === ONLINE_LOCATION && hours && !w.online)
          this.add('error', 'missing-session', 'workshop.online', { venueId: key });
        if (hours) this.session(hours, p);
      }
    });
  }

  private session(h: SessionHours, path: string) {
    const span = this.window(h, path);
    (h.breaks ?? []).forEach((b, i) => {
      const bw = this.window(b, `${path}.breaks[${i}]`);
      if (span && bw && (bw[0] < span[0] || bw[1] > span[1]))
        this.add('warning', 'break-outside-session', `${path}.breaks[${i}]`, { start: b.start, end: b.end });
    });
    if (!span || !Number.isInteger(this.input.workshop.slotMinutes) || this.input.workshop.slotMinutes <= 0)
      return;
    // Each stretch between breaks should hold a whole number of slots, or minutes are lost at its end.
    const cuts = (h.breaks ?? [])
      .map((b) => [parseLocalTime(b.start), parseLocalTime(b.end)] as const)
      .filter((b): b is readonly [number, number] => b[0] !== null && b[1] !== null && b[1] > b[0])
      .sort((x, y) => x[0] - y[0]);
    let from = span[0];
    const stretches: [number, number][] = [];
    for (const [bs, be] of cuts) {
      if (bs > from) stretches.push([from, Math.min(bs, span[1])]);
      from = Math.max(from, be);
    }
    if (span[1] > from) stretches.push([from, span[1]]);
    const len = this.input.workshop.slotMinutes;
    if (stretches.some(([s, e]) => (e - s) % len !== 0))
      this.add('warning', 'slot-does-not-divide-session', path, {
        slotMinutes: len,
        start: h.start,
        end: h.end,
      });
  }

  private window(w: LocalWindow, path: string): [number, number] | null {
    const s = parseLocalTime(w.start);
    const e = parseLocalTime(w.end);
    if (s === null) this.add('error', 'invalid-local-time', `${path}.start`, { value: String(w.start) });
    if (e === null) this.add('error', 'invalid-local-time', `${path}.end`, { value: String(w.end) });
    if (s === null || e === null) return null;
    if (e <= s) {
      this.add('error', 'inverted-window', path, { start: w.start, end: w.end });
      return null;
    }
    return [s, e];
  }

  private participants() {
    const ids = new Set<string>();
    const mode = this.input.workshop.mode;
    this.input.participants.forEach((p, i) => {
      const path = `participants[${i}]`;
      if (ids.has(p.id)) this.add('error', 'duplicate-id', `${path}.id`, { id: p.id });
      ids.add(p.id);
      const att = p.attendance;
      if (att.kind === 'venue') {
        if (!this.venueIds.has(att.venueId))
          this.add('error', 'unknown-venue', `${path}.attendance.venueId`, { venueId: att.venueId });
        // (in an online workshop a venue participant still meets by video from the venue's video tables)
      } else {
        if (!isValidTimeZone(att.timeZone))
          this.add('error', 'unknown-time-zone', `${path}.attendance.timeZone`, {
            timeZone: String(att.timeZone),
          });
        (att.workingHours ?? []).forEach((h, j) => this.window(h, `${path}.attendance.workingHours[${j}]`));
        // an online participant cannot meet anyone in an offline workshop
        if (mode === 'offline')
          this.add('warning', 'attendance-not-offered', `${path}.attendance`, { mode, attendance: 'online' });
      }
      if (p.languages.length === 0) this.add('error', 'no-languages', `${path}.languages`);
      p.languages.forEach((l, j) => {
        if (!isValidLanguageTag(l))
          this.add('error', 'invalid-language', `${path}.languages[${j}]`, { tag: String(l) });
      });
      if (p.maxMeetings !== undefined && (!Number.isInteger(p.maxMeetings) || p.maxMeetings < 0))
        this.add('error', 'invalid-cap', `${path}.maxMeetings`, { maxMeetings: p.maxMeetings });
      this.availability(p.availability, `${path}.availability`);
    });
  }

  private availability(list: AvailabilityWindow[] | undefined, path: string) {
    (list ?? []).forEach((w, j) => {
      const p = `${path}[${j}]`;
      if ('startUtc' in w) {
        const s = parseInstant(w.startUtc);
        const e = parseInstant(w.endUtc);
        if (s === null || e === null || e <= s)
          this.add('error', 'invalid-availability', p, { start: String(w.startUtc), end: String(w.endUtc) });
        return;
      }
      if (!parseIsoDate(w.date))
        this.add('error', 'invalid-availability', `${p}.date`, { date: String(w.date) });
      this.window(w, p);
      if (w.timeZone !== undefined && !isValidTimeZone(w.timeZone))
        this.add('error', 'unknown-time-zone', `${p}.timeZone`, { timeZone: w.timeZone });
    });
  }

  private pairs() {
    const ids = new Set(this.input.participants.map((p) => p.id));
    const seen = new Set<string>();
    this.input.pairs.forEach((c, i) => {
      const path = `pairs[${i}]`;
      if (!ids.has(c.a)) this.add('error', 'unknown-participant', `${path}.a`, { participantId: c.a });
      if (!ids.has(c.b)) this.add('error', 'unknown-participant', `${path}.b`, { participantId: c.b });
      if (c.a === c.b) this.add('error', 'self-pair', path, { participantId: c.a });
      const key = pairKey(c.a, c.b);
      if (seen.has(key)) this.add('error', 'duplicate-pair', path, { a: c.a, b: c.b });
      seen.add(key);
      if (typeof c.score !== 'number' || !Number.isFinite(c.score) || c.score < 0 || c.score > 100)
        this.add('error', 'invalid-score', `${path}.score`, { score: String(c.score) });
    });
  }

  private interpreters() {
    const ids = new Set<string>();
    (this.input.interpreters ?? []).forEach((k, i) => {
      const path = `interpreters[${i}]`;
      if (ids.has(k.id)) this.add('error', 'duplicate-id', `${path}.id`, { id: k.id });
      ids.add(k.id);
      if (k.location !== ONLINE_LOCATION && !this.venueIds.has(k.location))
        this.add('error', 'unknown-venue', `${path}.location`, { venueId: k.location });
      if (!Number.isInteger(k.count) || k.count < 0)
        this.add('error', 'invalid-interpreter-count', `${path}.count`, { count: k.count });
      k.languages.forEach((l, j) => {
        if (!isValidLanguageTag(l))
          this.add('error', 'invalid-language', `${path}.languages[${j}]`, { tag: String(l) });
      });
      if (k.languages.length !== 2)
        this.add('error', 'invalid-language', `${path}.languages`, { tag: k.languages.join(',') });
      this.availability(k.availability, `${path}.availability`);
    });
  }

  private weights() {
    const w = { ...DEFAULT_WEIGHTS, ...this.input.weights };
    for (const [k, v] of Object.entries(w))
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        this.add('error', 'invalid-weights', `weights.${k}`, { value: String(v) });
  }
}
