import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox rows that can never be sent are parked (kept, counted, visible) instead of blocking the
 * relay; the inbox gets an index for its retention job.
 */
export class OutboxParkingAndInboxRetention1766500000000 implements MigrationInterface {
  name = 'OutboxParkingAndInboxRetention1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_messages ADD COLUMN IF NOT EXISTS attempts int NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE outbox_messages ADD COLUMN IF NOT EXISTS last_error text`);
    await q.query(`ALTER TABLE outbox_messages ADD COLUMN IF NOT EXISTS parked_at timestamptz`);
    await q.query(`DROP INDEX IF EXISTS outbox_messages_pending_idx`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS outbox_messages_pending_idx ON outbox_messages (seq) WHERE published_at IS NULL AND parked_at IS NULL`,
    );
    await q.query(`CREATE INDEX IF NOT EXISTS outbox_messages_parked_idx ON outbox_messages (seq) WHERE parked_at IS NOT NULL`);
    await q.query(`CREATE INDEX IF NOT EXISTS inbox_messages_processed_idx ON inbox_messages (processed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS inbox_messages_processed_idx`);
    await q.query(`DROP INDEX IF EXISTS outbox_messages_parked_idx`);
    await q.query(`DROP INDEX IF EXISTS outbox_messages_pending_idx`);
    await q.query(`CREATE INDEX IF NOT EXISTS outbox_messages_pending_idx ON outbox_messages (seq) WHERE published_at IS NULL`);
    await q.query(`ALTER TABLE outbox_messages DROP COLUMN IF EXISTS parked_at`);
    await q.query(`ALTER TABLE outbox_messages DROP COLUMN IF EXISTS last_error`);
    await q.query(`ALTER TABLE outbox_messages DROP COLUMN IF EXISTS attempts`);
  }
}
