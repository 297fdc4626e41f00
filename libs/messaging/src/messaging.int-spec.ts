import { randomUUID } from 'node:crypto';
import { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventTypes, Topics, createEnvelope, dlqTopicOf, sourceOf } from '@techbridge/contracts';
import { OutageBroker, TopicCollector, createTestDataSource, testBrokers, waitFor } from '@techbridge/testing';

import {
  DeadLetterPublisher,
  InboxConsumer,
  InboxRetentionJob,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  MessagingLogger,
  OutboxPublisher,
  OutboxRelay,
  createKafka,
  replayDeadLetters,
  rewindConsumerGroup,
} from './index';

jest.setTimeout(120_000);

const TOPIC = Topics.ProfilesEnterprise;
const quiet: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** A valid enterprise event (the topic's contract) whose subject is the Kafka key. */
function event(subject: string, version = 1, type: string = EventTypes.EnterpriseRegistered) {
  return createEnvelope({
    type,
    source: sourceOf('profiles'),
    subject,
    data: {
      enterpriseId: subject,
      legalName: '测试有限公司',
      englishName: 'Test Co.',
      country: 'CN',
      region: 'CN-YN',
      organisationType: 'company',
      sizeBand: null,
      sectors: ['energy/solar-pv'],
      languages: ['zh-Hans'],
      website: null,
      status: 'active',
      version,
      updatedAt: new Date().toISOString(),
    },
  });
}

async function openDb(name: string): Promise<{ dataSource: DataSource; url: string }> {
  const db = await createTestDataSource(name, { entities: MESSAGING_ENTITIES, migrations: MESSAGING_MIGRATIONS });
  // Test-only state a handler changes: one counter per aggregate.
  await db.dataSource.query(`CREATE TABLE test_counters (subject uuid PRIMARY KEY, applied int NOT NULL)`);
  return db;
}

async function publishInTx(ds: DataSource, envelope: ReturnType<typeof event>): Promise<void> {
  await ds.transaction((m) => new OutboxPublisher().publish(m, TOPIC, envelope));
}

describe('outbox relay', () => {
  let db: { dataSource: DataSource; url: string };
  let kafka: Kafka;
  const relays: OutboxRelay[] = [];
  const collectors: TopicCollector[] = [];

  beforeAll(async () => {
    db = await openDb('messaging_outbox');
    kafka = createKafka(testBrokers(), 'messaging-int-outbox', quiet);
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await Promise.all(collectors.splice(0).map((c) => c.stop()));
  });
  afterAll(async () => {
    await db?.dataSource.destroy();
  });

  const relay = async () => {
    const r = new OutboxRelay({ dataSource: db.dataSource, databaseUrl: db.url, kafka, logger: quiet, batchSize: 20 });
    relays.push(r);
    await r.start();
    return r;
  };
  const collect = async (topics = [TOPIC]) => {
    const c = await new TopicCollector(kafka, topics).start();
    collectors.push(c);
    return c;
  };

  it('a rolled-back transaction publishes nothing (a marker committed after it arrives, it never does)', async () => {
    const collector = await collect();
    await relay();
    const rolledBack = event(randomUUID());
    await expect(
      db.dataSource.transaction(async (m) => {
        await new OutboxPublisher().publish(m, TOPIC, rolledBack);
        throw new Error('business rule failed after the event was written');
      }),
    ).rejects.toThrow('business rule failed');
    const marker = event(randomUUID());
    await publishInTx(db.dataSource, marker);

    await waitFor(() => collector.of(TOPIC).some((m) => m.json().id === marker.id), Boolean, { what: 'the marker event' });
    expect(collector.of(TOPIC).some((m) => m.json().id === rolledBack.id)).toBe(false);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE id = $1`, [rolledBack.id]);
    expect(n).toBe(0);
  });

  it('publishes once, with key = subject and the CloudEvents headers', async () => {
    const collector = await collect();
    const r = await relay();
    const e = event(randomUUID());
    await publishInTx(db.dataSource, e);
    await r.flush();
    const got = await waitFor(() => collector.of(TOPIC).filter((m) => m.json().id === e.id), (l) => l.length === 1, { what: 'the event' });
    expect(got[0].key).toBe(e.subject);
    expect(got[0].headers).toMatchObject({ 'ce-type': e.type, 'ce-id': e.id });
  });

  it('keeps per-key order with two relays draining the same outbox at once', async () => {
    const collector = await collect();
    await Promise.all([relay(), relay()]);
    const keys: string[] = [randomUUID(), randomUUID(), randomUUID()];
    const perKey = 40;
    // Interleaved commits across keys, concurrently with both relays waking on every NOTIFY.
    for (let v = 1; v <= perKey; v++) {
      await Promise.all(keys.map((k) => publishInTx(db.dataSource, event(k, v))));
    }
    const mine = () => collector.of(TOPIC).filter((m) => keys.includes(m.key ?? ''));
    await waitFor(mine, (l) => l.length >= keys.length * perKey, { what: `${keys.length * perKey} events`, timeoutMs: 30000 });
    for (const k of keys) {
      const versions = mine()
        .filter((m) => m.key === k)
        .map((m) => m.json().data.version);
      expect(versions).toEqual(Array.from({ length: perKey }, (_, i) => i + 1));
    }
    // A relay marks its rows after the broker acknowledged them: the consumer can see the last events
    // a moment before their rows are marked.
    const pending = async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE published_at IS NULL`))[0].n;
    expect(await waitFor(pending, (n) => n === 0, { what: 'every outbox row marked published', timeoutMs: 30000 })).toBe(0);
  });
});

