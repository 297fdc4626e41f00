import type { AgendaModel, WorkshopReportModel } from './report.model';

/**
 * The agenda of one participant, cut from a report's schedule: its own meetings only, each with the
 * counterpart (never the counterpart's own agenda or contact details). Throws if the participant is in
 * no meeting and not known to the report; a participant with no meeting gets an empty agenda.
 */
export function agendaForParticipant(
  report: WorkshopReportModel,
  participantId: string,
  generatedAt = report.generatedAt,
): AgendaModel {
  const venues = new Map(report.workshop.venues.map((v) => [v.id, v]));
  const mine = report.schedule.meetings
    .filter((m) => m.a.id === participantId || m.b.id === participantId)
    .sort((x, y) => x.startUtc.localeCompare(y.startUtc) || x.id.localeCompare(y.id));
  const self =
    mine.map((m) => (m.a.id === participantId ? m.a : m.b))[0] ??
    report.schedule.unscheduledWishes.flatMap((w) => [w.a, w.b]).find((p) => p.id === participantId);
  if (!self) throw new RangeError(`participant ${participantId} is not in report ${report.reportId}`);
  return {
    workshop: report.workshop,
    generatedAt,
    participant: {
      id: self.id,
      name: self.enterprise.name,
      legalName: self.enterprise.legalName,
      timeZone: self.timeZone,
      languages: self.languages,
    },
    meetings: mine.map((m) => {
      const other = m.a.id === participantId ? m.b : m.a;
      return {
        id: m.id,
        startUtc: m.startUtc,
        endUtc: m.endUtc,
        counterpart: {
          id: other.id,
          name: other.enterprise.name,
          legalName: other.enterprise.legalName,
          country: other.enterprise.country,
          languages: other.languages,
        },
        venue: m.venueId ? (venues.get(m.venueId) ?? null) : null,
        table: m.table,
        interpreter: m.interpreter ?? null,
        topic: m.topic,
        score: m.score,
        mutual: m.mutual,
      };
    }),
  };
}
