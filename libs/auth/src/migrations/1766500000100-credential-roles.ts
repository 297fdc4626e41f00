import { MigrationInterface, QueryRunner } from 'typeorm';

/** A stored credential is an enterprise's or an organiser's: the admin key only ever comes from config. */
export class CredentialRoles1766500000100 implements MigrationInterface {
  name = 'CredentialRoles1766500000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM credentials WHERE role NOT IN ('enterprise', 'organiser')`);
    await q.query(`ALTER TABLE credentials ADD CONSTRAINT credentials_role_check CHECK (role IN ('enterprise', 'organiser'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credentials DROP CONSTRAINT IF EXISTS credentials_role_check`);
  }
}
