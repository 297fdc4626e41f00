import { MigrationInterface, QueryRunner } from 'typeorm';

/** Fixed-window counters shared by every instance of a service (registration, profile updates, failed keys). */
export class RateLimits1766500000200 implements MigrationInterface {
  name = 'RateLimits1766500000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS rate_limit_hits (
        bucket text NOT NULL,
        window_start timestamptz NOT NULL,
        hits int NOT NULL,
        PRIMARY KEY (bucket, window_start)
      )`);
    await q.query(`CREATE INDEX IF NOT EXISTS rate_limit_hits_window_idx ON rate_limit_hits (window_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS rate_limit_hits`);
  }
}
