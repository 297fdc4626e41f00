import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { WorkshopReportModel } from '../render';

export type ReportStatus = 'pending' | 'computing' | 'ready' | 'failed';

/** One match report of a workshop: requested → computing (parts arriving) → ready | failed. */
@Entity({ name: 'reports' })
export class ReportEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'workshop_id', type: 'uuid' }) workshopId!: string;
  @Column('text') status!: ReportStatus;
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy!: string;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt!: Date;
  @Column({ name: 'parts_expected', type: 'int', nullable: true }) partsExpected!: number | null;
  @Column({ name: 'parts_received', type: 'int' }) partsReceived!: number;
  @Column({ name: 'failure_reason', type: 'text', nullable: true }) failureReason!: string | null;
  @Column({ type: 'jsonb', nullable: true }) model!: WorkshopReportModel | null;
  /** the scheduler's raw output (reasons as codes), for explanations and outcomes */
  @Column({ type: 'jsonb', nullable: true }) schedule!: Record<string, unknown> | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
}
