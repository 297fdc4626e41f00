import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCredentials1766400000100 implements MigrationInterface {
  name = 'CreateCredentials1766400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS credentials (
        key_id uuid PRIMARY KEY,
        principal_id uuid NOT NULL,
        role text NOT NULL,
        key_hash char(64) NOT NULL UNIQUE,
        issued_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX IF NOT EXISTS credentials_principal_idx ON credentials (principal_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS credentials`);
  }
}
