import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventTypes, Topics, createEnvelope, sourceOf } from '@techbridge/contracts';
import { TopicCollector, createTestDataSource, testBrokers, waitFor } from '@techbridge/testing';
import {
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  MessagingLogger,
  OutboxPublisher,
  OutboxRelay,
  createKafka,
} from '../index';

jest.setTimeout(120_000);

const quiet: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
const offerEvent = (subject: string) =>
  createEnvelope({
    type: EventTypes.OfferUpdated,
    source: sourceOf('catalog'),
    subject,
    data: { id: subject, version: 1 },
  });

/**
 * OutboxPublisher.publishWith: the state change and its event in one statement (issue 14 §1, the write
 * path) keeps the outbox guarantee — both rows or neither — and the relay still wakes up and sends.
 */
describe('OutboxPublisher.publishWith: change and event in one statement (integration)', () => {
  let dataSource: DataSource;
  let url: string;
  let kafka: Kafka;
  let relay: OutboxRelay | undefined;
  let collector: TopicCollector;
  const publisher = new OutboxPublisher();
  const insertItem = (id: string, name: string | null) => ({
    sql: `INSERT INTO items (id, name) VALUES ($1, $2)`,
    params: [id, name],
  });
  const count = async (sql: string, params: unknown[]) => Number((await dataSource.query(sql, params))[0].n);

  beforeAll(async () => {
    ({ dataSource, url } = await createTestDataSource('messaging_publish_with', {
      entities: MESSAGING_ENTITIES,
      migrations: MESSAGING_MIGRATIONS,
    }));
    await dataSource.query(`CREATE TABLE items (id uuid PRIMARY KEY, name text NOT NULL)`);
    kafka = createKafka(testBrokers(), 'messaging-int-publish-with', quiet);
    collector = await new TopicCollector(kafka, [Topics.CatalogOffer]).start();
  });
  afterAll(async () => {
    await relay?.stop();
    await collector?.stop();
    await dataSource?.destroy();
  });

  it('writes both rows; the relay, woken by the NOTIFY, sends the event', async () => {
    relay = new OutboxRelay({ dataSource, databaseUrl: url, kafka, logger: quiet, fallbackPollMs: 600_000 });
    await relay.start();
    const id = randomUUID();
    const ev = offerEvent(id);
    await publisher.publishWith(dataSource, insertItem(id, 'drip irrigation'), Topics.CatalogOffer, ev);
    expect(await count(`SELECT count(*) AS n FROM items WHERE id = $1`, [id])).toBe(1);
    // The poll interval is ten minutes: only the NOTIFY can have woken the relay this fast.
    const [msg] = await waitFor(
      () => collector.of(Topics.CatalogOffer).filter((m) => m.key === id),
      (l) => l.length === 1,
      { what: 'the event on the topic' },
    );
    expect(msg.json().id).toBe(ev.id);
  });

  it('a change that fails writes no event', async () => {
    const id = randomUUID();
    const ev = offerEvent(id);
    await expect(
      publisher.publishWith(dataSource, insertItem(id, null), Topics.CatalogOffer, ev),
    ).rejects.toThrow(/null value/);
    expect(await count(`SELECT count(*) AS n FROM outbox_messages WHERE id = $1`, [ev.id])).toBe(0);
  });

  it('an event that cannot be written undoes the change', async () => {
    const first = randomUUID();
    const ev = offerEvent(first);
    await publisher.publishWith(dataSource, insertItem(first, 'first'), Topics.CatalogOffer, ev);
    const second = randomUUID();
    // the same event id again: the outbox insert violates its primary key
    await expect(
      publisher.publishWith(dataSource, insertItem(second, 'second'), Topics.CatalogOffer, ev),
    ).rejects.toThrow(/duplicate key/);
    expect(await count(`SELECT count(*) AS n FROM items WHERE id = $1`, [second])).toBe(0);
  });
});
