import type { Meeting } from '../model/schedule.model';
import type { SchedulingInput } from '../model/scheduling-input.model';
import {
  at,
  atVenue,
  hallWorkshop,
  online,
  pair,
  scheduling,
  twoCityWorkshop,
} from '../testing/workshop.fixture';
import { validateSchedule, type ViolationCode } from './schedule.validator';

const plus30 = (iso: string) =>
  Number.isFinite(Date.parse(iso)) ? new Date(Date.parse(iso) + 30 * 60000).toISOString() : iso;

function meeting(a: string, b: string, startUtc: string, extra: Partial<Meeting> = {}): Meeting {
  return {
    a,
    b,
    key: a < b ? `${a}|${b}` : `${b}|${a}`,
    startUtc,
    endUtc: plus30(startUtc),
    kind: 'in-person',
    venueIds: ['hall'],
    score: 50,
    weight: 50,
    why: { pair: { code: 'pair.score', params: {} }, slot: { code: 'slot.earliest-feasible', params: {} } },
    ...extra,
  };
}

const codes = (input: SchedulingInput, meetings: Meeting[], objective?: number) =>
  validateSchedule(input, { meetings, ...(objective !== undefined ? { objective } : {}) }).map((v) => v.code);

describe('validateSchedule', () => {
  // hall (UTC) 09:00–11:00 with lunch 10:00–10:30, one table; a zh–ur interpreter at the hall
  const w = hallWorkshop(
    4,
    1,
    {},
    { session: { start: '09:00', end: '11:00', breaks: [{ start: '10:00', end: '10:30' }] } },
  );
  const people = [
    atVenue('a', 'hall', { maxMeetings: 1 }),
    atVenue('b', 'hall'),
    atVenue('c', 'hall', { availability: [{ startUtc: at('09:00'), endUtc: at('09:30') }] }),
    atVenue('d', 'hall'),
    atVenue('zh', 'hall', { languages: ['zh-Hans'] }),
    atVenue('ur', 'hall', { languages: ['ur'] }),
    atVenue('ur2', 'hall', { languages: ['ur'] }),
  ];
  const pairs = [
    pair('a', 'b', 50),
    pair('a', 'c', 50),
    pair('b', 'd', 50),
    pair('c', 'd', 50),
    pair('zh', 'ur', 50),
    pair('zh', 'ur2', 50),
  ];
  const pools = [
    {
      id: 'zh-ur',
      languages: ['zh-Hans', 'ur'] as [string, string],
      location: 'hall',
      count: 1,
      availability: [{ startUtc: at('09:00'), endUtc: at('10:00') }],
    },
  ];
  const input = scheduling(w, people, pairs, pools);

  it('accepts a valid schedule', () => {
    const ok = [
      meeting('a', 'b', at('09:00')),
      meeting('zh', 'ur', at('09:30'), { interpreterPoolId: 'zh-ur' }),
      meeting('c', 'd', at('09:00')),
    ];
    // two meetings at 09:00 with one table: only a valid schedule without the third
    expect(codes(input, ok.slice(0, 2), 100)).toEqual([]);
    expect(codes(input, ok)).toEqual(['tables-exceeded']);
  });

  const cases: [string, Meeting[], ViolationCode][] = [
    ['an unknown participant', [meeting('a', 'ghost', at('09:00'))], 'unknown-participant'],
    ['a pair that is not a candidate', [meeting('a', 'd', at('09:00'))], 'unknown-pair'],
    ['a pair twice', [meeting('b', 'd', at('09:00')), meeting('d', 'b', at('10:30'))], 'duplicate-pair'],
    ['an unparseable time', [meeting('a', 'b', 'soon')], 'invalid-time'],
    [
      'a meeting of the wrong length',
      [meeting('a', 'b', at('09:00'), { endUtc: at('10:00') })],
      'wrong-length',
    ],
    ['a meeting off the slot grid', [meeting('a', 'b', at('09:10'), { endUtc: at('09:40') })], 'off-grid'],
    [
      'an in-person meeting reported as video',
      [meeting('a', 'b', at('09:00'), { kind: 'video' })],
      'kind-not-allowed',
    ],
    ['the wrong venue', [meeting('a', 'b', at('09:00'), { venueIds: ['elsewhere'] })], 'wrong-venue'],
    ['a meeting in the lunch break', [meeting('a', 'b', at('10:00'))], 'outside-session'],
    ['a meeting after the session', [meeting('a', 'b', at('11:00'))], 'outside-session'],
    ['a party not available', [meeting('a', 'c', at('09:30'))], 'party-unavailable'],
    [
      'a party in two meetings at once',
      [meeting('a', 'b', at('09:00')), meeting('b', 'd', at('09:00'))],
      'party-double-booked',
    ],
    ['a cap exceeded', [meeting('a', 'b', at('09:00')), meeting('a', 'c', at('10:30'))], 'cap-exceeded'],
    ['no shared language and no interpreter', [meeting('zh', 'ur', at('09:00'))], 'no-common-language'],
    [
      'a language one side does not speak',
      [meeting('a', 'b', at('09:00'), { language: 'ur' })],
      'wrong-language',
    ],
    [
      'an unknown interpreter pool',
      [meeting('zh', 'ur', at('09:00'), { interpreterPoolId: 'nope' })],
      'unknown-interpreter',
    ],
    [
      'an interpreter off duty',
      [meeting('zh', 'ur', at('10:30'), { interpreterPoolId: 'zh-ur' })],
      'interpreter-unavailable',
    ],
  ];
  it.each(cases)('finds %s', (_name, meetings, code) => {
    expect(codes(input, meetings)).toContain(code);
  });

  it('finds interpreters over their count and interpreters of the wrong languages', () => {
    const two = scheduling(hallWorkshop(2, 5), people, pairs, [
      { ...pools[0], availability: undefined },
      { id: 'en-ur', languages: ['en', 'ur'], location: 'hall', count: 3 },
    ]);
    const both = [
      meeting('zh', 'ur', at('09:00'), { interpreterPoolId: 'zh-ur' }),
      meeting('zh', 'ur2', at('09:30'), { interpreterPoolId: 'zh-ur' }),
    ];
    expect(codes(two, both)).toEqual([]);
    // zh cannot be in two meetings at once, so check the pool with two different Chinese speakers
    const more = scheduling(
      hallWorkshop(2, 5),
      [...people, atVenue('zh2', 'hall', { languages: ['zh-Hans'] })],
      [...pairs, pair('zh2', 'ur2', 40)],
      two.interpreters,
    );
    expect(
      codes(more, [
        meeting('zh', 'ur', at('09:00'), { interpreterPoolId: 'zh-ur' }),
        meeting('zh2', 'ur2', at('09:00'), { interpreterPoolId: 'zh-ur' }),
      ]),
    ).toEqual(['interpreters-exceeded']);
    expect(codes(two, [meeting('zh', 'ur', at('09:00'), { interpreterPoolId: 'en-ur' })])).toEqual([
      'wrong-interpreter',
    ]);
  });

  it('finds a reported objective that is not the sum of the weights', () => {
    expect(codes(input, [meeting('a', 'b', at('09:00'))], 51)).toEqual(['objective-mismatch']);
  });

  describe('video and online meetings', () => {
    const hybrid = twoCityWorkshop(
      { online: { timeZone: 'UTC', session: { start: '04:00', end: '06:00' } } },
      2,
      1,
    );
    const input2 = scheduling(
      hybrid,
      [
        atVenue('cn-1', 'kunming'),
        atVenue('cn-2', 'kunming'),
        atVenue('pk-1', 'islamabad'),
        atVenue('pk-2', 'islamabad'),
        online('pk-3', 'Asia/Karachi'),
        online('cn-3', 'Asia/Shanghai'),
      ],
      [
        pair('cn-1', 'pk-1', 80),
        pair('cn-2', 'pk-2', 70),
        pair('cn-3', 'pk-3', 60),
        pair('cn-1', 'cn-2', 60),
      ],
    );
    const video = (a: string, b: string, start: string, extra: Partial<Meeting> = {}) =>
      meeting(a, b, start, { kind: 'video', venueIds: ['kunming', 'islamabad'], ...extra });

    it('accepts video between the venues while both are in session, and online inside both working days', () => {
      expect(
        codes(input2, [
          video('cn-1', 'pk-1', at('04:00')),
          meeting('cn-3', 'pk-3', at('05:00'), { kind: 'online', venueIds: [] }),
        ]),
      ).toEqual([]);
    });
    it('finds video before the second venue opens', () => {
      expect(codes(input2, [video('cn-1', 'pk-1', at('03:00'))])).toEqual(['outside-session']);
    });
    it('finds more video meetings than video tables', () => {
      expect(codes(input2, [video('cn-1', 'pk-1', at('04:00')), video('cn-2', 'pk-2', at('04:00'))])).toEqual(
        ['video-tables-exceeded', 'video-tables-exceeded'],
      );
    });
    it('finds an online meeting outside a working day or the online programme', () => {
      // 03:00 UTC is 08:00 in Karachi, before its working day (09:00), and before the programme (04:00 UTC)
      expect(codes(input2, [meeting('cn-3', 'pk-3', at('03:00'), { kind: 'online', venueIds: [] })])).toEqual(
        ['outside-online-programme', 'outside-working-hours', 'outside-online-programme'],
      );
    });
    it('finds an in-person meeting claimed online', () => {
      expect(codes(input2, [meeting('cn-1', 'cn-2', at('02:00'), { kind: 'online', venueIds: [] })])).toEqual(
        ['kind-not-allowed'],
      );
    });
  });
});
