import { randomUUID } from 'node:crypto';
import { EventTypes, Topics } from '@techbridge/contracts';
import { createKafka } from '@techbridge/messaging';
import { OutageBroker, waitFor } from '@techbridge/testing';
import { DataSource } from 'typeorm';
import { Stack, startStack } from '../../../test/support/stack';
import { enterpriseBody } from '../../../test/e2e/support/api';

jest.setTimeout(150_000);

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('profiles registration while Kafka is briefly down', () => {
  // A private broker: stopping it does not disturb the shared test broker.
  const broker = new OutageBroker('profiles', 49192);
  let stack: Stack;

  beforeAll(async () => {
    await broker.start({ fresh: true });
    stack = await startStack({ name: 'profiles_outage', services: ['profiles'], env: { KAFKA_BROKERS: broker.brokers } });
  });
  afterAll(async () => {
    await stack?.stop();
    await broker.stop();
  });

  it('answers 201 during the outage and publishes exactly one enterprise.registered and one credential.issued afterwards', async () => {
    const dataSource = stack.apps.profiles!.get(DataSource);
    await broker.stop();

    const res = await fetch(`${stack.gatewayUrl}/v1/enterprises`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(enterpriseBody('PK')),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const pending = await dataSource.query(`SELECT event_type FROM outbox_messages WHERE key = $1 AND published_at IS NULL ORDER BY seq`, [id]);
    expect(pending.map((r: { event_type: string }) => r.event_type)).toEqual([EventTypes.EnterpriseRegistered, EventTypes.CredentialIssued]);

    await broker.start();
    await waitFor(
      async () => (await dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE key = $1 AND published_at IS NULL`, [id]))[0].n,
      (n) => n === 0,
      { what: 'the outbox rows to be published', timeoutMs: 60000 },
    );

    // The private broker's topic holds only this test's events: read it all and count.
    const consumer = createKafka(broker.brokers, 'profiles-outage-reader', quiet).consumer({ groupId: `reader-${randomUUID()}`, maxWaitTimeInMs: 50 });
    const types: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.ProfilesEnterprise, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const e = JSON.parse(String(message.value));
        if (e.subject === id && String(message.key) === id) types.push(e.type);
      },
    });
    try {
      await waitFor(() => types.length, (n) => n >= 2, { what: 'both events', timeoutMs: 30000 });
    } finally {
      await consumer.disconnect();
    }
    // Nothing else was ever written to this fresh broker: the topic holds exactly these two records.
    const admin = createKafka(broker.brokers, 'profiles-outage-admin', quiet).admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(Topics.ProfilesEnterprise).finally(() => admin.disconnect());
    expect(offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0)).toBe(2);
    expect(types.filter((t) => t === EventTypes.EnterpriseRegistered)).toHaveLength(1);
    expect(types.filter((t) => t === EventTypes.CredentialIssued)).toHaveLength(1);
    expect(types).toHaveLength(2);
  });
});
