import { atVenue, hallWorkshop, online, pair, scheduling } from '../testing/workshop.fixture';
import { checkInput } from './input.checker';

const issues = (input: Parameters<typeof checkInput>[0]) =>
  checkInput(input).map((i) => `${i.severity} ${i.code} ${i.path}`);

describe('checkInput', () => {
  it('accepts a sound input', () => {
    expect(
      checkInput(
        scheduling(hallWorkshop(2), [atVenue('a', 'hall'), atVenue('b', 'hall')], [pair('a', 'b', 50)]),
      ),
    ).toEqual([]);
  });

  it('names every bad workshop field', () => {
    const w = hallWorkshop(
      2,
      0,
      { slotMinutes: 0, days: [{ date: '2026-02-30' }, { date: '2026-02-30' }], gridOrigin: 'noon' },
      { timeZone: 'Mars/Olympus', videoTables: 3 },
    );
    w.venues[0].session = { start: '11:00', end: '10:00' };
    w.venues.push({
      ...w.venues[0],
      timeZone: 'UTC',
      tables: 1,
      videoTables: undefined,
      session: { start: '9am', end: '10:00' },
    });
    expect(issues(scheduling(w, [], []))).toEqual([
      'error invalid-slot-minutes workshop.slotMinutes',
      'error invalid-grid-origin workshop.gridOrigin',
      'error invalid-date workshop.days[0].date',
      'error invalid-date workshop.days[1].date',
      'error duplicate-date workshop.days[1].date',
      'error unknown-time-zone workshop.venues[0].timeZone',
      'error invalid-tables workshop.venues[0].tables',
      'error invalid-video-tables workshop.venues[0].videoTables',
      'error inverted-window workshop.venues[0].session',
      'error duplicate-id workshop.venues[1].id',
      'error invalid-local-time workshop.venues[1].session.start',
    ]);
  });

  it('warns when the slot length does not divide a stretch of the session', () => {
    const w = hallWorkshop(
      2,
      1,
      { slotMinutes: 45 },
      { session: { start: '09:00', end: '12:00', breaks: [{ start: '10:00', end: '10:30' }] } },
    );
    expect(issues(scheduling(w, [], []))).toEqual([
      'warning slot-does-not-divide-session workshop.venues[0].session',
    ]);
  });

  it('names bad participants, pairs, interpreters and weights', () => {
    const input = scheduling(
      hallWorkshop(2),
      [
        atVenue('a', 'nowhere', { languages: [], maxMeetings: -1 }),
        online('b', 'UTC', {
          languages: ['!!'],
          availability: [{ startUtc: '2026-06-08T10:00:00Z', endUtc: '2026-06-08T09:00:00Z' }],
        }),
        atVenue('b', 'hall'),
      ],
      [pair('a', 'z', 50), pair('a', 'a', 101), pair('b', 'a', 10), pair('a', 'b', 10)],
      [{ id: 'k', languages: ['zh-Hans', 'ur'], location: 'moon', count: -1 }],
    );
    input.weights = { mutualWishFactor: -2 };
    expect(issues(input)).toEqual([
      'error unknown-venue participants[0].attendance.venueId',
      'error no-languages participants[0].languages',
      'error invalid-cap participants[0].maxMeetings',
      'warning attendance-not-offered participants[1].attendance',
      'error invalid-language participants[1].languages[0]',
      'error invalid-availability participants[1].availability[0]',
      'error duplicate-id participants[2].id',
      'error unknown-participant pairs[0].b',
      'error self-pair pairs[1]',
      'error invalid-score pairs[1].score',
      'error duplicate-pair pairs[3]',
      'error unknown-venue interpreters[0].location',
      'error invalid-interpreter-count interpreters[0].count',
      'error invalid-weights weights.mutualWishFactor',
    ]);
  });
});
