import { MigrationInterface, QueryRunner } from 'typeorm';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const envelope = (type: string, subject: string, data: string) => `jsonb_build_object(
  'specversion', '1.0', 'id', gen_random_uuid(), 'source', 'techbridge/profiles', 'type', ${type},
  'subject', ${subject}, 'time', ${iso('now()')}, 'datacontenttype', 'application/json', 'dataschemaversion', 1,
  'data', ${data})`;

/**
 * `profiles.enterprise.v1` is retired (credential events shared the enterprise's key, so compaction
 * dropped enterprise snapshots and keys). Every enterprise, organiser and credential is announced once
 * on the new topics (`profiles.enterprise.v2`, `profiles.organiser.v1`, `profiles.credential.v1`)
 * through the outbox, so consumers that start on them see the whole state. On a new database this
 * inserts nothing. Consumers apply snapshots by version, so a state they already have changes nothing.
 */
export class RepublishProfilesTopics1766500001000 implements MigrationInterface {
  name = 'RepublishProfilesTopics1766500001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      WITH e AS (
        SELECT id, ${envelope(
          `CASE WHEN status = 'deactivated' THEN 'techbridge.profiles.enterprise.deactivated.v1' ELSE 'techbridge.profiles.enterprise.updated.v1' END`,
          'id::text',
          `jsonb_build_object('enterpriseId', id, 'legalName', legal_name, 'englishName', english_name, 'country', country,
             'region', region, 'organisationType', organisation_type, 'sizeBand', size_band, 'sectors', to_jsonb(sectors),
             'languages', to_jsonb(languages), 'website', website, 'status', status, 'version', version,
             'updatedAt', ${iso('updated_at')})`,
        )} AS payload FROM enterprises ORDER BY created_at)
      INSERT INTO outbox_messages (id, topic, key, event_type, payload)
      SELECT (payload->>'id')::uuid, 'profiles.enterprise.v2', id::text, payload->>'type', payload FROM e`);
    await q.query(`
      WITH o AS (
        SELECT id, ${envelope(
          `'techbridge.profiles.organiser.registered.v1'`,
          'id::text',
          `jsonb_build_object('organiserId', id, 'name', name, 'createdAt', ${iso('created_at')})`,
        )} AS payload FROM organisers ORDER BY created_at)
      INSERT INTO outbox_messages (id, topic, key, event_type, payload)
      SELECT (payload->>'id')::uuid, 'profiles.organiser.v1', id::text, payload->>'type', payload FROM o`);
    await q.query(`
      WITH c AS (
        SELECT key_id, ${envelope(
          `CASE WHEN revoked_at IS NULL THEN 'techbridge.profiles.credential.issued.v2' ELSE 'techbridge.profiles.credential.revoked.v2' END`,
          'key_id::text',
          `jsonb_build_object('keyId', key_id, 'principalId', principal_id, 'role', role, 'keyHash', key_hash,
             'issuedAt', ${iso('issued_at')}, 'revokedAt', CASE WHEN revoked_at IS NULL THEN NULL ELSE ${iso('revoked_at')} END)`,
        )} AS payload FROM credentials WHERE role IN ('enterprise', 'organiser') ORDER BY issued_at)
      INSERT INTO outbox_messages (id, topic, key, event_type, payload)
      SELECT (payload->>'id')::uuid, 'profiles.credential.v1', key_id::text, payload->>'type', payload FROM c`);
  }

  async down(): Promise<void> {
    // Announcements cannot be taken back; nothing to undo in the schema.
  }
}
