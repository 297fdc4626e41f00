import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contact escrow: which enterprise pairs may see each other's contact details (one row per accepted
 * introduction, projected from `matching.introduction.v1`), and every time one did.
 */
export class CreateContactEscrow1766600001000 implements MigrationInterface {
  name = 'CreateContactEscrow1766600001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE contact_grants (
        introduction_id uuid PRIMARY KEY,
        enterprise_a uuid NOT NULL,
        enterprise_b uuid NOT NULL,
        granted_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE contact_reveals (
        id uuid PRIMARY KEY,
        introduction_id uuid NOT NULL REFERENCES contact_grants (introduction_id),
        viewer_enterprise_id uuid NOT NULL,
        revealed_enterprise_id uuid NOT NULL,
        revealed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX contact_reveals_revealed_idx ON contact_reveals (revealed_enterprise_id, revealed_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE contact_reveals`);
    await q.query(`DROP TABLE contact_grants`);
  }
}
