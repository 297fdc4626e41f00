import { DataSource } from 'typeorm';
import { TOPIC_SPECS } from '@techbridge/contracts';
import { createKafka } from '@techbridge/messaging';
import { OutageBroker, compactAggressively, waitFor, waitUntilCompacted } from '@techbridge/testing';
import { api, registerEnterprise } from '../e2e/support/api';
import { Stack, startStack } from '../support/stack';

jest.setTimeout(240_000);

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Issue 9 §1: after the log cleaner has run, a service that rebuilds from offset 0 must end with exactly
 * the enterprises and live API keys that profiles' database has. A private broker whose cleaner runs
 * every 100 ms, with every compacted profiles topic set to roll and compact at once.
 */
describe('compacted profiles topics rebuild every enterprise and every live key (integration)', () => {
  const broker = new OutageBroker('compaction', 59192, { 'log.cleaner.backoff.ms': 100 });
  const profilesTopics = TOPIC_SPECS.filter((t) => t.owner === 'profiles' && t.compacted).map((t) => t.name);
  let profiles: Stack;
  let catalog: Stack | undefined;

  beforeAll(async () => {
    await broker.start({ fresh: true });
    await compactAggressively(createKafka(broker.brokers, 'compaction-admin', quiet), profilesTopics);
    profiles = await startStack({ name: 'compaction_profiles', services: ['profiles'], env: { KAFKA_BROKERS: broker.brokers } });
  });
  afterAll(async () => {
    await catalog?.stop();
    await profiles?.stop();
    await broker.stop();
  });

  it('register, rotate keys, update, deactivate → compact → a fresh catalog has the same enterprises and keys', async () => {
    const p = api(profiles.gatewayUrl);
    const rotated = await registerEnterprise(profiles.gatewayUrl, { country: 'CN' });
    const updated = await registerEnterprise(profiles.gatewayUrl, { country: 'PK' });
    const deactivated = await registerEnterprise(profiles.gatewayUrl, { country: 'PK' });
    const untouched = await registerEnterprise(profiles.gatewayUrl, { country: 'CN' });

    // Two rotations: the enterprise's newest event is a credential event, its snapshot is older.
    let currentKey = rotated.apiKey;
    for (let i = 0; i < 2; i++) {
      const r = await p.post('/v1/me/api-keys', undefined, currentKey);
      expect(r.status).toBe(201);
      currentKey = r.json.apiKey;
    }
    expect((await p.patch(`/v1/enterprises/${updated.id}`, { englishName: 'Indus Agritech (Pvt) Ltd.' }, updated.apiKey)).status).toBe(200);
    // A key rotated after the update: the update is no longer the last event of its key.
    const updatedKey = (await p.post('/v1/me/api-keys', undefined, updated.apiKey)).json.apiKey as string;
    expect((await p.delete(`/v1/enterprises/${deactivated.id}`, deactivated.apiKey)).status).toBe(204);

    const profilesDb = profiles.apps.profiles!.get(DataSource);
    await waitFor(
      async () => (await profilesDb.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE published_at IS NULL`))[0].n,
      (n) => n === 0,
      { what: 'profiles outbox drained', timeoutMs: 30_000 },
    );
    const kafka = createKafka(broker.brokers, 'compaction-test', quiet);
    for (const topic of profilesTopics) await waitUntilCompacted(kafka, topic);

    // A catalog that has never seen these topics rebuilds its projections from offset 0.
    catalog = await startStack({ name: 'compaction_catalog', services: ['catalog'], env: { KAFKA_BROKERS: broker.brokers } });
    const catalogDb = catalog.apps.catalog!.get(DataSource);
    const expected = async () => ({
      enterprises: await profilesDb.query(`SELECT id::text AS id, country, status, version FROM enterprises ORDER BY id`),
      liveKeys: await profilesDb.query(
        `SELECT key_id::text AS key_id, principal_id::text AS principal_id, role FROM credentials WHERE revoked_at IS NULL ORDER BY key_id`,
      ),
    });
    const rebuilt = async () => ({
      enterprises: await catalogDb.query(
        `SELECT enterprise_id::text AS id, country, status, version FROM known_enterprises ORDER BY enterprise_id`,
      ),
      liveKeys: await catalogDb.query(
        `SELECT key_id::text AS key_id, principal_id::text AS principal_id, role FROM credentials WHERE revoked_at IS NULL ORDER BY key_id`,
      ),
    });
    const want = await expected();
    expect(want.enterprises).toHaveLength(4);
    const got = await waitFor(rebuilt, (r) => JSON.stringify(r) === JSON.stringify(want), {
      what: 'catalog rebuilt from the compacted topics to equal profiles',
      timeoutMs: 60_000,
    }).catch(async (err) => {
      // Show the difference rather than only the timeout.
      expect(await rebuilt()).toEqual(want);
      throw err;
    });
    expect(got).toEqual(want);

    // And the keys behave accordingly in the rebuilt service.
    const c = api(catalog.gatewayUrl);
    expect((await c.get('/v1/offers?mine=true', currentKey)).status).toBe(200);
    expect((await c.get('/v1/offers?mine=true', rotated.apiKey)).status).toBe(401);
    expect((await c.get('/v1/needs?mine=true', updatedKey)).status).toBe(200);
    expect((await c.get('/v1/offers?mine=true', untouched.apiKey)).status).toBe(200);
    expect((await c.get('/v1/needs?mine=true', deactivated.apiKey)).status).toBe(401);
  });
});
