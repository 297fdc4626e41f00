import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox and inbox tables; every service that publishes or consumes includes this migration. */
export class CreateMessagingTables1766400000000 implements MigrationInterface {
  name = 'CreateMessagingTables1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS outbox_messages (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL,
        topic text NOT NULL,
        key text NOT NULL,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX IF NOT EXISTS outbox_messages_pending_idx ON outbox_messages (seq) WHERE published_at IS NULL`);
    await q.query(`CREATE INDEX IF NOT EXISTS outbox_messages_published_idx ON outbox_messages (published_at) WHERE published_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE IF NOT EXISTS inbox_messages (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        topic text NOT NULL,
        partition int NOT NULL,
        "offset" bigint NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS inbox_messages`);
    await q.query(`DROP TABLE IF EXISTS outbox_messages`);
  }
}
