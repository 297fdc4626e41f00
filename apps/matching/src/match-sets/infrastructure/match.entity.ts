import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

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
