import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMatching1766400003000 implements MigrationInterface {
  name = 'CreateMatching1766400003000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of ['offer_projections', 'need_projections']) {
      await q.query(`
        CREATE TABLE ${t} (
          id uuid PRIMARY KEY,
          enterprise_id uuid NOT NULL,
          version int NOT NULL,
          status text NOT NULL,
          snapshot jsonb NOT NULL
        )`);
      await q.query(`CREATE INDEX ${t}_enterprise_idx ON ${t} (enterprise_id)`);
      await q.query(`CREATE INDEX ${t}_live_idx ON ${t} (status) WHERE status = 'published'`);
    }
    await q.query(`
      CREATE TABLE match_sets (
        need_id uuid PRIMARY KEY,
        enterprise_id uuid NOT NULL,
        need_version int NOT NULL,
        revision int NOT NULL,
        match_set_id uuid NOT NULL,
        fingerprint text NOT NULL,
        hint jsonb,
        status text NOT NULL,
        match_count int NOT NULL,
        trigger text NOT NULL,
        computed_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE matches (
        need_id uuid NOT NULL REFERENCES match_sets (need_id) ON DELETE CASCADE,
        offer_id uuid NOT NULL,
        kind text NOT NULL,
        rank int NOT NULL,
        score numeric(5,1) NOT NULL,
        components jsonb NOT NULL,
        matched_terms jsonb NOT NULL,
        reasons jsonb NOT NULL,
        near_miss jsonb,
        PRIMARY KEY (need_id, offer_id)
      )`);
    await q.query(`CREATE INDEX matches_offer_idx ON matches (offer_id)`);
    await q.query(`CREATE INDEX matches_rank_idx ON matches (need_id, kind, rank)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE matches`);
    await q.query(`DROP TABLE match_sets`);
    await q.query(`DROP TABLE need_projections`);
    await q.query(`DROP TABLE offer_projections`);
  }
}
