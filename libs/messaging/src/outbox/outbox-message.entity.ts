import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One event waiting to be (or already) published. `seq` gives the publish order per key. */
@Entity({ name: 'outbox_messages' })
@Index('outbox_messages_pending_idx', ['seq'], { where: 'published_at IS NULL AND parked_at IS NULL' })
export class OutboxMessageEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'bigint', generated: 'increment', insert: false }) seq!: string;
  @Column('text') topic!: string;
  @Column('text') key!: string;
  @Column({ name: 'event_type', type: 'text' }) eventType!: string;
  @Column('jsonb') payload!: object;
  @Column('jsonb', { default: () => "'{}'::jsonb" }) headers!: Record<string, string>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  /** Failed sends with a permanent broker error (bad topic, too large …); the row is parked after a few. */
  @Column('int', { default: 0 }) attempts!: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  /** Set when the row can never be sent: kept for the operator, skipped by the relay. */
  @Column({ name: 'parked_at', type: 'timestamptz', nullable: true }) parkedAt!: Date | null;
}
