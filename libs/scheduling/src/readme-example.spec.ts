/** The usage example of libs/scheduling/README.md, kept true. */
import { buildSchedule, checkInput, renderReason, validateSchedule, type SchedulingInput } from './index';

describe('README example', () => {
  const input: SchedulingInput = {
    workshop: {
      mode: 'hybrid',
      slotMinutes: 30,
      days: [{ date: '2026-06-08' }, { date: '2026-06-09' }],
      venues: [
        { id: 'kunming', city: 'Kunming', timeZone: 'Asia/Shanghai', tables: 25, videoTables: 8 },
        { id: 'islamabad', city: 'Islamabad', timeZone: 'Asia/Karachi', tables: 25, videoTables: 8 },
      ],
      session: { start: '09:00', end: '17:00', breaks: [{ start: '12:30', end: '13:30' }] },
    },
    participants: [
      {
        id: 'cn-yunnan-seeds',
        country: 'CN',
        attendance: { kind: 'venue', venueId: 'kunming' },
        languages: ['zh-Hans'],
        maxMeetings: 6,
      },
      {
        id: 'pk-punjab-agri',
        country: 'PK',
        attendance: { kind: 'venue', venueId: 'islamabad' },
        languages: ['ur', 'en'],
      },
      {
        id: 'pk-sindh-solar',
        country: 'PK',
        attendance: { kind: 'online', timeZone: 'Asia/Karachi' },
        languages: ['en'],
        availability: [{ date: '2026-06-09', start: '09:00', end: '13:00' }],
      },
    ],
    pairs: [
      { a: 'pk-punjab-agri', b: 'cn-yunnan-seeds', score: 87, aWantsB: true, bWantsA: true },
      { a: 'pk-sindh-solar', b: 'cn-yunnan-seeds', score: 64, aWantsB: true },
    ],
    interpreters: [{ id: 'online-zh-ur', languages: ['zh-Hans', 'ur'], location: 'online', count: 2 }],
  };

  it('does what the README says', () => {
    expect(checkInput(input)).toEqual([]);
    const schedule = buildSchedule(input);
    expect(schedule.meetings).toEqual([
      {
        a: 'pk-punjab-agri',
        b: 'cn-yunnan-seeds',
        key: 'cn-yunnan-seeds|pk-punjab-agri',
        kind: 'video',
        startUtc: '2026-06-08T04:00:00.000Z',
        endUtc: '2026-06-08T04:30:00.000Z',
        venueIds: ['kunming', 'islamabad'],
        interpreterPoolId: 'online-zh-ur',
        score: 87,
        weight: 174,
        why: {
          pair: {
            code: 'pair.mutual-wish',
            params: { score: 87, weight: 174, factor: 2, rank: 1, candidates: 2 },
          },
          slot: {
            code: 'slot.earliest-feasible',
            params: {
              startUtc: '2026-06-08T04:00:00.000Z',
              feasibleSlots: 12,
              kind: 'video',
              venueIds: ['kunming', 'islamabad'],
              interpreterPoolId: 'online-zh-ur',
            },
          },
        },
      },
    ]);
    expect(renderReason(schedule.meetings[0].why.slot, 'zh-Hans', { timeZone: 'Asia/Shanghai' })).toBe(
      '双方均有空的最早时段：2026-06-08 12:00 (Asia/Shanghai)',
    );
    expect(validateSchedule(input, schedule)).toEqual([]);
    expect(schedule.unscheduled[0].reason).toEqual({
      code: 'unscheduled.no-language',
      params: { languagesA: ['zh-Hans'], languagesB: ['en'], kind: 'video' },
    });
  });
});
