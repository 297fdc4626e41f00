import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorkshops1766500004000 implements MigrationInterface {
  name = 'CreateWorkshops1766500004000';

  async up(q: QueryRunner): Promise<void> {
    // workshops' copy of profiles.enterprise.v2: names for reports, who may take part
    await q.query(`
      CREATE TABLE known_enterprises (
        enterprise_id uuid PRIMARY KEY,
        legal_name text NOT NULL,
        english_name text NOT NULL,
        country char(2) NOT NULL,
        region text,
        languages text[] NOT NULL DEFAULT '{}',
        status text NOT NULL,
        version int NOT NULL
      )`);
    await q.query(`
      CREATE TABLE workshops (
        id uuid PRIMARY KEY,
        organiser_id uuid NOT NULL,
        title jsonb NOT NULL,
        mode text NOT NULL,
        status text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        slot_minutes int NOT NULL,
        session jsonb NOT NULL,
        venues jsonb NOT NULL,
        sectors text[] NOT NULL DEFAULT '{}',
        interpreters jsonb NOT NULL DEFAULT '[]',
        countries text[] NOT NULL DEFAULT '{CN,PK}',
        default_max_meetings int,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX workshops_organiser_idx ON workshops (organiser_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX workshops_listing_idx ON workshops (status, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE participants (
        workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        enterprise_id uuid NOT NULL,
        status text NOT NULL,
        attendance jsonb NOT NULL,
        availability jsonb,
        languages text[] NOT NULL DEFAULT '{}',
        max_meetings int,
        offer_ids uuid[],
        need_ids uuid[],
        applied_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        PRIMARY KEY (workshop_id, enterprise_id)
      )`);
    await q.query(`CREATE INDEX participants_enterprise_idx ON participants (enterprise_id)`);
    await q.query(`
      CREATE TABLE wishes (
        workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        from_enterprise uuid NOT NULL,
        to_enterprise uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workshop_id, from_enterprise, to_enterprise)
      )`);
    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY,
        workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        status text NOT NULL,
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        parts_expected int,
        parts_received int NOT NULL DEFAULT 0,
        failure_reason text,
        model jsonb,
        schedule jsonb,
        completed_at timestamptz
      )`);
    await q.query(`CREATE INDEX reports_workshop_idx ON reports (workshop_id, requested_at DESC, id DESC)`);
    await q.query(`CREATE INDEX reports_open_idx ON reports (requested_at) WHERE status IN ('pending', 'computing')`);
    await q.query(`
      CREATE TABLE report_parts (
        report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        part int NOT NULL,
        payload jsonb NOT NULL,
        PRIMARY KEY (report_id, part)
      )`);
    await q.query(`
      CREATE TABLE meeting_outcomes (
        meeting_id uuid PRIMARY KEY,
        workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        report_id uuid NOT NULL,
        outcome text NOT NULL,
        note text,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX meeting_outcomes_workshop_idx ON meeting_outcomes (workshop_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['meeting_outcomes', 'report_parts', 'reports', 'wishes', 'participants', 'workshops', 'known_enterprises']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
