import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@techbridge/auth';
import { EventTypes, MEETING_OUTCOMES, MeetingOutcomeRecordedV1, Topics, createEnvelope, sourceOf } from '@techbridge/contracts';
import { OutboxPublisher } from '@techbridge/messaging';
import { Problems } from '@techbridge/platform';
import { WorkshopReportModel } from '../reports/render';
import { WorkshopsService } from '../workshops/workshops.service';
import { RecordOutcomeDto } from './dto/record-outcome.dto';

/**
 * After the event the organiser records what came of each scheduled meeting; each outcome is published
 * (`workshops.meeting.v1`) for matching to learn from, in the same transaction. Recording again
 * replaces the outcome (and announces the new one).
 */
@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workshops: WorkshopsService,
    private readonly outbox: OutboxPublisher,
  ) {}

  async record(principal: Principal, workshopId: string, meetingId: string, dto: RecordOutcomeDto) {
    await this.workshops.owned(principal, workshopId);
    return this.dataSource.transaction(async (manager) => {
      const [found] = await manager.query(
        `SELECT r.id AS report_id, m AS meeting
           FROM reports r, jsonb_array_elements(r.model->'schedule'->'meetings') m
          WHERE r.workshop_id = $1 AND r.status = 'ready' AND m->>'id' = $2
          ORDER BY r.completed_at DESC LIMIT 1`,
        [workshopId, meetingId],
      );
      if (!found) throw Problems.notFound(`Meeting ${meetingId}`);
      const meeting = found.meeting as WorkshopReportModel['schedule']['meetings'][number];
      await manager.query(
        `INSERT INTO meeting_outcomes (meeting_id, workshop_id, report_id, outcome, note, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (meeting_id) DO UPDATE SET outcome = EXCLUDED.outcome, note = EXCLUDED.note,
           recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
        [meetingId, workshopId, found.report_id, dto.outcome, dto.note ?? null, principal.id],
      );
      const data: MeetingOutcomeRecordedV1 = {
        meetingId,
        workshopId,
        reportId: found.report_id,
        enterpriseA: meeting.a.id,
        enterpriseB: meeting.b.id,
        outcome: dto.outcome,
        note: dto.note ?? null,
        recordedAt: new Date().toISOString(),
      };
      await this.outbox.publish(manager, Topics.WorkshopsMeeting, createEnvelope({ type: EventTypes.MeetingOutcomeRecorded, source: sourceOf('workshops'), subject: meetingId, data }));
      return { meetingId, outcome: dto.outcome, note: dto.note ?? null, recordedAt: data.recordedAt };
    });
  }

  /** The workshop's funnel: meetings scheduled → outcomes recorded, by outcome. */
  async funnel(principal: Principal, workshopId: string) {
    await this.workshops.owned(principal, workshopId);
    const [latest] = await this.dataSource.query(
      `SELECT id, jsonb_array_length(COALESCE(model->'schedule'->'meetings', '[]'::jsonb))::int AS meetings
         FROM reports WHERE workshop_id = $1 AND status = 'ready' ORDER BY completed_at DESC LIMIT 1`,
      [workshopId],
    );
    const rows: { outcome: string; n: number }[] = await this.dataSource.query(
      `SELECT outcome, count(*)::int AS n FROM meeting_outcomes WHERE workshop_id = $1 GROUP BY outcome`,
      [workshopId],
    );
    const byOutcome = Object.fromEntries(MEETING_OUTCOMES.map((o) => [o, rows.find((r) => r.outcome === o)?.n ?? 0]));
    const recorded = rows.reduce((n, r) => n + r.n, 0);
    const scheduled = latest?.meetings ?? 0;
    const held = byOutcome['held'] + byOutcome['follow-up-agreed'] + byOutcome['deal-signed'];
    return {
      reportId: latest?.id ?? null,
      scheduled,
      recorded,
      byOutcome,
      heldRate: recorded > 0 ? Math.round((held / recorded) * 1000) / 1000 : null,
      dealRate: held > 0 ? Math.round((byOutcome['deal-signed'] / held) * 1000) / 1000 : null,
    };
  }
}
