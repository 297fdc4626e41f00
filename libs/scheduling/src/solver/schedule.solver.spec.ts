import { buildSchedule } from './schedule.solver';
import { validateSchedule } from '../validate/schedule.validator';
import { SchedulingInputError } from '../input/input-issue';
import type { Schedule } from '../model/schedule.model';
import type { SchedulingInput } from '../model/scheduling-input.model';
import {
  at,
  atVenue,
  DAY,
  hallWorkshop,
  online,
  pair,
  scheduling,
  twoCityWorkshop,
} from '../testing/workshop.fixture';
import { generateWorkshopInstance } from '../testing/workshop-instance.generator';

/** builds the schedule and insists that the independent validator accepts it */
function solve(input: SchedulingInput): Schedule {
  const s = buildSchedule(input);
  expect(validateSchedule(input, s)).toEqual([]);
  return s;
}
const keys = (s: Schedule) => s.meetings.map((m) => m.key).sort();
const reasonOf = (s: Schedule, key: string) => s.unscheduled.find((u) => u.key === key)?.reason;

describe('buildSchedule: constraints', () => {
  it('gives a participant at most one meeting per slot, keeping the heavier pair', () => {
    const s = solve(
      scheduling(
        hallWorkshop(1),
        ['a', 'b', 'c'].map((id) => atVenue(id, 'hall')),
        [pair('a', 'b', 80), pair('a', 'c', 70)],
      ),
    );
    expect(keys(s)).toEqual(['a|b']);
    expect(reasonOf(s, 'a|c')).toEqual({
      code: 'unscheduled.party-busy',
      params: expect.objectContaining({
        slots: 1,
        partyBusy: 1,
        participantIds: ['a'],
        blockingMeetings: ['a|b'],
      }),
    });
  });

  it('respects each participant’s cap', () => {
    const people = [atVenue('a', 'hall', { maxMeetings: 1 }), atVenue('b', 'hall'), atVenue('c', 'hall')];
    const s = solve(scheduling(hallWorkshop(3), people, [pair('a', 'b', 80), pair('a', 'c', 70)]));
    expect(keys(s)).toEqual(['a|b']);
    expect(reasonOf(s, 'a|c')).toEqual({
      code: 'unscheduled.cap-reached',
      params: { participantId: 'a', cap: 1, participantIds: ['a'] },
    });
  });

  it('meets only when both are available, in local or UTC windows', () => {
    const a = atVenue('a', 'hall', { availability: [{ date: DAY, start: '09:00', end: '10:00' }] });
    const b = atVenue('b', 'hall', { availability: [{ startUtc: at('09:30'), endUtc: at('11:00') }] });
    const c = atVenue('c', 'hall', { availability: [{ startUtc: at('10:00'), endUtc: at('11:00') }] });
    const s = solve(scheduling(hallWorkshop(4), [a, b, c], [pair('a', 'b', 50), pair('a', 'c', 50)]));
    expect(s.meetings).toEqual([
      expect.objectContaining({ key: 'a|b', startUtc: at('09:30'), endUtc: at('10:00') }),
    ]);
    expect(reasonOf(s, 'a|c')).toEqual({ code: 'unscheduled.no-common-availability', params: {} });
  });

  it('needs a free table for an in-person meeting', () => {
    const s = solve(
      scheduling(
        hallWorkshop(1, 1),
        ['a', 'b', 'c', 'd'].map((id) => atVenue(id, 'hall')),
        [pair('a', 'b', 80), pair('c', 'd', 70)],
      ),
    );
    expect(keys(s)).toEqual(['a|b']);
    expect(reasonOf(s, 'c|d')).toEqual({
      code: 'unscheduled.no-free-table',
      params: expect.objectContaining({ venueIds: ['hall'], tablesFull: 1 }),
    });
  });

  it('never seats an in-person meeting across venues in an offline workshop', () => {
    const s = solve(
      scheduling(
        twoCityWorkshop({ mode: 'offline' }),
        [atVenue('cn-1', 'kunming'), atVenue('pk-1', 'islamabad')],
        [pair('cn-1', 'pk-1', 90)],
      ),
    );
    expect(s.meetings).toEqual([]);
    expect(reasonOf(s, 'cn-1|pk-1')).toEqual({
      code: 'unscheduled.different-venues',
      params: { venueA: 'kunming', venueB: 'islamabad', mode: 'offline' },
    });
  });

  it('hybrid: Kunming and Islamabad meet by video in the hours both venues are in session', () => {
    const s = solve(
      scheduling(
        twoCityWorkshop(),
        [atVenue('cn-1', 'kunming'), atVenue('pk-1', 'islamabad')],
        [pair('cn-1', 'pk-1', 90)],
      ),
    );
    // 12:00 in Kunming (UTC+8) is 09:00 in Islamabad (UTC+5): the first slot both venues are open.
    expect(s.meetings).toEqual([
      expect.objectContaining({
        key: 'cn-1|pk-1',
        kind: 'video',
        startUtc: at('04:00'),
        venueIds: ['kunming', 'islamabad'],
      }),
    ]);
  });

  it('a video meeting takes a table at each venue, unless video booths are separate', () => {
    const only = [{ startUtc: at('04:00'), endUtc: at('04:30') }];
    const people = [
      atVenue('cn-1', 'kunming', { availability: only }),
      atVenue('pk-1', 'islamabad', { availability: only }),
      atVenue('cn-2', 'kunming', { availability: only }),
      atVenue('cn-3', 'kunming', { availability: only }),
    ];
    const pairs = [pair('cn-1', 'pk-1', 90), pair('cn-2', 'cn-3', 50)];
    const shared = solve(scheduling(twoCityWorkshop({}, 1, 1), people, pairs));
    expect(keys(shared)).toEqual(['cn-1|pk-1']);
    expect(reasonOf(shared, 'cn-2|cn-3')?.code).toBe('unscheduled.no-free-table');
    const separate = solve(
      scheduling(twoCityWorkshop({ hybrid: { videoUsesTable: false } }, 1, 1), people, pairs),
    );
    expect(keys(separate)).toEqual(['cn-1|pk-1', 'cn-2|cn-3']);
  });

  it('a venue without video tables cannot host remote meetings', () => {
    const w = twoCityWorkshop();
    w.venues[0].videoTables = 0;
    const s = solve(
      scheduling(w, [atVenue('cn-1', 'kunming'), atVenue('pk-1', 'islamabad')], [pair('cn-1', 'pk-1', 90)]),
    );
    expect(reasonOf(s, 'cn-1|pk-1')).toEqual({
      code: 'unscheduled.no-video-table',
      params: { venueId: 'kunming' },
    });
  });

  it('no video between venues when the policy says so', () => {
    const s = solve(
      scheduling(
        twoCityWorkshop({ hybrid: { crossVenueVideo: false } }),
        [atVenue('cn-1', 'kunming'), atVenue('pk-1', 'islamabad')],
        [pair('cn-1', 'pk-1', 90)],
      ),
    );
    expect(reasonOf(s, 'cn-1|pk-1')?.code).toBe('unscheduled.different-venues');
  });

  it('online meetings fall inside both parties’ working hours in their own time zones', () => {
    const people = [online('cn-1', 'Asia/Shanghai'), online('pk-1', 'Asia/Karachi')];
    const s = solve(scheduling(twoCityWorkshop(), people, [pair('cn-1', 'pk-1', 70)]));
    // 09:00 in Karachi = 04:00 UTC = 12:00 in Shanghai: the first instant inside both working days.
    expect(s.meetings).toEqual([
      expect.objectContaining({ kind: 'online', startUtc: at('04:00'), venueIds: [] }),
    ]);
    const early = [
      online('cn-1', 'Asia/Shanghai', {}, [{ start: '09:00', end: '12:00' }]),
      online('pk-1', 'Asia/Karachi', {}, [{ start: '09:00', end: '12:00' }]),
    ];
    const none = solve(scheduling(twoCityWorkshop(), early, [pair('cn-1', 'pk-1', 70)]));
    expect(reasonOf(none, 'cn-1|pk-1')).toEqual({
      code: 'unscheduled.outside-working-hours',
      params: { timeZoneA: 'Asia/Shanghai', timeZoneB: 'Asia/Karachi', kind: 'online' },
    });
  });

  it('an online participant meets a venue participant by video from a video table', () => {
    const s = solve(
      scheduling(
        twoCityWorkshop(),
        [atVenue('cn-1', 'kunming'), online('pk-1', 'Asia/Karachi')],
        [pair('cn-1', 'pk-1', 70)],
      ),
    );
    expect(s.meetings).toEqual([
      expect.objectContaining({ kind: 'video', venueIds: ['kunming'], startUtc: at('04:00') }),
    ]);
  });

  it('offline and online-only workshops rule out the other form', () => {
    const off = solve(
      scheduling(hallWorkshop(2), [atVenue('a', 'hall'), online('b', 'UTC')], [pair('a', 'b', 50)]),
    );
    expect(reasonOf(off, 'a|b')).toEqual({
      code: 'unscheduled.online-not-offered',
      params: { participantId: 'b' },
    });
    const on = solve(
      scheduling(
        hallWorkshop(2, 10, { mode: 'online' }),
        [atVenue('a', 'hall'), atVenue('b', 'hall')],
        [pair('a', 'b', 50)],
      ),
    );
    expect(reasonOf(on, 'a|b')).toEqual({
      code: 'unscheduled.in-person-not-offered',
      params: { venueId: 'hall' },
    });
  });
});

