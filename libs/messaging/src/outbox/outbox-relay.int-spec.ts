import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventTypes, Topics, createEnvelope, sourceOf } from '@techbridge/contracts';
import { TopicCollector, createTestDataSource, testBrokers, waitFor } from '@techbridge/testing';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS, MessagingLogger, OutboxPublisher, OutboxRelay, createKafka } from '../index';

jest.setTimeout(120_000);

const TOPIC = Topics.CatalogOffer;
const quiet: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** An offer-shaped event; `text` makes it as long as we need (Chinese: 3 bytes a character). */
function event(subject: string, version = 1, text = '太阳能光伏水泵') {
  return createEnvelope({
    type: EventTypes.OfferUpdated,
    source: sourceOf('catalog'),
    subject,
    data: { id: subject, version, description: text },
  });
}

/**
 * Issue 9 §4: one outbox row that can never be sent (a topic that does not exist, a record over the
 * broker's size limit) must not stop the others; batches stay under the broker's request limit.
 */
describe('outbox relay with rows that cannot be sent (integration)', () => {
  let dataSource: DataSource;
  let url: string;
  let kafka: Kafka;
  let relay: OutboxRelay | undefined;
  let collector: TopicCollector;

  beforeAll(async () => {
    ({ dataSource, url } = await createTestDataSource('messaging_relay_parking', { entities: MESSAGING_ENTITIES, migrations: MESSAGING_MIGRATIONS }));
    kafka = createKafka(testBrokers(), 'messaging-int-parking', quiet);
    collector = await new TopicCollector(kafka, [TOPIC]).start();
  });
  afterEach(async () => {
    await relay?.stop();
    relay = undefined;
    await dataSource.query(`DELETE FROM outbox_messages`);
  });
  afterAll(async () => {
    await collector?.stop();
    await dataSource?.destroy();
  });

  const write = (topic: string, envelope: ReturnType<typeof event>) =>
    dataSource.transaction((m) => new OutboxPublisher().publish(m, topic, envelope));
  const start = async () => {
    relay = new OutboxRelay({ dataSource, databaseUrl: url, kafka, logger: quiet, batchSize: 50 });
    await relay.start();
    return relay;
  };
  const received = (keys: string[]) => collector.of(TOPIC).filter((m) => keys.includes(m.key ?? ''));

  it('parks a row for a topic that does not exist; every other row, and later rows of its key, keep flowing', async () => {
    const badKey = randomUUID();
    const bad = event(badKey, 1);
    await write('catalog.offer.v0-does-not-exist', bad);
    const goodKeys = Array.from({ length: 20 }, () => randomUUID());
    for (const k of goodKeys) await write(TOPIC, event(k));
    const laterOfBadKey = event(badKey, 2);
    await write(TOPIC, laterOfBadKey);

    const r = await start();
    await waitFor(() => received([...goodKeys, badKey]), (l) => l.length === 21, { what: 'the 21 sendable rows', timeoutMs: 60_000 });
    const [row] = await waitFor(
      () => dataSource.query(`SELECT parked_at, attempts, last_error, published_at FROM outbox_messages WHERE id = $1`, [bad.id]),
      (rows: any[]) => rows[0]?.parked_at !== null,
      { what: 'the bad row parked', timeoutMs: 30_000 },
    );
    expect(row.published_at).toBeNull();
    expect(row.attempts).toBeGreaterThanOrEqual(1);
    expect(row.last_error).toMatch(/UNKNOWN_TOPIC_OR_PARTITION|does not host this topic/);
    const stats = await r.stats();
    expect(stats).toMatchObject({ connected: true, pending: 0, parked: 1 });
    expect(received([badKey]).map((m) => m.json().id)).toEqual([laterOfBadKey.id]);
  });

  it('splits long Chinese snapshots of one key into requests under the broker limit, in order, and parks one too large to send', async () => {
    const key = randomUUID();
    // 30 snapshots of ~60 KB on one partition: 1.8 MB, more than the broker accepts in one batch.
    const long = '耐高温长粒型杂交水稻种子生产技术与滴灌光伏水泵系统。'.repeat(800);
    const versions = Array.from({ length: 30 }, (_, i) => event(key, i + 1, long));
    for (const e of versions.slice(0, 15)) await write(TOPIC, e);
    const huge = event(key, 16, long.repeat(20)); // ~1.2 MB alone: can never be sent
    await write(TOPIC, huge);
    for (const e of versions.slice(16)) await write(TOPIC, e);

    const r = await start();
    const got = await waitFor(() => received([key]), (l) => l.length === 29, { what: '29 snapshots', timeoutMs: 60_000 });
    expect(got.map((m) => m.json().data.version)).toEqual([...Array.from({ length: 15 }, (_, i) => i + 1), ...Array.from({ length: 14 }, (_, i) => i + 17)]);
    const [row] = await dataSource.query(`SELECT parked_at, last_error FROM outbox_messages WHERE id = $1`, [huge.id]);
    expect(row.parked_at).not.toBeNull();
    expect(row.last_error).toMatch(/TOO_LARGE/);
    expect((await r.stats()).parked).toBe(1);
  });
});
