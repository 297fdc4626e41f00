import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One entry of the outcome ledger: a party's progress report, or a workshop meeting's outcome. */
@Entity({ name: 'introduction_outcomes' })
export class IntroductionOutcomeEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'introduction_id', type: 'uuid', nullable: true }) introductionId!: string | null;
  @Column({ name: 'enterprise_a', type: 'uuid' }) enterpriseA!: string;
  @Column({ name: 'enterprise_b', type: 'uuid' }) enterpriseB!: string;
  @Column('text') stage!: string;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column('text') source!: 'party' | 'workshop';
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy!: string | null;
  @Column({ name: 'workshop_id', type: 'uuid', nullable: true }) workshopId!: string | null;
  @Column({ name: 'meeting_id', type: 'uuid', nullable: true }) meetingId!: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
