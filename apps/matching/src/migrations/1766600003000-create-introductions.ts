import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Introductions between the owners of a need and an offer, and their outcome ledger. One open
 * (requested or accepted) introduction per pair; the partial indexes serve the expiry and reminder
 * sweeps, the per-enterprise lists and the daily cap.
 */
export class CreateIntroductions1766600003000 implements MigrationInterface {
  name = 'CreateIntroductions1766600003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE introductions (
        id uuid PRIMARY KEY,
        need_id uuid NOT NULL,
        offer_id uuid NOT NULL,
        need_enterprise_id uuid NOT NULL,
        offer_enterprise_id uuid NOT NULL,
        requested_by text NOT NULL CHECK (requested_by IN ('need', 'offer')),
        requester_enterprise_id uuid NOT NULL,
        recipient_enterprise_id uuid NOT NULL,
        message text NOT NULL,
        language text NOT NULL,
        status text NOT NULL CHECK (status IN ('requested', 'accepted', 'declined', 'expired')),
        mutual boolean NOT NULL DEFAULT false,
        decline_reason text,
        decline_text text,
        sectors text[] NOT NULL DEFAULT '{}',
        workshop_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        expires_at timestamptz NOT NULL,
        remind_at timestamptz,
        reminded_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX introductions_open_pair_idx ON introductions (need_id, offer_id) WHERE status IN ('requested', 'accepted')`);
    await q.query(`CREATE INDEX introductions_requester_idx ON introductions (requester_enterprise_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX introductions_recipient_idx ON introductions (recipient_enterprise_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX introductions_expiry_idx ON introductions (expires_at) WHERE status = 'requested'`);
    await q.query(`CREATE INDEX introductions_reminder_idx ON introductions (remind_at) WHERE status = 'requested' AND reminded_at IS NULL`);
    await q.query(`CREATE INDEX introductions_workshop_idx ON introductions (workshop_id) WHERE workshop_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE introduction_outcomes (
        id uuid PRIMARY KEY,
        introduction_id uuid REFERENCES introductions (id),
        enterprise_a uuid NOT NULL,
        enterprise_b uuid NOT NULL,
        stage text NOT NULL,
        reason text,
        source text NOT NULL CHECK (source IN ('party', 'workshop')),
        recorded_by uuid,
        workshop_id uuid,
        meeting_id uuid,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX introduction_outcomes_introduction_idx ON introduction_outcomes (introduction_id, recorded_at)`);
    await q.query(`CREATE UNIQUE INDEX introduction_outcomes_meeting_idx ON introduction_outcomes (meeting_id) WHERE meeting_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE introduction_outcomes`);
    await q.query(`DROP TABLE introductions`);
  }
}