describe('buildSchedule: languages and interpreters', () => {
  const zh = (id: string) => atVenue(id, 'hall', { languages: ['zh-Hans'] });
  const ur = (id: string) => atVenue(id, 'hall', { languages: ['ur'] });

  it('a shared language needs no interpreter (zh matches zh-Hans, en-GB matches en)', () => {
    const s = solve(
      scheduling(
        hallWorkshop(2),
        [
          atVenue('a', 'hall', { languages: ['zh', 'en'] }),
          zh('b'),
          atVenue('c', 'hall', { languages: ['en-GB'] }),
        ],
        [pair('a', 'b', 50), pair('a', 'c', 40)],
      ),
    );
    expect(s.meetings.map((m) => [m.key, m.language, m.interpreterPoolId])).toEqual([
      ['a|b', 'zh', undefined],
      ['a|c', 'en', undefined],
    ]);
  });

  it('no shared language and no interpreter pool: no meeting', () => {
    const s = solve(scheduling(hallWorkshop(2), [zh('a'), ur('b')], [pair('a', 'b', 50)]));
    expect(reasonOf(s, 'a|b')).toEqual({
      code: 'unscheduled.no-language',
      params: { languagesA: ['zh-Hans'], languagesB: ['ur'], kind: 'in-person' },
    });
  });

  it('an interpreter serves one meeting per slot; only pools at the meeting’s venue count', () => {
    const pool = {
      id: 'hall-zh-ur',
      languages: ['zh-Hans', 'ur'] as [string, string],
      location: 'hall',
      count: 1,
    };
    const s = solve(
      scheduling(
        hallWorkshop(1),
        [zh('a'), ur('b'), zh('c'), ur('d')],
        [pair('a', 'b', 80), pair('c', 'd', 70)],
        [pool],
      ),
    );
    expect(s.meetings).toEqual([expect.objectContaining({ key: 'a|b', interpreterPoolId: 'hall-zh-ur' })]);
    expect(reasonOf(s, 'c|d')).toEqual({
      code: 'unscheduled.no-free-interpreter',
      params: expect.objectContaining({ pools: ['hall-zh-ur'] }),
    });
    const remote = solve(
      scheduling(
        hallWorkshop(1),
        [zh('a'), ur('b')],
        [pair('a', 'b', 80)],
        [{ ...pool, location: 'online' }],
      ),
    );
    expect(reasonOf(remote, 'a|b')?.code).toBe('unscheduled.no-language');
  });

  it('an interpreter off duty whenever both could meet', () => {
    const pool = {
      id: 'p',
      languages: ['ur', 'zh-Hans'] as [string, string],
      location: 'hall',
      count: 2,
      availability: [{ startUtc: at('11:00'), endUtc: at('12:00') }],
    };
    const s = solve(scheduling(hallWorkshop(2), [zh('a'), ur('b')], [pair('a', 'b', 50)], [pool]));
    expect(reasonOf(s, 'a|b')).toEqual({
      code: 'unscheduled.no-interpreter-available',
      params: { pools: ['p'] },
    });
  });
});