describe('outbox relay across a broker outage', () => {
  const broker = new OutageBroker('messaging', 49092);
  let db: { dataSource: DataSource; url: string };
  let relay: OutboxRelay | undefined;

  beforeAll(async () => {
    db = await openDb('messaging_outage');
    await broker.start({ fresh: true });
  });
  afterAll(async () => {
    await relay?.stop();
    await db?.dataSource.destroy();
    await broker.stop();
  });

  it('publishes a row committed while the broker was down once the broker is back', async () => {
    const warnings: string[] = [];
    const logger: MessagingLogger = { log: () => undefined, error: (m) => warnings.push(m), warn: (m) => warnings.push(m) };
    const kafka = createKafka(broker.brokers, 'messaging-int-outage', quiet);
    relay = new OutboxRelay({ dataSource: db.dataSource, databaseUrl: db.url, kafka, logger });
    await relay.start();

    await broker.stop();
    const e = event(randomUUID());
    await publishInTx(db.dataSource, e);
    // The relay tried and failed: the row is still pending, nothing was lost.
    await waitFor(() => warnings.some((w) => /publish failed/.test(w)), Boolean, { what: 'a failed publish attempt', timeoutMs: 60000 });
    const pending = await db.dataSource.query(`SELECT published_at FROM outbox_messages WHERE id = $1`, [e.id]);
    expect(pending).toEqual([{ published_at: null }]);

    await broker.start();
    await waitFor(
      async () => (await db.dataSource.query(`SELECT published_at FROM outbox_messages WHERE id = $1`, [e.id]))[0].published_at,
      Boolean,
      { what: 'the row to be marked published', timeoutMs: 60000 },
    );

    // Read the (otherwise empty) topic of this private broker from the start: exactly one copy.
    const reader = createKafka(broker.brokers, 'messaging-int-outage-reader', quiet).consumer({ groupId: `outage-reader-${randomUUID()}`, maxWaitTimeInMs: 50 });
    const seen: string[] = [];
    await reader.connect();
    await reader.subscribe({ topic: TOPIC, fromBeginning: true });
    await reader.run({ eachMessage: async ({ message }) => void seen.push(JSON.parse(String(message.value)).id) });
    try {
      await waitFor(() => seen.includes(e.id), Boolean, { what: 'the event on the broker', timeoutMs: 30000 });
    } finally {
      await reader.disconnect();
    }
    expect(seen.filter((id) => id === e.id)).toHaveLength(1);
  });
});

