import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventTypes, IntroductionEventV1, OutcomeRecordedV1, Topics, createEnvelope, sourceOf } from '@techbridge/contracts';
import { OutboxPublisher } from '@techbridge/messaging';
import { IntroductionEntity } from './infrastructure/introduction.entity';

export type IntroductionEventType =
  | typeof EventTypes.IntroductionRequested
  | typeof EventTypes.IntroductionAccepted
  | typeof EventTypes.IntroductionDeclined
  | typeof EventTypes.IntroductionExpired
  | typeof EventTypes.IntroductionReminderDue;

/**
 * Writes `matching.introduction.v1` events into the outbox, in the caller's transaction (which holds
 * the introduction's row lock, so one introduction's events leave in order). Ids and codes only.
 */
@Injectable()
export class IntroductionEvents {
  constructor(private readonly outbox: OutboxPublisher) {}

  async publish(manager: EntityManager, type: IntroductionEventType, i: IntroductionEntity, now = new Date()): Promise<void> {
    const data: IntroductionEventV1 = {
      introductionId: i.id,
      needId: i.needId,
      offerId: i.offerId,
      needEnterpriseId: i.needEnterpriseId,
      offerEnterpriseId: i.offerEnterpriseId,
      requesterEnterpriseId: i.requesterEnterpriseId,
      recipientEnterpriseId: i.recipientEnterpriseId,
      status: i.status,
      mutual: i.mutual,
      declineReason: i.declineReason ?? null,
      workshopId: i.workshopId ?? null,
      occurredAt: now.toISOString(),
    };
    await this.outbox.publish(manager, Topics.MatchingIntroduction, createEnvelope({ type, source: sourceOf('matching'), subject: i.id, data }));
  }

  async outcome(manager: EntityManager, data: OutcomeRecordedV1): Promise<void> {
    await this.outbox.publish(
      manager,
      Topics.MatchingIntroduction,
      createEnvelope({ type: EventTypes.OutcomeRecorded, source: sourceOf('matching'), subject: data.introductionId, data }),
    );
  }
}

/** A raw `introductions` row (RETURNING *) as the entity. */
export function introductionFromRow(r: Record<string, any>): IntroductionEntity {
  return Object.assign(new IntroductionEntity(), {
    id: r.id,
    needId: r.need_id,
    offerId: r.offer_id,
    needEnterpriseId: r.need_enterprise_id,
    offerEnterpriseId: r.offer_enterprise_id,
    requestedBy: r.requested_by,
    requesterEnterpriseId: r.requester_enterprise_id,
    recipientEnterpriseId: r.recipient_enterprise_id,
    message: r.message,
    language: r.language,
    status: r.status,
    mutual: r.mutual,
    declineReason: r.decline_reason,
    declineText: r.decline_text,
    sectors: r.sectors,
    workshopId: r.workshop_id,
    createdAt: r.created_at,
    answeredAt: r.answered_at,
    expiresAt: r.expires_at,
    remindAt: r.remind_at,
    remindedAt: r.reminded_at,
    updatedAt: r.updated_at,
  });
}
