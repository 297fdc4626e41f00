import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Principal } from '@techbridge/auth';
import { EventTypes, ReportRequestedV1, Topics, createEnvelope, sourceOf } from '@techbridge/contracts';
import { OutboxPublisher } from '@techbridge/messaging';
import { Problems } from '@techbridge/platform';
import { WorkshopsService } from '../workshops/workshops.service';
import { ReportEntity } from './infrastructure/report.entity';
import { toReportStatusView } from './report.view';

/**
 * POST /v1/workshops/:id/reports: store a pending report and, in the same transaction, the
 * `report.requested` command for matching (outbox). The caller gets 202 at once and polls the report.
 */
@Injectable()
export class RequestReportUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workshops: WorkshopsService,
    private readonly outbox: OutboxPublisher,
  ) {}

  async execute(principal: Principal, workshopId: string) {
    const w = await this.workshops.owned(principal, workshopId);
    if (w.status === 'closed') throw Problems.conflict('A closed workshop gets no new reports.');
    return this.dataSource.transaction(async (manager) => {
      const participants: { enterprise_id: string; country: 'CN' | 'PK' | null; offer_ids: string[] | null; need_ids: string[] | null }[] = await manager.query(
        `SELECT p.enterprise_id, e.country, p.offer_ids, p.need_ids
           FROM participants p LEFT JOIN known_enterprises e ON e.enterprise_id = p.enterprise_id
          WHERE p.workshop_id = $1 AND p.status = 'accepted' ORDER BY p.enterprise_id`,
        [workshopId],
      );
      if (participants.length === 0) {
        throw Problems.unprocessable('A match report needs participants: add enterprises or accept applications first.', [
          { field: 'participants', message: 'the workshop has no accepted participants' },
        ]);
      }
      const report = manager.getRepository(ReportEntity).create({
        id: randomUUID(),
        workshopId,
        status: 'pending',
        requestedBy: principal.id,
        requestedAt: new Date(Math.floor(Date.now())),
        partsExpected: null,
        partsReceived: 0,
        failureReason: null,
        model: null,
        schedule: null,
        completedAt: null,
      });
      await manager.save(ReportEntity, report);
      const data: ReportRequestedV1 = {
        reportId: report.id,
        workshopId,
        participants: participants.map((p) => ({ enterpriseId: p.enterprise_id, country: p.country ?? 'CN', offerIds: p.offer_ids, needIds: p.need_ids })),
        requestedAt: report.requestedAt.toISOString(),
      };
      await this.outbox.publish(
        manager,
        Topics.WorkshopsReport,
        createEnvelope({ type: EventTypes.ReportRequested, source: sourceOf('workshops'), subject: report.id, data }),
      );
      return toReportStatusView(report);
    });
  }
}
