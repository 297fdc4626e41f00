import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeclineReason, IntroductionStatus } from '@techbridge/contracts';

/** One introduction between the owners of a need and an offer (schema: migration 1766600003000). */
@Entity({ name: 'introductions' })
export class IntroductionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'need_id', type: 'uuid' }) needId!: string;
  @Column({ name: 'offer_id', type: 'uuid' }) offerId!: string;
  @Column({ name: 'need_enterprise_id', type: 'uuid' }) needEnterpriseId!: string;
  @Column({ name: 'offer_enterprise_id', type: 'uuid' }) offerEnterpriseId!: string;
  @Column({ name: 'requested_by', type: 'text' }) requestedBy!: 'need' | 'offer';
  @Column({ name: 'requester_enterprise_id', type: 'uuid' }) requesterEnterpriseId!: string;
  @Column({ name: 'recipient_enterprise_id', type: 'uuid' }) recipientEnterpriseId!: string;
  @Column('text') message!: string;
  @Column('text') language!: string;
  @Column('text') status!: IntroductionStatus;
  @Column('boolean') mutual!: boolean;
  @Column({ name: 'decline_reason', type: 'text', nullable: true }) declineReason!: DeclineReason | null;
  @Column({ name: 'decline_text', type: 'text', nullable: true }) declineText!: string | null;
  @Column({ type: 'text', array: true }) sectors!: string[];
  @Column({ name: 'workshop_id', type: 'uuid', nullable: true }) workshopId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'remind_at', type: 'timestamptz', nullable: true }) remindAt!: Date | null;
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true }) remindedAt!: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
