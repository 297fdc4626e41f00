import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The current match set of one need: which version it was computed for, and a revision counter. */
@Entity({ name: 'match_sets' })
export class MatchSetEntity {
  @PrimaryColumn({ name: 'need_id', type: 'uuid' }) needId!: string;
  @Column({ name: 'enterprise_id', type: 'uuid' }) enterpriseId!: string;
  @Column({ name: 'need_version', type: 'int' }) needVersion!: number;
  @Column('int') revision!: number;
  @Column({ name: 'match_set_id', type: 'uuid' }) matchSetId!: string;
  @Column('text') fingerprint!: string;
  @Column({ type: 'jsonb', nullable: true }) hint!: { code: string; params: Record<string, string | number> } | null;
  @Column('text') status!: 'open' | 'closed';
  @Column({ name: 'match_count', type: 'int' }) matchCount!: number;
  @Column('text') trigger!: string;
  @Column({ name: 'computed_at', type: 'timestamptz' }) computedAt!: Date;
  /** Score of the weakest stored match when the list is full (what a new offer must beat), else null. */
  @Column({ name: 'match_floor', type: 'numeric', precision: 5, scale: 1, nullable: true }) matchFloor!: string | null;
  @Column({ name: 'near_floor', type: 'numeric', precision: 5, scale: 1, nullable: true }) nearFloor!: string | null;
}
