import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A unique contact email told anyone who changed their own profile's email whether that address was
 * registered (409). Registration still refuses an email in use (checked under a lock), but a profile
 * may name a contact person another firm also names: nothing to learn from a PATCH any more.
 */
export class ContactEmailNotUnique1766500001100 implements MigrationInterface {
  name = 'ContactEmailNotUnique1766500001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS enterprises_contact_email_uq`);
    await q.query(`CREATE INDEX IF NOT EXISTS enterprises_contact_email_idx ON enterprises (lower(contact_email)) WHERE status = 'active'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS enterprises_contact_email_idx`);
    await q.query(`CREATE UNIQUE INDEX enterprises_contact_email_uq ON enterprises (lower(contact_email)) WHERE status = 'active'`);
  }
}
