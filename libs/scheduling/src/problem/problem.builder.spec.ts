import {
  at,
  atVenue,
  hallWorkshop,
  online,
  pair,
  scheduling,
  twoCityWorkshop,
} from '../testing/workshop.fixture';
import { toIso } from '../time/zoned-time';
import { buildProblem } from './problem.builder';

const starts = (mask: Uint8Array, slots: { startMs: number }[]) =>
  slots.filter((_, s) => mask[s]).map((x) => toIso(x.startMs).slice(11, 16));

describe('buildProblem: the global UTC slot grid', () => {
  it('lays Kunming (UTC+8) and Islamabad (UTC+5) sessions on one grid, lunch breaks cut out', () => {
    const p = buildProblem(scheduling(twoCityWorkshop(), [], []));
    // 01:00–12:00 UTC: Kunming 09:00–17:00 local is 01:00–09:00 UTC, Islamabad 04:00–12:00 UTC
    expect(p.slots).toHaveLength(22);
    const [kunming, islamabad] = p.venues[0].id === 'kunming' ? p.venues : [p.venues[1], p.venues[0]];
    expect(starts(kunming.open, p.slots)).toEqual([
      '01:00',
      '01:30',
      '02:00',
      '02:30',
      '03:00',
      '03:30',
      '04:00',
      '05:30',
      '06:00',
      '06:30',
      '07:00',
      '07:30',
      '08:00',
      '08:30',
    ]);
    expect(starts(islamabad.open, p.slots)).toEqual([
      '04:00',
      '04:30',
      '05:00',
      '05:30',
      '06:00',
      '06:30',
      '07:00',
      '08:30',
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
    ]);
    // both in session: 12:00 / 13:30–15:30 / 16:30 in Kunming = 09:00 / 10:30–12:30 / 13:30 in Islamabad
    const both = p.slots.map((_, s) => (kunming.open[s] && islamabad.open[s] ? 1 : 0));
    expect(starts(Uint8Array.from(both), p.slots)).toEqual([
      '04:00',
      '05:30',
      '06:00',
      '06:30',
      '07:00',
      '08:30',
    ]);
  });

  it('puts online participants on the grid by their own working hours, even half an hour off (UTC+5:30)', () => {
    const p = buildProblem(
      scheduling(
        twoCityWorkshop(),
        [online('in-1', 'Asia/Kolkata', {}, [{ start: '09:30', end: '11:00' }])],
        [],
      ),
    );
    // 09:30–11:00 in Kolkata is 04:00–05:30 UTC
    expect(starts(p.participants[0].present, p.slots)).toEqual(['04:00', '04:30', '05:00']);
  });

  it('follows daylight saving: 09:00 in Berlin is 08:00 UTC before the change and 07:00 after', () => {
    const w = hallWorkshop(
      1,
      1,
      { days: [{ date: '2026-03-28' }, { date: '2026-03-29' }] },
      { timeZone: 'Europe/Berlin' },
    );
    const p = buildProblem(scheduling(w, [], []));
    expect(p.slots.map((s) => toIso(s.startMs))).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
    ]);
  });

  it('applies per-day overrides: a venue closed on a day, shorter hours on another', () => {
    const w = hallWorkshop(4, 1, {
      days: [
        { date: '2026-06-08', sessions: { hall: null } },
        { date: '2026-06-09', sessions: { hall: { start: '10:00', end: '10:30' } } },
      ],
    });
    const p = buildProblem(scheduling(w, [], []));
    expect(p.slots.map((s) => toIso(s.startMs))).toEqual(['2026-06-09T10:00:00.000Z']);
  });

  it('records for each pair its meeting form, language arrangement and feasible slots', () => {
    const input = scheduling(
      twoCityWorkshop(),
      [
        atVenue('pk-1', 'islamabad', { languages: ['ur'] }),
        atVenue('cn-1', 'kunming', {
          languages: ['zh-Hans'],
          availability: [{ startUtc: at('05:00'), endUtc: at('12:00') }],
        }),
      ],
      [pair('pk-1', 'cn-1', 80)],
      [
        { id: 'isb', languages: ['zh-Hans', 'ur'], location: 'islamabad', count: 1 },
        { id: 'remote', languages: ['ur', 'zh-Hans'], location: 'online', count: 1 },
        { id: 'khi', languages: ['en', 'ur'], location: 'islamabad', count: 1 },
      ],
    );
    const p = buildProblem(input);
    const pr = p.pairs[0];
    expect(pr.key).toBe('cn-1|pk-1');
    expect([p.participants[pr.a].id, p.participants[pr.b].id]).toEqual(['cn-1', 'pk-1']);
    expect(pr.kind).toBe('video');
    expect(pr.language).toBeNull();
    expect(pr.pools.map((k) => p.pools[k].id).sort()).toEqual(['isb', 'remote']);
    expect(pr.slots.map((s) => toIso(p.slots[s].startMs).slice(11, 16))).toEqual([
      '05:30',
      '06:00',
      '06:30',
      '07:00',
      '08:30',
    ]);
    expect(pr.blocked).toBeNull();
  });
});

describe('buildProblem: days that touch at midnight', () => {
  it('never makes a slot that straddles midnight between two days’ sessions', () => {
    // 50-minute slots from 00:00 do not fit 24 h: 23:20–00:10 would cross midnight into the next day's session
    const w = hallWorkshop(
      1,
      1,
      { slotMinutes: 50, days: [{ date: '2026-06-08' }, { date: '2026-06-09' }] },
      { session: { start: '00:00', end: '24:00' } },
    );
    const p = buildProblem(scheduling(w, [], []));
    const crossing = p.slots.filter((s) => toIso(s.startMs).slice(0, 10) !== toIso(s.endMs - 1).slice(0, 10));
    expect(crossing).toEqual([]);
    expect(p.slots).toHaveLength(2 * 28);
  });
});