describe('inbox consumer', () => {
  let db: { dataSource: DataSource; url: string };
  let kafka: Kafka;
  let producer: Producer;
  let deadLetters: DeadLetterPublisher;
  const consumers: InboxConsumer[] = [];
  const collectors: TopicCollector[] = [];

  beforeAll(async () => {
    db = await openDb('messaging_inbox');
    kafka = createKafka(testBrokers(), 'messaging-int-inbox', quiet);
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    deadLetters = new DeadLetterPublisher(kafka);
    await deadLetters.connect();
  });
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
    await Promise.all(collectors.splice(0).map((c) => c.stop()));
  });
  afterAll(async () => {
    await producer?.disconnect();
    await deadLetters?.disconnect();
    await db?.dataSource.destroy();
  });

  const countOf = async (subject: string): Promise<number> =>
    (await db.dataSource.query(`SELECT applied FROM test_counters WHERE subject = $1`, [subject]))[0]?.applied ?? 0;

  /** Increments the aggregate's counter in the inbox transaction. */
  const increment = async (e: { subject: string }, ctx: { manager: any }) => {
    await ctx.manager.query(
      `INSERT INTO test_counters (subject, applied) VALUES ($1, 1) ON CONFLICT (subject) DO UPDATE SET applied = test_counters.applied + 1`,
      [e.subject],
    );
  };

  const consume = async (name: string, handlers: Record<string, any>, groupId = `test-${name}-${randomUUID()}`, maxAttempts = 3) => {
    const c = new InboxConsumer(kafka, db.dataSource, deadLetters, { consumer: name, groupId, topics: [TOPIC], handlers, maxAttempts }, quiet);
    consumers.push(c);
    await c.start();
    return { consumer: c, groupId };
  };

  const send = (key: string, value: string | Buffer) => producer.send({ topic: TOPIC, acks: -1, messages: [{ key, value }] });

  it('applies an event delivered twice once; replaying the topic from offset 0 changes nothing', async () => {
    const name = `idempotence-${randomUUID()}`;
    const { consumer, groupId } = await consume(name, { [EventTypes.EnterpriseRegistered]: increment });
    const subject = randomUUID();
    const e = event(subject);
    await send(subject, JSON.stringify(e));
    await send(subject, JSON.stringify(e)); // redelivery of the very same event
    const marker = event(subject, 2); // same key → same partition → consumed after the duplicate
    await send(subject, JSON.stringify(marker));
    await waitFor(
      async () => (await db.dataSource.query(`SELECT 1 FROM inbox_messages WHERE consumer = $1 AND event_id = $2`, [name, marker.id])).length,
      (n) => n === 1,
      { what: 'the marker in the inbox', timeoutMs: 30000 },
    );
    expect(await countOf(subject)).toBe(2); // e once + marker once, never the duplicate

    // Replay everything from offset 0 with the same group.
    await consumer.stop();
    consumers.splice(consumers.indexOf(consumer), 1);
    await rewindConsumerGroup(kafka, groupId, [TOPIC]);
    const { consumer: replaying } = await consume(name, { [EventTypes.EnterpriseRegistered]: increment }, groupId);
    const after = event(subject, 3);
    await send(subject, JSON.stringify(after));
    await waitFor(
      async () => (await db.dataSource.query(`SELECT 1 FROM inbox_messages WHERE consumer = $1 AND event_id = $2`, [name, after.id])).length,
      (n) => n === 1,
      { what: 'the post-replay marker', timeoutMs: 60000 },
    );
    // The replaying consumer re-read the older events (it processed more than the one new event)…
    expect(replaying.processedCount).toBeGreaterThanOrEqual(4);
    // …and the state moved only by the one new event.
    expect(await countOf(subject)).toBe(3);
  });

  it('dead-letters poison messages with their origin in headers and keeps consuming the partition', async () => {
    const name = `poison-${randomUUID()}`;
    const dlq = await new TopicCollector(kafka, [dlqTopicOf(TOPIC)]).start();
    collectors.push(dlq);
    const key = randomUUID();
    // A known type that belongs on another topic, from its rightful producer.
    const wrongTopic = { ...event(key), type: EventTypes.OfferPublished, source: sourceOf('catalog') };
    // A type of this topic claimed by a service that does not own it.
    const wrongSource = { ...event(key), source: sourceOf('catalog') };
    const invalidPayload = { ...event(key), data: { enterpriseId: 'not-a-uuid', version: 0 } };
    await send(key, 'this is {not json');
    await send(key, JSON.stringify(wrongTopic));
    await send(key, JSON.stringify(wrongSource));
    await send(key, JSON.stringify(invalidPayload));
    const good = event(key);
    await send(key, JSON.stringify(good));
    await consume(name, { [EventTypes.EnterpriseRegistered]: increment, [EventTypes.OfferPublished]: increment });

    const mine = () => dlq.of(dlqTopicOf(TOPIC)).filter((m) => m.key === key && m.headers['x-consumer'] === name);
    const dead = await waitFor(mine, (l) => l.length === 4, { what: '4 dead letters', timeoutMs: 30000 });
    await waitFor(() => countOf(key), (n) => n === 1, { what: 'the good message after the poison ones' });

    const offsets = dead.map((m) => Number(m.headers['x-original-offset']));
    expect(new Set(dead.map((m) => m.headers['x-original-partition'])).size).toBe(1);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    for (const m of dead) {
      expect(m.headers['x-original-topic']).toBe(TOPIC);
      expect(m.headers['x-original-partition']).toMatch(/^\d+$/);
      expect(m.headers['x-original-offset']).toMatch(/^\d+$/);
    }
    expect(dead[0].value).toBe('this is {not json');
    expect(dead[0].headers['x-error']).toMatch(/not JSON/);
    expect(dead[1].headers['x-error']).toMatch(/belongs on catalog\.offer\.v1, not on profiles\.enterprise/);
    expect(dead[2].headers['x-error']).toMatch(/produced by techbridge\/profiles/);
    expect(dead[3].headers['x-error']).toMatch(/invalid .* payload.*enterpriseId/);
  });

  it('skips and counts an unknown type from the topic’s producer (a newer version mid-deploy) and tombstones, without dead-lettering', async () => {
    const name = `upgrade-${randomUUID()}`;
    const dlq = await new TopicCollector(kafka, [dlqTopicOf(TOPIC)]).start();
    collectors.push(dlq);
    const key = randomUUID();
    // Unique per run: the shared test broker may hold this test's messages from an earlier run.
    const newerType = `techbridge.profiles.enterprise.archived${randomUUID().slice(0, 8)}.v9`;
    const newer = { ...event(key), type: newerType, data: { anything: 'new' } };
    await send(key, JSON.stringify(newer));
    await producer.send({ topic: TOPIC, acks: -1, messages: [{ key, value: null }] });
    await send(key, JSON.stringify(event(key)));
    const { consumer } = await consume(name, { [EventTypes.EnterpriseRegistered]: increment });
    await waitFor(() => countOf(key), (n) => n === 1, { what: 'the event after the unknown one' });
    const stats = consumer.stats();
    expect(stats.skippedUnknown[newerType]).toBe(1);
    expect(stats.skippedTombstones).toBeGreaterThanOrEqual(1);
    expect(dlq.of(dlqTopicOf(TOPIC)).filter((m) => m.key === key)).toEqual([]);
  });

  it('retries a failing handler maxAttempts times, then dead-letters it and moves on', async () => {
    const name = `failing-${randomUUID()}`;
    const dlq = await new TopicCollector(kafka, [dlqTopicOf(TOPIC)]).start();
    collectors.push(dlq);
    const key = randomUUID();
    const failing = event(key, 1, EventTypes.EnterpriseUpdated);
    const next = event(key, 2, EventTypes.EnterpriseRegistered);
    let calls = 0;
    await consume(
      name,
      {
        [EventTypes.EnterpriseUpdated]: async (e: { id: string }) => {
          if (e.id === failing.id) calls += 1;
          throw new Error('handler bug: cannot apply');
        },
        [EventTypes.EnterpriseRegistered]: increment,
      },
      undefined,
      3,
    );
    await send(key, JSON.stringify(failing));
    await send(key, JSON.stringify(next));

    const [dead] = await waitFor(
      () => dlq.of(dlqTopicOf(TOPIC)).filter((m) => m.key === key && m.headers['x-consumer'] === name),
      (l) => l.length === 1,
      { what: 'the dead letter', timeoutMs: 30000 },
    );
    expect(dead.json().id).toBe(failing.id);
    expect(dead.headers).toMatchObject({ 'x-attempts': '3', 'x-original-topic': TOPIC });
    expect(dead.headers['x-error']).toMatch(/handler bug/);
    await waitFor(() => countOf(key), (n) => n === 1, { what: 'the next message on the partition' });
    expect(calls).toBe(3);
    // the failed event is not in the inbox (its effects rolled back each time)
    expect(await db.dataSource.query(`SELECT 1 FROM inbox_messages WHERE event_id = $1`, [failing.id])).toEqual([]);
  });
  it('replays dead letters through the fixed handler: the effect is applied once, a second replay finds nothing new', async () => {
    const name = `replay-${randomUUID()}`;
    const key = randomUUID();
    let fixed = false;
    const appliedAfterFix: string[] = [];
    const buggy = async (e: { id: string; subject: string }, ctx: { manager: any }) => {
      if (!fixed) throw new Error('handler bug: division by zero');
      appliedAfterFix.push(e.id);
      await increment(e, ctx);
    };
    const { consumer } = await consume(name, { [EventTypes.EnterpriseUpdated]: buggy, [EventTypes.EnterpriseRegistered]: increment });
    const failing = event(key, 1, EventTypes.EnterpriseUpdated);
    await send(key, JSON.stringify(failing));
    await send(key, JSON.stringify(event(key, 2)));
    await waitFor(() => countOf(key), (n) => n === 1, { what: 'the partition moving past the failing event' });
    const [{ n: applied }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM inbox_messages WHERE event_id = $1`, [failing.id]);
    expect(applied).toBe(0);

    // The fix is deployed (the consumer stops reading, so only the replay dead-letters from here on).
    await consumer.stop();
    fixed = true;
    // The consumer read the shared topic from its start, so it also dead-lettered other tests' events:
    // poison ones fail again on replay (and are dead-lettered again); ours is applied, once.
    const first = await replayDeadLetters(kafka, consumer);
    expect(first.replayed).toBeGreaterThanOrEqual(1);
    expect(appliedAfterFix.filter((id) => id === failing.id)).toHaveLength(1);
    expect(await countOf(key)).toBe(2);
    const second = await replayDeadLetters(kafka, consumer);
    expect(second.replayed).toBe(first.failedAgain); // only what failed again, never ours
    expect(appliedAfterFix.filter((id) => id === failing.id)).toHaveLength(1);
    expect(await countOf(key)).toBe(2);
  });

  it('survives a consumer crash (the dead-letter producer failing more often than kafkajs retries) and goes on', async () => {
    const topic = Topics.CatalogNeed;
    const name = `crash-${randomUUID()}`;
    // Fault injection: the dead-letter producer fails with a plain error, then works.
    let failures = 40; // more than kafkajs retries a failing eachMessage before it crashes
    const flaky = new (class extends DeadLetterPublisher {
      override async send(input: Parameters<DeadLetterPublisher['send']>[0]): Promise<void> {
        if (failures-- > 0) throw new Error('dead-letter store unavailable');
        return super.send(input);
      }
    })(kafka);
    const dlq = await new TopicCollector(kafka, [dlqTopicOf(topic)]).start();
    collectors.push(dlq);
    const c = new InboxConsumer(kafka, db.dataSource, flaky, { consumer: name, groupId: name, topics: [topic], handlers: {} }, quiet);
    consumers.push(c);
    const key = randomUUID();
    await producer.send({ topic, acks: -1, messages: [{ key, value: `not json ${key}` }] });
    await c.start();
    await waitFor(
      () => dlq.of(dlqTopicOf(topic)).filter((m) => m.key === key && m.headers['x-consumer'] === name),
      (l) => l.length === 1,
      { what: 'the poison message dead-lettered after the restarts', timeoutMs: 120_000 },
    );
    expect(c.stats().crashes).toBeGreaterThanOrEqual(1);
    expect(c.stats().state).toBe('running');
    await flaky.disconnect();
  });
});

describe('inbox retention', () => {
  it('deletes inbox rows older than the retention, keeps the others', async () => {
    const db = await openDb('messaging_retention');
    try {
      const insert = (age: string) =>
        db.dataSource.query(
          `INSERT INTO inbox_messages (consumer, event_id, event_type, topic, partition, "offset", processed_at)
           SELECT 'c', gen_random_uuid(), 't', 'x', 0, g, now() - $1::interval FROM generate_series(1, 7) g`,
          [age],
        );
      await insert('40 days');
      await insert('2 days');
      const job = new InboxRetentionJob({ dataSource: db.dataSource, retentionDays: 30, batchSize: 3, logger: quiet });
      expect(await job.runOnce()).toBe(7);
      const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM inbox_messages`);
      expect(n).toBe(7);
      expect(await job.runOnce()).toBe(0);
    } finally {
      await db.dataSource.destroy();
    }
  });
});
