import { IntroductionEntity } from './infrastructure/introduction.entity';
import { IntroductionOutcomeEntity } from './infrastructure/introduction-outcome.entity';

/**
 * What a party sees of an introduction. Never contact details: once both sides are interested,
 * `contacts.href` points at profiles, which reveals them and records that it did.
 */
export function presentIntroduction(i: IntroductionEntity, viewerId: string, outcomes?: IntroductionOutcomeEntity[]) {
  return {
    id: i.id,
    needId: i.needId,
    offerId: i.offerId,
    needEnterpriseId: i.needEnterpriseId,
    offerEnterpriseId: i.offerEnterpriseId,
    requesterEnterpriseId: i.requesterEnterpriseId,
    recipientEnterpriseId: i.recipientEnterpriseId,
    direction: i.requesterEnterpriseId === viewerId ? 'outgoing' : i.recipientEnterpriseId === viewerId ? 'incoming' : null,
    requestedBy: i.requestedBy,
    message: i.message,
    language: i.language,
    status: i.status,
    mutual: i.mutual,
    decline: i.status === 'declined' ? { reason: i.declineReason, text: i.declineText } : null,
    workshopId: i.workshopId,
    createdAt: i.createdAt.toISOString(),
    answeredAt: i.answeredAt?.toISOString() ?? null,
    expiresAt: i.expiresAt.toISOString(),
    contacts: i.status === 'accepted' ? { href: `/v1/introductions/${i.id}/contacts` } : null,
    ...(outcomes ? { outcomes: outcomes.map(presentOutcome) } : {}),
  };
}

export function presentOutcome(o: IntroductionOutcomeEntity) {
  return {
    id: o.id,
    stage: o.stage,
    reason: o.reason,
    source: o.source,
    recordedBy: o.recordedBy,
    workshopId: o.workshopId,
    meetingId: o.meetingId,
    recordedAt: o.recordedAt.toISOString(),
  };
}
