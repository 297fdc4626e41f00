import { IsBoolean, IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';

export const INTRODUCTION_STATUSES = ['requested', 'accepted', 'declined', 'expired'] as const;
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];

export const DECLINE_REASONS = ['not-relevant', 'trl-too-low', 'price', 'ipr', 'timing', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const OUTCOME_STAGES = ['contacted', 'meeting-held', 'nda-signed', 'pilot', 'licence-signed', 'jv-formed', 'abandoned'] as const;
export type OutcomeStage = (typeof OUTCOME_STAGES)[number];

/**
 * The state of one introduction (key = introduction id) after a change: requested, accepted (`mutual`
 * when both sides asked), declined, expired, or a reminder that it waits for an answer. Ids and codes
 * only: never the message, never contact details (those stay in profiles and are revealed there).
 */
export class IntroductionEventV1 {
  @IsUUID() introductionId!: string;
  @IsUUID() needId!: string;
  @IsUUID() offerId!: string;
  @IsUUID() needEnterpriseId!: string;
  @IsUUID() offerEnterpriseId!: string;
  @IsUUID() requesterEnterpriseId!: string;
  @IsUUID() recipientEnterpriseId!: string;
  @IsIn(INTRODUCTION_STATUSES) status!: IntroductionStatus;
  /** Both sides expressed interest: contact details may be revealed to each other. */
  @IsBoolean() mutual!: boolean;
  @IsOptional() @IsIn(DECLINE_REASONS) declineReason?: DeclineReason | null;
  @IsOptional() @IsUUID() workshopId?: string | null;
  @IsISO8601() occurredAt!: string;
}

/** One entry of the outcome ledger of an accepted introduction (key = introduction id). */
export class OutcomeRecordedV1 {
  @IsUUID() outcomeId!: string;
  @IsUUID() introductionId!: string;
  @IsIn(OUTCOME_STAGES) stage!: OutcomeStage;
  @IsIn(['party', 'workshop']) source!: 'party' | 'workshop';
  @IsOptional() @IsUUID() recordedByEnterpriseId?: string | null;
  @IsOptional() @IsUUID() workshopId?: string | null;
  @IsOptional() @IsUUID() meetingId?: string | null;
  @IsISO8601() recordedAt!: string;
}
