import { DataSource } from 'typeorm';
import { OutageBroker, waitFor } from '@techbridge/testing';
import { api, registerEnterprise } from '../e2e/support/api';
import { offerBody } from '../e2e/support/catalog-bodies';
import { Stack, startStack } from '../support/stack';

jest.setTimeout(240_000);

// Below Linux's ephemeral range (32768–60999): a port in it can be taken by an outgoing connection meanwhile.
const BROKER_PORT = 29492;

/**
 * Issue 9 §5: services start while the broker is down, answer reads, accept writes into their outbox,
 * say in /health/ready which dependency is missing, and drain everything once the broker is back.
 */
describe('services started while Kafka is down (integration)', () => {
  const broker = new OutageBroker('start-without-kafka', BROKER_PORT);
  let stack: Stack;

  afterAll(async () => {
    await stack?.stop();
    await broker.stop();
  });

  it('start, serve reads and writes, report Kafka missing, and drain once the broker starts', async () => {
    // Nothing listens on the broker's port yet.
    stack = await startStack({
      name: 'no_kafka',
      services: ['profiles', 'catalog', 'matching'],
      env: { KAFKA_BROKERS: `127.0.0.1:${BROKER_PORT}` },
    });
    const g = api(stack.gatewayUrl);
    expect((await g.get('/v1/taxonomy/sectors')).status).toBe(200);
    const cn = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
    const profilesDb = stack.apps.profiles!.get(DataSource);
    const pending = async () => (await profilesDb.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE published_at IS NULL`))[0].n;
    expect(await pending()).toBe(2); // the enterprise and its key, waiting in the outbox

    for (const service of ['profiles', 'catalog', 'matching'] as const) {
      const live = await fetch(`${stack.urls[service]}/health`);
      expect(live.status).toBe(200);
      const ready = await fetch(`${stack.urls[service]}/health/ready`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { details: Record<string, { status: string }> };
      expect(body.details.kafka).toMatchObject({ status: 'down' });
      expect(body.details.database).toMatchObject({ status: 'up' });
    }

    await broker.start({ fresh: true });
    expect(broker.brokers).toBe(`127.0.0.1:${BROKER_PORT}`);
    await waitFor(pending, (n) => n === 0, { what: 'profiles’ outbox drained', timeoutMs: 90_000 });
    for (const service of ['profiles', 'catalog', 'matching'] as const) {
      await waitFor(async () => (await fetch(`${stack.urls[service]}/health/ready`)).status, (s) => s === 200, {
        what: `${service} ready`,
        timeoutMs: 90_000,
      });
    }
    // Catalog learnt the enterprise and its key from the topics: the key works and publishing succeeds.
    const created = await waitFor(() => g.post('/v1/offers?publish=true', offerBody(), cn.apiKey), (r) => r.status === 201, {
      what: 'an offer published with the new key',
      timeoutMs: 60_000,
    });
    expect(created.json.status).toBe('published');
  });
});
