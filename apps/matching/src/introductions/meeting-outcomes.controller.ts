import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, EventTypes, MeetingOutcomeRecordedV1, OUTCOME_STAGES, OutcomeStage } from '@techbridge/contracts';
import { InboxContext } from '@techbridge/messaging';
import { randomUUID } from 'node:crypto';
import { IntroductionEvents } from './introduction-events';

/** A workshop meeting's outcome as a ledger stage: any meeting that took place is `meeting-held`. */
export function stageOfMeeting(outcome: MeetingOutcomeRecordedV1['outcome']): OutcomeStage | 'no-show' {
  return outcome === 'no-show' ? 'no-show' : 'meeting-held';
}

/**
 * Workshop meeting outcomes (`workshops.meeting.v1`) land in the same ledger as the parties' own
 * reports: attached to the pair's accepted introduction (the need–offer pair when the event names it,
 * else the enterprises' latest accepted introduction) and announced as `outcome.recorded`; a meeting
 * between enterprises without an accepted introduction is kept in the ledger for the pair only.
 * Recording a meeting again replaces its entry. Own consumer group: never behind catalog's events.
 */
@Controller()
export class MeetingOutcomesController {
  constructor(private readonly events: IntroductionEvents) {}

  @EventPattern([EventTypes.MeetingOutcomeRecorded], { group: 'outcomes' })
  async meetingOutcome(@Payload() event: EventEnvelope<MeetingOutcomeRecordedV1>, @Ctx() ctx: InboxContext): Promise<void> {
    const d = event.data;
    const m = ctx.manager;
    const [intro]: { id: string }[] =
      d.needId && d.offerId
        ? await m.query(`SELECT id FROM introductions WHERE need_id = $1 AND offer_id = $2 AND status = 'accepted' FOR UPDATE`, [d.needId, d.offerId])
        : await m.query(
            `SELECT id FROM introductions
              WHERE status = 'accepted'
                AND ((need_enterprise_id = $1 AND offer_enterprise_id = $2) OR (need_enterprise_id = $2 AND offer_enterprise_id = $1))
              ORDER BY answered_at DESC, id LIMIT 1 FOR UPDATE`,
            [d.enterpriseA, d.enterpriseB],
          );
    const stage = stageOfMeeting(d.outcome);
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO introduction_outcomes (id, introduction_id, enterprise_a, enterprise_b, stage, reason, source, recorded_by, workshop_id, meeting_id, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'workshop', NULL, $7, $8, $9)
       ON CONFLICT (meeting_id) WHERE meeting_id IS NOT NULL
       DO UPDATE SET introduction_id = EXCLUDED.introduction_id, stage = EXCLUDED.stage, reason = EXCLUDED.reason, recorded_at = EXCLUDED.recorded_at
       RETURNING id`,
      [randomUUID(), intro?.id ?? null, d.enterpriseA, d.enterpriseB, stage, `workshop meeting: ${d.outcome}`, d.workshopId, d.meetingId, d.recordedAt],
    );
    if (!intro || !(OUTCOME_STAGES as readonly string[]).includes(stage)) return;
    await this.events.outcome(m, {
      outcomeId: row.id,
      introductionId: intro.id,
      stage: stage as OutcomeStage,
      source: 'workshop',
      recordedByEnterpriseId: null,
      workshopId: d.workshopId,
      meetingId: d.meetingId,
      recordedAt: d.recordedAt,
    });
  }
}
