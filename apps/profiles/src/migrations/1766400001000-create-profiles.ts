import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProfiles1766400001000 implements MigrationInterface {
  name = 'CreateProfiles1766400001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enterprises (
        id uuid PRIMARY KEY,
        legal_name text NOT NULL,
        legal_name_key text NOT NULL,
        english_name text NOT NULL,
        country char(2) NOT NULL,
        region text,
        organisation_type text NOT NULL,
        size_band text,
        sectors text[] NOT NULL DEFAULT '{}',
        website text,
        languages text[] NOT NULL DEFAULT '{}',
        contact_name text NOT NULL,
        contact_email text NOT NULL,
        contact_phone text,
        status text NOT NULL DEFAULT 'active',
        version int NOT NULL DEFAULT 1,
        -- millisecond precision: the keyset cursor carries it through JavaScript dates
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Duplicate registrations are refused by the database itself, race-free.
    await q.query(`CREATE UNIQUE INDEX enterprises_country_legal_name_uq ON enterprises (country, legal_name_key) WHERE status = 'active'`);
    await q.query(`CREATE UNIQUE INDEX enterprises_contact_email_uq ON enterprises (lower(contact_email)) WHERE status = 'active'`);
    await q.query(`CREATE INDEX enterprises_listing_idx ON enterprises (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX enterprises_sectors_idx ON enterprises USING gin (sectors)`);
    await q.query(`
      CREATE TABLE organisers (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        organisation text,
        email text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organisers_email_uq ON organisers (lower(email))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organisers`);
    await q.query(`DROP TABLE enterprises`);
  }
}
