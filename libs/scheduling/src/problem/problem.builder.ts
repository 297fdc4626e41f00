/**
 * Turns a (checked) scheduling input into the indexed `Problem`: the global UTC slot grid, what is open
 * in each slot, and for each candidate pair its meeting kind, language arrangement and the slots in
 * which it could meet if nothing else were scheduled (or the constraint that rules it out).
 */
import { interpreterServes, sharedLanguage } from '../language/language-tag';
import { ONLINE_LOCATION } from '../model/interpreter.model';
import type { Participant } from '../model/participant.model';
import type { MeetingKind } from '../model/schedule.model';
import { pairKey, pairWeight, type SchedulingInput } from '../model/scheduling-input.model';
import type { LocalWindow, Workshop } from '../model/workshop.model';
import type { Reason, UnscheduledReasonCode } from '../explain/reason-codes';
import { parseInstant, parseLocalTime, utcToLocal } from '../time/zoned-time';
import type {
  Problem,
  ProblemPair,
  ProblemParticipant,
  ProblemPool,
  ProblemSlot,
  ProblemVenue,
} from './problem.model';
import {
  availabilityIntervals,
  containsInterval,
  mergeIntervals,
  onlineSession,
  sessionIntervals,
  venueSession,
  type Interval,
} from './session-calendar';

export const DEFAULT_WORKING_HOURS: LocalWindow[] = [{ start: '09:00', end: '18:00' }];

export interface HybridRules {
  crossVenueVideo: boolean;
  videoUsesTable: boolean;
}

export function hybridRules(workshop: Workshop): HybridRules {
  return {
    crossVenueVideo: workshop.hybrid?.crossVenueVideo ?? true,
    videoUsesTable: workshop.hybrid?.videoUsesTable ?? true,
  };
}

/** Which way two participants would meet, or the reason they cannot in this workshop at all. */
export function meetingKind(
  workshop: Workshop,
  a: Participant,
  b: Participant,
): { kind: MeetingKind } | { kind: null; reason: Reason<UnscheduledReasonCode> } {
  const mode = workshop.mode;
  const aa = a.attendance;
  const ba = b.attendance;
  if (aa.kind === 'venue' && ba.kind === 'venue') {
    if (aa.venueId === ba.venueId) {
      return mode === 'online'
        ? {
            kind: null,
            reason: { code: 'unscheduled.in-person-not-offered', params: { venueId: aa.venueId } },
          }
        : { kind: 'in-person' };
    }
    if (mode === 'offline' || !hybridRules(workshop).crossVenueVideo)
      return {
        kind: null,
        reason: {
          code: 'unscheduled.different-venues',
          params: { venueA: aa.venueId, venueB: ba.venueId, mode },
        },
      };
    return { kind: 'video' };
  }
  if (mode === 'offline') {
    const online = aa.kind === 'online' ? a.id : b.id;
    return {
      kind: null,
      reason: { code: 'unscheduled.online-not-offered', params: { participantId: online } },
    };
  }
  return { kind: aa.kind === 'online' && ba.kind === 'online' ? 'online' : 'video' };
}

/** Local minutes of each slot's start and end in a zone (end is 1440 at midnight), cached per zone. */
class LocalClock {
  private readonly byZone = new Map<string, { date: string[]; start: Int32Array; end: Int32Array }>();
  constructor(private readonly slots: ProblemSlot[]) {}

  get(zone: string) {
    let c = this.byZone.get(zone);
    if (!c) {
      const n = this.slots.length;
      c = { date: new Array<string>(n), start: new Int32Array(n), end: new Int32Array(n) };
      for (let s = 0; s < n; s++) {
        const st = utcToLocal(this.slots[s].startMs, zone);
        const en = utcToLocal(this.slots[s].endMs, zone);
        c.date[s] = st.date;
        c.start[s] = st.minuteOfDay;
        // A slot ending at local midnight ends at minute 1440 of its start day; one spanning midnight never fits a window.
        c.end[s] = en.date === st.date ? en.minuteOfDay : en.minuteOfDay === 0 ? 1440 : -1;
      }
      this.byZone.set(zone, c);
    }
    return c;
  }
}

const byId = <T extends { id: string }>(x: T, y: T) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

