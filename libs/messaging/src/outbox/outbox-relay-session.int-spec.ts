import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventTypes, createEnvelope, sourceOf } from '@techbridge/contracts';
import { createTestDataSource, readWholeTopic, testBrokers, waitFor } from '@techbridge/testing';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS, MessagingLogger, OutboxPublisher, OutboxRelay, createKafka } from '../index';

jest.setTimeout(120_000);

/**
 * Found by the full-size fault suite (kafka-down: broker stopped for 30 s under load): profiles' relay
 * answered every drain with OUT_OF_ORDER_SEQUENCE_NUMBER for ten minutes and published nothing. The
 * mechanism: one produce request carries several partitions; the broker appends some and refuses
 * others (NOT_LEADER while it shuts down). kafkajs then rolls back the sequence numbers of *every*
 * partition of the request, including those the broker appended, and the next request for such a
 * partition — with different rows — starts at a sequence the broker has already seen. No retry of that
 * producer repairs it (tulios/kafkajs#598). Made deterministic here with a per-partition refusal that
 * needs no outage: a record over the topic's max.message.bytes in one partition, small rows in another.
 */
describe('outbox relay when the broker and the producer disagree on sequence numbers (integration)', () => {
  let dataSource: DataSource;
  let url: string;
  let kafka: Kafka;
  let relay: OutboxRelay | undefined;
  const said: string[] = [];
  const logger: MessagingLogger = { log: () => undefined, warn: (m) => said.push(String(m)), error: (m) => said.push(String(m)) };
  const topic = `relay-session-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    ({ dataSource, url } = await createTestDataSource('messaging_relay_session', { entities: MESSAGING_ENTITIES, migrations: MESSAGING_MIGRATIONS }));
    kafka = createKafka(testBrokers(), 'messaging-int-relay-session', logger);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2, replicationFactor: 1, configEntries: [{ name: 'max.message.bytes', value: '4096' }] }], waitForLeaders: true });
    await admin.disconnect();
  });
  afterAll(async () => {
    await relay?.stop();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    await dataSource?.destroy();
  });

  /** A key the default partitioner sends to `partition` (of 2). */
  const keyFor = (partition: number): string => {
    const partitioner = Partitioners.DefaultPartitioner();
    const partitionMetadata = [0, 1].map((partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], partitionErrorCode: 0, offlineReplicas: [] }));
    for (;;) {
      const key = randomUUID();
      if (partitioner({ topic, partitionMetadata, message: { key, value: null } }) === partition) return key;
    }
  };
  const write = (subject: string, text = '') =>
    dataSource.transaction((m) =>
      new OutboxPublisher().publish(m, topic, createEnvelope({ type: EventTypes.OfferUpdated, source: sourceOf('catalog'), subject, data: { id: subject, version: 1, text } })),
    );

  it('starts a new producer session, so the rows after a partly refused request still go out', async () => {
    const small = [keyFor(0), keyFor(0)];
    const tooLarge = keyFor(1);
    for (const k of small) await write(k);
    await write(tooLarge, '滴灌'.repeat(2000)); // ~12 KB: the broker refuses it for partition 1 only
    relay = new OutboxRelay({ dataSource, databaseUrl: url, kafka, logger, fallbackPollMs: 200 });
    await relay.start();
    await waitFor(
      () => dataSource.query(`SELECT parked_at FROM outbox_messages WHERE key = $1`, [tooLarge]),
      (rows: { parked_at: Date | null }[]) => rows[0]?.parked_at !== null,
      { what: 'the too-large row parked', timeoutMs: 60_000 },
    );
    const later = keyFor(0);
    await write(later);
    const pending = () => dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE published_at IS NULL AND parked_at IS NULL`).then((r) => Number(r[0].n));
    await waitFor(pending, (n) => n === 0, { what: `every sendable row published (the relay last said: ${said.slice(-1)[0] ?? 'nothing'})`, timeoutMs: 30_000, intervalMs: 200 });
    const onTopic = (await readWholeTopic(kafka, topic)).map((r) => r.key);
    // At least once: rows of a refused request may be on the topic twice, never missing.
    expect(new Set(onTopic)).toEqual(new Set([...small, later]));
    expect(said.join('\n')).toMatch(/OUT_OF_ORDER_SEQUENCE_NUMBER[^\n]*starting a new one/);
  });
});
