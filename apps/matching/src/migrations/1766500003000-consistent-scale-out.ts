import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scale-out without lost matches and bounded work per event:
 * - `changed_xid` on the projections: each instance brings its in-memory index up to date from the
 *   shared projection tables (rows changed since the oldest transaction running at its last look);
 * - `rescore_queue`: needs an offer entered or left, re-scored in bounded chunks, each its own
 *   transaction, by whichever instance takes them;
 * - `match_floor` / `near_floor`: the score an offer must reach to enter a need's stored lists;
 * - `rescore_jobs`: admin re-scoring jobs visible from every instance.
 */
export class ConsistentScaleOut1766500003000 implements MigrationInterface {
  name = 'ConsistentScaleOut1766500003000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of ['offer_projections', 'need_projections']) {
      await q.query(`ALTER TABLE ${t} ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id()`);
      await q.query(`CREATE INDEX ${t}_changed_idx ON ${t} (changed_xid)`);
    }
    await q.query(`ALTER TABLE match_sets ADD COLUMN match_floor numeric(5,1), ADD COLUMN near_floor numeric(5,1)`);
    await q.query(`
      CREATE TABLE rescore_queue (
        need_id uuid PRIMARY KEY,
        trigger text NOT NULL,
        enqueued_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX rescore_queue_order_idx ON rescore_queue (enqueued_at, need_id)`);
    await q.query(`CREATE INDEX rescore_queue_trigger_idx ON rescore_queue (trigger)`);
    await q.query(`
      CREATE TABLE rescore_jobs (
        id uuid PRIMARY KEY,
        total int NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rescore_jobs`);
    await q.query(`DROP TABLE rescore_queue`);
    await q.query(`ALTER TABLE match_sets DROP COLUMN near_floor, DROP COLUMN match_floor`);
    for (const t of ['need_projections', 'offer_projections']) {
      await q.query(`DROP INDEX ${t}_changed_idx`);
      await q.query(`ALTER TABLE ${t} DROP COLUMN changed_xid`);
    }
  }
}