export function buildProblem(input: SchedulingInput): Problem {
  // Everything is indexed in id order (pairs by key, each pair's parties in id order), so that no
  // tie-break anywhere depends on the order of the input lists or on which side of a pair is `a`.
  const w = { ...input.workshop, venues: [...input.workshop.venues].sort(byId) };
  const inputParticipants = [...input.participants].sort(byId);
  const inputPools = [...(input.interpreters ?? [])].sort(byId);
  const inputPairs = input.pairs
    .map((c) => ({ c, key: pairKey(c.a, c.b) }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map((x) => x.c);
  const slotMs = w.slotMinutes * 60000;

  // 1. Open hours as UTC intervals: per venue, and for the online programme.
  const venueIntervals = w.venues.map((v) =>
    mergeIntervals(
      w.days.flatMap((d) => {
        const h = venueSession(w, v, d);
        return h ? sessionIntervals(d.date, h, v.timeZone) : [];
      }),
      false,
    ),
  );
  const onlineIntervals: Interval[] =
    w.mode === 'offline'
      ? []
      : mergeIntervals(
          w.days.flatMap((d) => {
            const h = onlineSession(w, d);
            if (h === null) return [];
            if (h && w.online) return sessionIntervals(d.date, h, w.online.timeZone);
            // No explicit online hours: the span of the day's venue sessions, so online meetings happen
            // while the workshop is running somewhere.
            const spans = w.venues.flatMap((v) => {
              const vh = venueSession(w, v, d);
              return vh ? sessionIntervals(d.date, { start: vh.start, end: vh.end }, v.timeZone) : [];
            });
            return spans.length
              ? [[Math.min(...spans.map((x) => x[0])), Math.max(...spans.map((x) => x[1]))] as Interval]
              : [];
          }),
          false,
        );

  // 2. The global grid: every slot [origin + k·len, origin + (k+1)·len) that fits inside some open interval.
  const all = [...venueIntervals.flat(), ...onlineIntervals];
  const originMs =
    w.gridOrigin !== undefined
      ? (parseInstant(w.gridOrigin) ?? 0)
      : all.length
        ? Math.min(...all.map((x) => x[0]))
        : 0;
  const ks = new Set<number>();
  for (const [s, e] of all) {
    for (let k = Math.ceil((s - originMs) / slotMs); originMs + (k + 1) * slotMs <= e; k++) ks.add(k);
  }
  const slots: ProblemSlot[] = [...ks]
    .sort((x, y) => x - y)
    .map((k) => ({ startMs: originMs + k * slotMs, endMs: originMs + (k + 1) * slotMs }));
  const S = slots.length;
  const mask = (intervals: Interval[]) => {
    const m = new Uint8Array(S);
    for (let s = 0; s < S; s++) if (containsInterval(intervals, slots[s].startMs, slots[s].endMs)) m[s] = 1;
    return m;
  };
  const clock = new LocalClock(slots);

  const venues: ProblemVenue[] = w.venues.map((v, i) => ({
    id: v.id,
    timeZone: v.timeZone,
    tables: v.tables,
    videoTables: v.videoTables ?? v.tables,
    open: mask(venueIntervals[i]),
  }));
  const venueIndex = new Map(venues.map((v, i) => [v.id, i]));
  const online = mask(onlineIntervals);

  // 3. Participants: where they are present (venue session, or online programme within working hours)
  //    and when they are available.
  const participants: ProblemParticipant[] = inputParticipants.map((p) => {
    const att = p.attendance;
    const venue = att.kind === 'venue' ? (venueIndex.get(att.venueId) ?? -1) : -1;
    const timeZone = att.kind === 'venue' ? (w.venues[venue]?.timeZone ?? 'UTC') : att.timeZone;
    let present: Uint8Array;
    if (att.kind === 'venue') present = venue >= 0 ? venues[venue].open : new Uint8Array(S);
    else {
      present = new Uint8Array(S);
      const hours = (att.workingHours ?? DEFAULT_WORKING_HOURS).map((h) => [
        parseLocalTime(h.start) ?? 0,
        parseLocalTime(h.end) ?? 0,
      ]);
      const c = clock.get(att.timeZone);
      for (let s = 0; s < S; s++)
        if (online[s] && c.end[s] >= 0 && hours.some(([hs, he]) => hs <= c.start[s] && c.end[s] <= he))
          present[s] = 1;
    }
    const available =
      p.availability === undefined
        ? new Uint8Array(S).fill(1)
        : mask(availabilityIntervals(p.availability, timeZone));
    return {
      id: p.id,
      venue,
      timeZone,
      cap: p.maxMeetings ?? Infinity,
      present,
      available,
      languages: p.languages,
      pairs: [],
    };
  });
  const partIndex = new Map(participants.map((p, i) => [p.id, i]));

  // 4. Interpreter pools: how many are on duty in each slot.
  const pools: ProblemPool[] = inputPools.map((k) => {
    const location = k.location === ONLINE_LOCATION ? -1 : (venueIndex.get(k.location) ?? -2);
    const zone = location >= 0 ? venues[location].timeZone : 'UTC';
    const on =
      k.availability === undefined
        ? new Uint8Array(S).fill(1)
        : mask(availabilityIntervals(k.availability, zone));
    const count = new Int32Array(S);
    for (let s = 0; s < S; s++) count[s] = on[s] ? k.count : 0;
    return { id: k.id, languages: k.languages, location, count };
  });

  // 5. Pairs.
  const rules = hybridRules(w);
  const pairs: ProblemPair[] = inputPairs.map((c, index) => {
    const [a, b] = [partIndex.get(c.a) ?? -1, partIndex.get(c.b) ?? -1].sort((x, y) => x - y);
    const pa = participants[a];
    const pb = participants[b];
    const base = {
      index,
      key: pairKey(c.a, c.b),
      a,
      b,
      candidate: c,
      score: c.score,
      weight: pairWeight(c, input.weights),
      wished: !!(c.aWantsB || c.bWantsA),
      mutual: !!(c.aWantsB && c.bWantsA),
    };
    const kind = meetingKind(w, inputParticipants[a], inputParticipants[b]);
    const language = sharedLanguage(pa.languages, pb.languages);
    const none = (reason: Reason<UnscheduledReasonCode>): ProblemPair => ({
      ...base,
      kind: kind.kind,
      tableVenues: [],
      videoVenues: [],
      language,
      pools: [],
      slots: [],
      blocked: reason,
    });
    if (kind.kind === null) return none(kind.reason);

    const sideVenues = [pa.venue, pb.venue].filter((v) => v >= 0);
    const tableVenues =
      kind.kind === 'in-person'
        ? [pa.venue]
        : kind.kind === 'video' && rules.videoUsesTable
          ? sideVenues
          : [];
    const videoVenues = kind.kind === 'video' ? sideVenues : [];
    const noVideo = videoVenues.find((v) => venues[v].videoTables === 0);
    if (noVideo !== undefined)
      return none({ code: 'unscheduled.no-video-table', params: { venueId: venues[noVideo].id } });

    // An in-person meeting draws on the venue's interpreters; a video meeting on remote (online)
    // interpreters or those at either venue side; an online one on remote interpreters only.
    const locations = kind.kind === 'in-person' ? [pa.venue] : [-1, ...sideVenues];
    const eligible =
      language !== null
        ? []
        : pools.flatMap((k, i) =>
            locations.includes(k.location) && interpreterServes(k.languages, pa.languages, pb.languages)
              ? [i]
              : [],
          );
    if (language === null && eligible.length === 0)
      return none({
        code: 'unscheduled.no-language',
        params: { languagesA: pa.languages, languagesB: pb.languages, kind: kind.kind },
      });

    let anyPresent = false;
    let anyAvailable = false;
    const slotsOk: number[] = [];
    for (let s = 0; s < S; s++) {
      if (!pa.present[s] || !pb.present[s]) continue;
      anyPresent = true;
      if (!pa.available[s] || !pb.available[s]) continue;
      anyAvailable = true;
      if (language === null && !eligible.some((k) => pools[k].count[s] > 0)) continue;
      slotsOk.push(s);
    }
    if (!anyPresent)
      return none({
        code: 'unscheduled.outside-working-hours',
        params: { timeZoneA: pa.timeZone, timeZoneB: pb.timeZone, kind: kind.kind },
      });
    if (!anyAvailable) return none({ code: 'unscheduled.no-common-availability', params: {} });
    if (slotsOk.length === 0)
      return none({
        code: 'unscheduled.no-interpreter-available',
        params: { pools: eligible.map((k) => pools[k].id) },
      });
    return {
      ...base,
      kind: kind.kind,
      tableVenues,
      videoVenues,
      language,
      pools: eligible,
      slots: slotsOk,
      blocked: null,
    };
  });
  for (const p of pairs) {
    participants[p.a].pairs.push(p.index);
    participants[p.b].pairs.push(p.index);
  }
  return { input, slotMs, originMs, slots, venues, participants, pools, pairs, online };
}
