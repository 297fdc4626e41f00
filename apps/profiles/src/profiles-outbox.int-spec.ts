import { EventTypes, Topics } from '@techbridge/contracts';
import { createKafka } from '@techbridge/messaging';
import { OutageBroker, readWholeTopic, waitFor } from '@techbridge/testing';
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
    // The enterprise's rows: its snapshot (key = enterprise id) and its key (key = key id).
    const mine = `(key = $1 OR payload->'data'->>'principalId' = $1)`;
    const pending = await dataSource.query(`SELECT event_type, topic FROM outbox_messages WHERE ${mine} AND published_at IS NULL ORDER BY seq`, [id]);
    expect(pending).toEqual([
      { event_type: EventTypes.EnterpriseRegistered, topic: Topics.ProfilesEnterprise },
      { event_type: EventTypes.CredentialIssued, topic: Topics.ProfilesCredential },
    ]);

    await broker.start();
    await waitFor(
      async () => (await dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE ${mine} AND published_at IS NULL`, [id]))[0].n,
      (n) => n === 0,
      { what: 'the outbox rows to be published', timeoutMs: 60000 },
    );

    // The private broker's topics hold only this test's events: read them all and count.
    const kafka = createKafka(broker.brokers, 'profiles-outage-reader', quiet);
    const enterpriseRecords = await readWholeTopic(kafka, Topics.ProfilesEnterprise);
    const credentialRecords = await readWholeTopic(kafka, Topics.ProfilesCredential);
    expect(enterpriseRecords.map((r) => [r.key, JSON.parse(r.value!).type])).toEqual([[id, EventTypes.EnterpriseRegistered]]);
    expect(credentialRecords).toHaveLength(1);
    const credential = JSON.parse(credentialRecords[0].value!);
    expect(credential.type).toBe(EventTypes.CredentialIssued);
    expect(credential.data.principalId).toBe(id);
    expect(credentialRecords[0].key).toBe(credential.data.keyId);
  });
});
