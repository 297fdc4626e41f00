import { agendaForParticipant } from './agenda-from-report.builder';
import { buildAgendaView } from './agenda.renderer';
import { DEMO_PARTICIPANTS, demoAgendaModel, demoReportModel } from './examples/demo-workshop.fixture';
import { toLocal } from './time-zone.util';

describe('agenda', () => {
  it('cuts a participant’s own meetings from the report, nothing else', () => {
    const report = demoReportModel();
    const agenda = agendaForParticipant(report, DEMO_PARTICIPANTS.punjabResearch);
    expect(agenda.participant.name).toBe('Punjab Agricultural Research Institute');
    expect(agenda.meetings.map((m) => m.id)).toEqual(['mtg-001', 'mtg-009']);
    expect(agenda.meetings[0].counterpart.legalName).toBe('云南农业科技有限公司');
    expect(JSON.stringify(agenda)).not.toContain('mtg-004');
    expect(() => agendaForParticipant(report, 'p-nobody')).toThrow(RangeError);
  });

  it('shows the meetings in the participant’s own time zone, grouped by its local day', () => {
    const kunming = buildAgendaView(demoAgendaModel(DEMO_PARTICIPANTS.punjabResearch));
    expect(kunming.participant.timeZone).toBe('Asia/Shanghai');
    expect(kunming.participant.utcOffset).toBe('UTC+08:00');
    expect(kunming.days.map((d) => d.date)).toEqual(['2026-11-24', '2026-11-25']);
    const m1 = kunming.days[0].meetings[0];
    expect([m1.start, m1.end, m1.startLocal]).toEqual(['09:00', '09:30', '2026-11-24T09:00:00+08:00']);
    expect(m1.location).toMatchObject({
      kind: 'venue',
      venueId: 'kunming',
      table: 1,
      localTimeAtVenue: '09:00–09:30',
    });
    expect(m1.interpreter).toBe('Chinese–English');

    const online = buildAgendaView(demoAgendaModel(DEMO_PARTICIPANTS.islamabadFintech));
    expect(online.participant.utcOffset).toBe('UTC+05:00');
    const o = online.days[0].meetings[0];
    expect([o.start, o.startLocal, o.startUtc]).toEqual([
      '11:00',
      '2026-11-24T11:00:00+05:00',
      '2026-11-24T06:00:00.000Z',
    ]);
    expect(o.location).toEqual({ kind: 'online', url: null });
    // JSON-friendly
    expect(JSON.parse(JSON.stringify(online))).toEqual(online);
  });

  it('converts across day boundaries and rejects invalid instants', () => {
    expect(toLocal('2026-11-24T16:30:00Z', 'Asia/Shanghai')).toEqual({
      date: '2026-11-25',
      time: '00:30',
      offset: '+08:00',
      iso: '2026-11-25T00:30:00+08:00',
    });
    expect(toLocal('2026-11-24T20:00:00Z', 'Asia/Karachi').iso).toBe('2026-11-25T01:00:00+05:00');
    expect(toLocal('2026-11-24T20:00:00Z', 'UTC').offset).toBe('+00:00');
    expect(() => toLocal('not a date', 'UTC')).toThrow(RangeError);
  });
});
