import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Events a consumer has fully processed; written in the same transaction as the handler's effects. */
@Entity({ name: 'inbox_messages' })
export class InboxMessageEntity {
  @PrimaryColumn('text') consumer!: string;
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'event_type', type: 'text' }) eventType!: string;
  @Column('text') topic!: string;
  @Column('int') partition!: number;
  @Column({ name: 'offset', type: 'bigint' }) offset!: string;
  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' }) processedAt!: Date;
}
