/**
 * Seeded synthetic workshops, for the benchmark, demos and tests: the Sino-Pak two-city hybrid format
 * (Kunming UTC+8 and Islamabad UTC+5, the same dates, 09:00–17:00 local with lunch 12:30–13:30), with
 * delegations that travel, online participants, Chinese-only and Urdu-only speakers who need
 * interpreters, restricted availability, caps, and a skewed popularity of participants in the candidate
 * pairs (a few firms are everyone's match). The same options always give the same instance.
 */
import type { CandidatePair } from '../model/candidate-pair.model';
import type { InterpreterPool } from '../model/interpreter.model';
import type { Participant } from '../model/participant.model';
import type { SchedulingInput } from '../model/scheduling-input.model';
import type { WorkshopDay } from '../model/workshop.model';
import { SeededRandom } from './seeded-random';

export interface WorkshopInstanceOptions {
  seed?: number;
  cn: number;
  pk: number;
  pairs: number;
  days: number;
  /** first day, `YYYY-MM-DD` (default 2026-06-08) */
  startDate?: string;
  slotMinutes?: number;
  tablesPerVenue?: number;
  videoTablesPerVenue?: number;
  /** share of each delegation attending online (default 0.15) */
  onlineShare?: number;
  /** share of each delegation at the other country's venue (default 0.25) */
  travelShare?: number;
  /** chance that one side wishes a given pair, rising with the score (default 0.3 at the top) */
  wishShare?: number;
  /** share of participants with restricted availability (default 0.2) */
  restrictedShare?: number;
  caps?: [number, number];
  /** interpreters per language pair and venue (default 2; online pools get half) */
  interpretersPerPool?: number;
}

export const KUNMING = { id: 'kunming', city: 'Kunming', timeZone: 'Asia/Shanghai' };
export const ISLAMABAD = { id: 'islamabad', city: 'Islamabad', timeZone: 'Asia/Karachi' };

export function generateWorkshopInstance(o: WorkshopInstanceOptions): SchedulingInput {
  const rnd = new SeededRandom(o.seed ?? 11);
  const start = Date.parse(`${o.startDate ?? '2026-06-08'}T00:00:00Z`);
  const dates = Array.from({ length: o.days }, (_, i) =>
    new Date(start + i * 86400000).toISOString().slice(0, 10),
  );
  const days: WorkshopDay[] = dates.map((date) => ({ date }));
  const tables = o.tablesPerVenue ?? 25;
  const video = o.videoTablesPerVenue ?? 8;
  const onlineShare = o.onlineShare ?? 0.15;
  const travelShare = o.travelShare ?? 0.25;
  const [capLo, capHi] = o.caps ?? [4, 10];

  const participants: Participant[] = [];
  const make = (country: 'CN' | 'PK', n: number) => {
    for (let i = 0; i < n; i++) {
      const id = `${country.toLowerCase()}-${String(i + 1).padStart(3, '0')}`;
      const home = country === 'CN' ? KUNMING : ISLAMABAD;
      const away = country === 'CN' ? ISLAMABAD : KUNMING;
      const r = rnd.next();
      const attendance: Participant['attendance'] =
        r < onlineShare
          ? { kind: 'online', timeZone: home.timeZone, workingHours: [{ start: '09:00', end: '18:00' }] }
          : r < onlineShare + travelShare
            ? { kind: 'venue', venueId: away.id }
            : { kind: 'venue', venueId: home.id };
      // Chinese firms all speak Chinese, half also English; Pakistani firms all Urdu, most also English.
      const languages =
        country === 'CN'
          ? rnd.chance(0.5)
            ? ['zh-Hans', 'en']
            : ['zh-Hans']
          : rnd.chance(0.75)
            ? ['ur', 'en']
            : ['ur'];
      const p: Participant = { id, country, attendance, languages, maxMeetings: rnd.int(capLo, capHi) };
      if (rnd.chance(o.restrictedShare ?? 0.2)) {
        const zone =
          attendance.kind === 'online'
            ? attendance.timeZone
            : attendance.venueId === KUNMING.id
              ? KUNMING.timeZone
              : ISLAMABAD.timeZone;
        if (rnd.chance(0.5) && dates.length > 1) {
          const skip = rnd.int(0, dates.length - 1); // misses one day
          p.availability = dates
            .filter((_, d) => d !== skip)
            .map((date) => ({ date, start: '00:00', end: '24:00', timeZone: zone }));
        } else p.availability = dates.map((date) => ({ date, start: '09:00', end: '12:30', timeZone: zone })); // mornings only
      }
      participants.push(p);
    }
  };
  make('CN', o.cn);
  make('PK', o.pk);
  const cn = participants.filter((p) => p.country === 'CN');
  const pk = participants.filter((p) => p.country === 'PK');

  // Popularity: a heavy-tailed factor per participant; pairs are drawn proportionally to it.
  const pop = (list: Participant[]) => {
    const w = list.map(() => 0.2 + rnd.next() ** 3 * 3);
    const cum: number[] = [];
    w.reduce((s, x, i) => (cum[i] = s + x), 0);
    return () => {
      const t = rnd.next() * cum[cum.length - 1];
      let lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] < t) lo = mid + 1;
        else hi = mid;
      }
      return list[lo];
    };
  };
  const drawCn = pop(cn);
  const drawPk = pop(pk);
  const want = Math.min(o.pairs, cn.length * pk.length);
  const seen = new Set<string>();
  const pairs: CandidatePair[] = [];
  const wish = o.wishShare ?? 0.3;
  for (let guard = 0; pairs.length < want && guard < want * 50; guard++) {
    const a = drawCn();
    const b = drawPk();
    const key = `${a.id}|${b.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const score = Math.round(30 + 70 * rnd.next() ** 0.8);
    const pw = wish * (0.3 + (0.7 * (score - 30)) / 70);
    pairs.push({ a: b.id, b: a.id, score, aWantsB: rnd.chance(pw), bWantsA: rnd.chance(pw) });
  }

  const per = o.interpretersPerPool ?? 2;
  const interpreters: InterpreterPool[] = [];
  for (const venue of [KUNMING, ISLAMABAD])
    for (const other of ['en', 'ur'])
      interpreters.push({
        id: `${venue.id}-zh-${other}`,
        languages: ['zh-Hans', other],
        location: venue.id,
        count: per,
      });
  for (const other of ['en', 'ur'])
    interpreters.push({
      id: `online-zh-${other}`,
      languages: ['zh-Hans', other],
      location: 'online',
      count: Math.max(1, Math.floor(per / 2)),
    });

  return {
    workshop: {
      id: `sino-pak-${o.seed ?? 11}`,
      mode: 'hybrid',
      slotMinutes: o.slotMinutes ?? 30,
      days,
      venues: [
        { ...KUNMING, tables, videoTables: video },
        { ...ISLAMABAD, tables, videoTables: video },
      ],
      session: { start: '09:00', end: '17:00', breaks: [{ start: '12:30', end: '13:30' }] },
      hybrid: { crossVenueVideo: true, videoUsesTable: true },
    },
    participants,
    pairs,
    interpreters,
    weights: { mutualWishFactor: 2, oneSidedWishFactor: 1.25 },
  };
}
