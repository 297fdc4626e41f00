import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

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
}

/** One ranked offer (or near-miss) of a need's current match set, with its explanation. */
@Entity({ name: 'matches' })
@Index('matches_offer_idx', ['offerId'])
export class MatchEntity {
  @PrimaryColumn({ name: 'need_id', type: 'uuid' }) needId!: string;
  @PrimaryColumn({ name: 'offer_id', type: 'uuid' }) offerId!: string;
  @Column('text') kind!: 'match' | 'near-miss';
  @Column('int') rank!: number;
  // numeric, not real: the score is compared exactly in keyset cursors.
  @Column('numeric', { precision: 5, scale: 1, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  score!: number;
  @Column('jsonb') components!: Record<string, number>;
  @Column({ name: 'matched_terms', type: 'jsonb' }) matchedTerms!: unknown[];
  @Column('jsonb') reasons!: { code: string; params: Record<string, string | number> }[];
  @Column({ name: 'near_miss', type: 'jsonb', nullable: true }) nearMiss!: { code: string; params: Record<string, string | number> } | null;
}
