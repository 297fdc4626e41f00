import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@techbridge/auth';
import { Problems } from '@techbridge/platform';
import { KnownEnterpriseEntity } from '../enterprises/infrastructure/known-enterprise.entity';
import { ParticipantEntity } from '../participants/infrastructure/participant.entity';
import { WorkshopsService } from '../workshops/workshops.service';
import { ReportFormat } from './dto/report.query';
import { ReportEntity } from './infrastructure/report.entity';
import {
  AgendaModel,
  CSV_CONTENT_TYPE,
  HTML_CONTENT_TYPE,
  ICS_CONTENT_TYPE,
  PDF_CONTENT_TYPE,
  ReportCsvTable,
  WorkshopReportModel,
  XLSX_CONTENT_TYPE,
  agendaForParticipant,
  buildAgendaView,
  renderAgendaIcs,
  renderReportCsv,
  renderReportHtml,
  renderReportPdf,
  renderReportXlsx,
} from './render';
import { toReportStatusView } from './report.view';

export interface Rendered {
  contentType: string;
  body: unknown;
  filename?: string;
}

/** Reading reports (organisers) and agendas (each participant its own). */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workshops: WorkshopsService,
  ) {}

  async list(principal: Principal, workshopId: string) {
    await this.workshops.owned(principal, workshopId);
    const rows = await this.dataSource.getRepository(ReportEntity).find({
      where: { workshopId },
      order: { requestedAt: 'DESC', id: 'DESC' },
      take: 100,
      select: { id: true, workshopId: true, status: true, requestedBy: true, requestedAt: true, partsExpected: true, partsReceived: true, failureReason: true, completedAt: true },
    });
    return { items: rows.map((r) => toReportStatusView(r)), nextCursor: null };
  }

  async render(principal: Principal, workshopId: string, reportId: string, format: ReportFormat, table?: ReportCsvTable): Promise<Rendered> {
    await this.workshops.owned(principal, workshopId);
    const report = await this.dataSource.getRepository(ReportEntity).findOneBy({ id: reportId, workshopId });
    if (!report) throw Problems.notFound(`Report ${reportId}`);
    if (format === 'json') return { contentType: 'application/json; charset=utf-8', body: toReportStatusView(report, true) };
    if (report.status !== 'ready' || !report.model) {
      throw Problems.conflict(`Report ${reportId} is ${report.status}${report.failureReason ? ` (${report.failureReason})` : ''}; ${format.toUpperCase()} is served once it is ready.`);
    }
    const model = report.model as WorkshopReportModel;
    const name = `workshop-report-${reportId.slice(0, 8)}`;
    switch (format) {
      case 'csv':
        return { contentType: CSV_CONTENT_TYPE, body: renderReportCsv(model, { table }), filename: `${name}${table ? `-${table}` : ''}.csv` };
      case 'xlsx':
        return { contentType: XLSX_CONTENT_TYPE, body: await renderReportXlsx(model), filename: `${name}.xlsx` };
      case 'html':
        return { contentType: HTML_CONTENT_TYPE, body: renderReportHtml(model) };
      case 'pdf':
        return { contentType: PDF_CONTENT_TYPE, body: await renderReportPdf(model), filename: `${name}.pdf` };
    }
  }

  /** A participant's own agenda from the latest ready report (organisers may name a participant). */
  async agenda(principal: Principal, workshopId: string, enterpriseId: string | undefined, ics: boolean): Promise<Rendered> {
    const w = await this.workshops.visible(principal, workshopId);
    const organiser = this.workshops.owns(principal, w);
    const who = organiser ? enterpriseId : principal.id;
    if (!who) throw Problems.validation([{ field: 'enterpriseId', message: 'organisers name the participant whose agenda they want' }]);
    if (!organiser && enterpriseId && enterpriseId !== principal.id) throw Problems.notFound(`Agenda of ${enterpriseId}`);
    const participant = await this.dataSource.getRepository(ParticipantEntity).findOneBy({ workshopId, enterpriseId: who });
    if (!participant || participant.status !== 'accepted') throw Problems.notFound(`Agenda of ${who}`);
    const [report] = await this.dataSource.getRepository(ReportEntity).find({ where: { workshopId, status: 'ready' }, order: { completedAt: 'DESC' }, take: 1 });
    if (!report?.model) throw Problems.conflict('There is no schedule yet: the organiser requests a match report first.');
    const agenda = await this.agendaOf(report.model as WorkshopReportModel, participant);
    if (ics) return { contentType: ICS_CONTENT_TYPE, body: renderAgendaIcs(agenda, { uidDomain: 'techbridge' }), filename: `agenda-${workshopId.slice(0, 8)}.ics` };
    return { contentType: 'application/json; charset=utf-8', body: buildAgendaView(agenda) };
  }

  private async agendaOf(model: WorkshopReportModel, p: ParticipantEntity): Promise<AgendaModel> {
    try {
      return agendaForParticipant(model, p.enterpriseId);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      // In no meeting and no unscheduled wish: an empty agenda in the participant's own time zone.
      const e = await this.dataSource.getRepository(KnownEnterpriseEntity).findOneBy({ enterpriseId: p.enterpriseId });
      const timeZone = p.attendance.kind === 'online' ? p.attendance.timeZone : (model.workshop.venues.find((v) => v.id === (p.attendance as { venueId: string }).venueId)?.timeZone ?? 'UTC');
      return {
        workshop: model.workshop,
        generatedAt: model.generatedAt,
        participant: { id: p.enterpriseId, name: e?.englishName ?? p.enterpriseId, legalName: e?.legalName, timeZone, languages: p.languages as AgendaModel['participant']['languages'] },
        meetings: [],
      };
    }
  }
}