describe('buildSchedule: objective, explanations, determinism', () => {
  it('weights mutual wishes up: a mutual 60 beats an unwished 100 at factor 2', () => {
    const s = solve(
      scheduling(
        hallWorkshop(1),
        ['a', 'b', 'c'].map((id) => atVenue(id, 'hall')),
        [pair('a', 'b', 60, { aWantsB: true, bWantsA: true }), pair('a', 'c', 100)],
      ),
    );
    expect(keys(s)).toEqual(['a|b']);
    expect(s.objective).toBe(120);
    expect(s.meetings[0].why.pair).toEqual({
      code: 'pair.mutual-wish',
      params: { score: 60, weight: 120, factor: 2, rank: 1, candidates: 2 },
    });
  });

  it('says why each slot: the only one, the earliest possible, the earliest left free', () => {
    const only = solve(
      scheduling(
        hallWorkshop(1),
        [atVenue('a', 'hall'), atVenue('b', 'hall')],
        [pair('a', 'b', 50, { aWantsB: true })],
      ),
    );
    expect(only.meetings[0].why).toEqual({
      pair: {
        code: 'pair.one-sided-wish',
        params: expect.objectContaining({ wishedBy: 'a', wished: 'b', factor: 1.25, weight: 62.5 }),
      },
      slot: {
        code: 'slot.only-option',
        params: expect.objectContaining({
          startUtc: at('09:00'),
          kind: 'in-person',
          venueIds: ['hall'],
          language: 'en',
        }),
      },
    });
    const two = solve(
      scheduling(
        hallWorkshop(2),
        ['a', 'b', 'c'].map((id) => atVenue(id, 'hall')),
        [pair('a', 'b', 90), pair('a', 'c', 80)],
      ),
    );
    const [first, second] = two.meetings;
    expect(first).toEqual(expect.objectContaining({ key: 'a|b', startUtc: at('09:00') }));
    expect(first.why.slot.code).toBe('slot.earliest-feasible');
    expect(second.why.slot).toEqual({
      code: 'slot.earliest-free',
      params: expect.objectContaining({
        startUtc: at('09:30'),
        earlierTaken: 1,
        partyBusy: 1,
        blockingMeetings: ['a|b'],
      }),
    });
  });

  it('explains a mix of blocked slots with counts', () => {
    const people = ['a', 'b', 'c', 'd', 'e'].map((id) => atVenue(id, 'hall'));
    const s = solve(
      scheduling(hallWorkshop(2, 1), people, [pair('a', 'b', 90), pair('d', 'e', 80), pair('a', 'c', 10)]),
    );
    expect(keys(s)).toEqual(['a|b', 'd|e']);
    expect(reasonOf(s, 'a|c')).toEqual({
      code: 'unscheduled.slots-taken',
      params: expect.objectContaining({
        slots: 2,
        partyBusy: 1,
        tablesFull: 1,
        videoTablesFull: 0,
        interpretersBusy: 0,
      }),
    });
  });

  it('lists every unscheduled candidate, heaviest first, wished or not', () => {
    const people = ['a', 'b', 'c', 'd'].map((id) => atVenue(id, 'hall', { maxMeetings: 1 }));
    const s = solve(
      scheduling(hallWorkshop(1), people, [
        pair('a', 'b', 90),
        pair('a', 'c', 30, { bWantsA: true }),
        pair('a', 'd', 50),
      ]),
    );
    expect(s.unscheduled.map((u) => [u.key, u.aWantsB, u.bWantsA])).toEqual([
      ['a|d', false, false],
      ['a|c', false, true],
    ]);
  });

  it('is deterministic: same input twice, and input order does not matter', () => {
    const input = generateWorkshopInstance({
      seed: 3,
      cn: 25,
      pk: 25,
      pairs: 150,
      days: 1,
      tablesPerVenue: 4,
      videoTablesPerVenue: 2,
    });
    const once = buildSchedule(input);
    expect(buildSchedule(input)).toEqual(once);
    const shuffled: SchedulingInput = {
      ...input,
      participants: input.participants.slice().reverse(),
      pairs: input.pairs
        .map((p, i) => (i % 2 ? { ...p, a: p.b, b: p.a, aWantsB: p.bWantsA, bWantsA: p.aWantsB } : p))
        .reverse(),
    };
    const other = buildSchedule(shuffled);
    expect(other.objective).toBe(once.objective);
    expect(other.meetings.map((m) => [m.key, m.startUtc, m.interpreterPoolId])).toEqual(
      once.meetings.map((m) => [m.key, m.startUtc, m.interpreterPoolId]),
    );
    expect(validateSchedule(input, once)).toEqual([]);
  });

  it('refuses invalid input, naming every bad field', () => {
    const w = hallWorkshop(2, 0, {}, { timeZone: 'Asia/Atlantis' });
    expect(() => buildSchedule(scheduling(w, [atVenue('a', 'hall')], []))).toThrow(SchedulingInputError);
    try {
      buildSchedule(scheduling(w, [atVenue('a', 'hall')], []));
    } catch (e) {
      expect((e as SchedulingInputError).issues.map((i) => [i.code, i.path])).toEqual([
        ['unknown-time-zone', 'workshop.venues[0].timeZone'],
        ['invalid-tables', 'workshop.venues[0].tables'],
      ]);
    }
  });
});
