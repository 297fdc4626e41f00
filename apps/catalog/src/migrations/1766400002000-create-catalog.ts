import { MigrationInterface, QueryRunner } from 'typeorm';

const COMMON = `
  id uuid PRIMARY KEY,
  enterprise_id uuid NOT NULL,
  country char(2) NOT NULL,
  title text NOT NULL,
  summary text NOT NULL,
  description text NOT NULL,
  language text NOT NULL,
  sectors text[] NOT NULL,
  keywords text[] NOT NULL DEFAULT '{}',
  cooperation_modes text[] NOT NULL,
  attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
  status text NOT NULL,
  version int NOT NULL,
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  updated_at timestamptz NOT NULL DEFAULT now()`;

export class CreateCatalog1766400002000 implements MigrationInterface {
  name = 'CreateCatalog1766400002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE offers (${COMMON},
        trl int NOT NULL CHECK (trl BETWEEN 1 AND 9),
        ipr_status text NOT NULL,
        price jsonb,
        target_regions text[] NOT NULL DEFAULT '{}',
        valid_until timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE needs (${COMMON},
        min_trl int CHECK (min_trl BETWEEN 1 AND 9),
        budget jsonb,
        region text,
        deadline timestamptz,
        urgency text
      )`);
    for (const t of ['offers', 'needs']) {
      await q.query(`CREATE INDEX ${t}_listing_idx ON ${t} (status, created_at DESC, id DESC)`);
      await q.query(`CREATE INDEX ${t}_owner_idx ON ${t} (enterprise_id, status)`);
      await q.query(`CREATE INDEX ${t}_sectors_idx ON ${t} USING gin (sectors)`);
    }
    // The expiry job scans only live items whose date has passed.
    await q.query(`CREATE INDEX offers_expiry_idx ON offers (valid_until) WHERE status = 'published'`);
    await q.query(`CREATE INDEX needs_expiry_idx ON needs (deadline) WHERE status = 'published'`);
    await q.query(`
      CREATE TABLE known_enterprises (
        enterprise_id uuid PRIMARY KEY,
        country char(2) NOT NULL,
        english_name text NOT NULL,
        status text NOT NULL,
        version int NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE known_enterprises`);
    await q.query(`DROP TABLE needs`);
    await q.query(`DROP TABLE offers`);
  }
}
