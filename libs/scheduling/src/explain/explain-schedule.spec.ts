import { buildSchedule } from '../solver/schedule.solver';
import { atVenue, hallWorkshop, pair, scheduling } from '../testing/workshop.fixture';
import { explainUnscheduled } from './explain-schedule';

describe('explainUnscheduled on an edited schedule', () => {
  const input = scheduling(
    hallWorkshop(2, 1),
    ['a', 'b', 'c', 'd'].map((id) => atVenue(id, 'hall')),
    [pair('a', 'b', 90), pair('c', 'd', 80), pair('a', 'c', 30)],
  );

  it('agrees with the solver on its own schedule', () => {
    const s = buildSchedule(input);
    expect(explainUnscheduled(input, s)).toEqual(s.unscheduled);
  });

  it('says a pair could be added when the organiser freed a slot for it', () => {
    const s = buildSchedule(input);
    const edited = { meetings: s.meetings.filter((m) => m.key !== 'c|d') };
    expect(
      explainUnscheduled(input, edited).map((u) => [u.key, u.reason.code, u.reason.params.startUtc]),
    ).toEqual([
      ['c|d', 'unscheduled.could-be-added', expect.any(String)],
      ['a|c', 'unscheduled.could-be-added', expect.any(String)],
    ]);
  });
});
