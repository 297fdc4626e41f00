import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ReportComputedV1, ReportFailedV1 } from '@techbridge/contracts';
import { KnownEnterpriseEntity } from '../enterprises/infrastructure/known-enterprise.entity';
import { ParticipantEntity } from '../participants/infrastructure/participant.entity';
import { WorkshopEntity } from '../workshops/infrastructure/workshop.entity';
import { ReportEnterprise, buildReport } from './domain/report.builder';
import { ReportEntity } from './infrastructure/report.entity';

/**
 * matching's replies. Each part is stored once (a redelivered or duplicated part changes nothing);
 * when the last part is in, the report and its meeting schedule are built in the same transaction. A
 * reply for a report that is already ready or failed (late, duplicate) creates nothing new.
 */
@Injectable()
export class AssembleReportUseCase {
  private readonly logger = new Logger('Reports');

  async partArrived(manager: EntityManager, data: ReportComputedV1): Promise<void> {
    const report = await this.lock(manager, data.reportId);
    if (!report || report.status === 'ready' || report.status === 'failed') return;
    const inserted = await manager.query(
      `INSERT INTO report_parts (report_id, part, payload) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING part`,
      [data.reportId, data.part, JSON.stringify(data)],
    );
    if (inserted.length > 0) report.partsReceived += 1;
    report.partsExpected = data.parts;
    report.status = 'computing';
    if (report.partsReceived >= data.parts) await this.complete(manager, report);
    await manager.save(report);
  }

  async failed(manager: EntityManager, data: ReportFailedV1): Promise<void> {
    const report = await this.lock(manager, data.reportId);
    if (!report || report.status === 'ready' || report.status === 'failed') return;
    report.status = 'failed';
    report.failureReason = `matching could not compute the report: ${data.reason}`;
    report.completedAt = new Date();
    await manager.save(report);
  }

  private async complete(manager: EntityManager, report: ReportEntity): Promise<void> {
    const parts: { payload: ReportComputedV1 }[] = await manager.query(`SELECT payload FROM report_parts WHERE report_id = $1 ORDER BY part`, [report.id]);
    const workshop = await manager.getRepository(WorkshopEntity).findOneByOrFail({ id: report.workshopId });
    const participants = await manager.getRepository(ParticipantEntity).find({ where: { workshopId: workshop.id, status: 'accepted' }, order: { enterpriseId: 'ASC' } });
    const items = parts.flatMap((p) => p.payload.items);
    const ids = [...new Set([...participants.map((p) => p.enterpriseId), ...items.map((i) => i.enterpriseId)])];
    const enterprises = new Map<string, ReportEnterprise>();
    if (ids.length > 0) {
      const rows = await manager.getRepository(KnownEnterpriseEntity).createQueryBuilder('e').where('e.enterprise_id = ANY(:ids)', { ids }).getMany();
      for (const e of rows) enterprises.set(e.enterpriseId, { id: e.enterpriseId, legalName: e.legalName, englishName: e.englishName, country: e.country, region: e.region, languages: e.languages });
    }
    const wishes: { from_enterprise: string; to_enterprise: string }[] = await manager.query(
      `SELECT from_enterprise, to_enterprise FROM wishes WHERE workshop_id = $1`,
      [workshop.id],
    );
    try {
      const { model, schedule } = buildReport({
        reportId: report.id,
        generatedAt: new Date().toISOString(),
        threshold: parts[0].payload.threshold,
        workshop: { ...workshop, interpreters: workshop.interpreters ?? [] },
        participants: participants.map((p) => ({
          enterpriseId: p.enterpriseId,
          attendance: p.attendance,
          availability: p.availability,
          languages: p.languages,
          maxMeetings: p.maxMeetings,
        })),
        enterprises,
        items,
        pairs: parts.flatMap((p) => p.payload.pairs),
        wishes: wishes.map((w) => ({ from: w.from_enterprise, to: w.to_enterprise })),
      });
      report.model = model;
      report.schedule = schedule as unknown as Record<string, unknown>;
      report.status = 'ready';
    } catch (err) {
      // A report that cannot be built is failed with the reason, not retried forever.
      this.logger.error(`report ${report.id} could not be built: ${String((err as Error)?.stack ?? err)}`);
      report.status = 'failed';
      report.failureReason = `the report could not be built: ${String((err as Error)?.message ?? err).slice(0, 500)}`;
    }
    report.completedAt = new Date();
  }

  private lock(manager: EntityManager, id: string): Promise<ReportEntity | null> {
    return manager.getRepository(ReportEntity).createQueryBuilder('r').where('r.id = :id', { id }).setLock('pessimistic_write').getOne();
  }
}
