import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Attendance, AvailabilityWindow } from '@techbridge/scheduling';

export type ParticipantStatus = 'applied' | 'accepted' | 'declined';

/** An enterprise at a workshop: added by the organiser (accepted) or applying (applied → decided). */
@Entity({ name: 'participants' })
export class ParticipantEntity {
  @PrimaryColumn({ name: 'workshop_id', type: 'uuid' }) workshopId!: string;
  @PrimaryColumn({ name: 'enterprise_id', type: 'uuid' }) enterpriseId!: string;
  @Column('text') status!: ParticipantStatus;
  @Column('jsonb') attendance!: Attendance;
  @Column({ type: 'jsonb', nullable: true }) availability!: AvailabilityWindow[] | null;
  @Column('text', { array: true }) languages!: string[];
  @Column({ name: 'max_meetings', type: 'int', nullable: true }) maxMeetings!: number | null;
  @Column({ name: 'offer_ids', type: 'uuid', array: true, nullable: true }) offerIds!: string[] | null;
  @Column({ name: 'need_ids', type: 'uuid', array: true, nullable: true }) needIds!: string[] | null;
  @Column({ name: 'applied_at', type: 'timestamptz' }) appliedAt!: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
}
