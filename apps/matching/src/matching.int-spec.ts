import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventTypes, NeedSnapshotV1, OfferSnapshotV1, Topics, createEnvelope, encodeEvent } from '@techbridge/contracts';
import { createKafka, rewindConsumerGroup } from '@techbridge/messaging';
import { OutageBroker, TopicCollector, freshTestDatabase, waitFor } from '@techbridge/testing';

import { loadMatchingConfig } from './config';
import { MATCHING_ENTITIES, MATCHING_MIGRATIONS } from './database';
import { createMatchingApp } from './main';

jest.setTimeout(180_000);

const GROUP = 'matching';
const TOPICS = [Topics.CatalogOffer, Topics.CatalogNeed];
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const now = () => new Date().toISOString();
const inAYear = () => new Date(Date.now() + 365 * 86400_000).toISOString();

function offer(id: string, overrides: Partial<OfferSnapshotV1> = {}): OfferSnapshotV1 {
  return {
    id,
    enterpriseId: randomUUID(),
    country: 'CN',
    title: '太阳能光伏水泵滴灌系统',
    summary: '用于干旱地区棉花种植的光伏水泵和滴灌设备。',
    description: '光伏组件驱动直流水泵，配合滴灌带，节水百分之五十。',
    language: 'zh-Hans',
    sectors: ['agriculture/irrigation'],
    keywords: ['滴灌', '光伏水泵'],
    cooperationModes: ['equipment-supply'],
    status: 'published',
    version: 1,
    publishedAt: now(),
    updatedAt: now(),
    trl: 8,
    iprStatus: 'patent-granted',
    price: null,
    targetRegions: [],
    validUntil: inAYear(),
    ...overrides,
  };
}

function need(id: string, overrides: Partial<NeedSnapshotV1> = {}): NeedSnapshotV1 {
  return {
    id,
    enterpriseId: randomUUID(),
    country: 'PK',
    title: 'Solar drip irrigation for cotton in Sindh',
    summary: 'Drip irrigation with photovoltaic pumps for smallholders.',
    description: 'We need drip irrigation kits driven by solar pumps.',
    language: 'en',
    sectors: ['agriculture/irrigation'],
    keywords: ['drip irrigation', 'solar pump'],
    cooperationModes: ['equipment-supply', 'training'],
    status: 'published',
    version: 1,
    publishedAt: now(),
    updatedAt: now(),
    minTrl: 6,
    budget: null,
    region: 'PK-SD',
    deadline: null,
    urgency: 'high',
    ...overrides,
  };
}

/**
 * Matching against a private broker (so a replay from offset 0 sees only this test's events):
 * catalog events in → match sets and need.matched out; then the consumer group is rewound to the
 * start and every table must come out exactly as it was, with no new event.
 */
describe('matching service on real Kafka and Postgres (integration)', () => {
  const broker = new OutageBroker('matching-replay', 39192);
  let kafka: Kafka;
  let databaseUrl: string;
  let collector: TopicCollector;
  let app: Awaited<ReturnType<typeof createMatchingApp>> | undefined;
  let db: DataSource;

  let second: Awaited<ReturnType<typeof createMatchingApp>> | undefined;

  const startApp = async () => {
    app = await startInstance();
  };

  const startInstance = async () => {
    const config = loadMatchingConfig({
      NODE_ENV: 'test',
      PORT: '1',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: broker.brokers,
      ADMIN_API_KEY: 'test-admin-key-for-matching-integration-0123456789',
      LOG_LEVEL: 'warn',
    });
    const instance = await createMatchingApp(config);
    await instance.listen(0, '127.0.0.1');
    return instance;
  };

  async function produce(topic: string, type: string, data: { id: string }): Promise<void> {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const envelope = createEnvelope({ type, source: 'techbridge/catalog', subject: data.id, data });
    await producer.send({ topic, acks: -1, messages: [{ key: data.id, value: encodeEvent(envelope) }] });
    await producer.disconnect();
  }

  /** Everything the service derived from the events, in a comparable form. */
  async function state() {
    const q = (sql: string) => db.query(sql);
    return {
      sets: await q(`SELECT need_id, need_version, revision, match_set_id, fingerprint, status, match_count FROM match_sets ORDER BY need_id`),
      matches: await q(`SELECT need_id, offer_id, kind, rank, score, reasons FROM matches ORDER BY need_id, kind, rank`),
      offers: await q(`SELECT id, version, status FROM offer_projections ORDER BY id`),
      needs: await q(`SELECT id, version, status FROM need_projections ORDER BY id`),
      outbox: (await q(`SELECT count(*)::int AS n FROM outbox_messages`))[0].n,
      inbox: (await q(`SELECT count(*)::int AS n FROM inbox_messages`))[0].n,
    };
  }

  async function caughtUp(): Promise<boolean> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      for (const topic of TOPICS) {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId: GROUP, topics: [topic] });
        for (const end of ends) {
          const c = committed.partitions.find((p) => p.partition === end.partition);
          if (end.high !== '0' && (!c || Number(c.offset) < Number(end.high))) return false;
        }
      }
      return true;
    } finally {
      await admin.disconnect();
    }
  }

  beforeAll(async () => {
    await broker.start({ fresh: true });
    kafka = createKafka(broker.brokers, 'matching-int-test', quiet);
    databaseUrl = await freshTestDatabase('matching_int');
    db = new DataSource({ type: 'postgres', url: databaseUrl, entities: MATCHING_ENTITIES, migrations: MATCHING_MIGRATIONS } as any);
    await db.initialize();
    await db.runMigrations();
    collector = await new TopicCollector(kafka, [Topics.MatchingMatch]).start();
    await startApp();
  });

  afterAll(async () => {
    await second?.close();
    await app?.close();
    await collector?.stop();
    await db?.destroy();
    await broker.stop();
  });

  const pumpOffer = randomUUID();
  const otherOffer = randomUUID();
  const sameCountryOffer = randomUUID();
  const needId = randomUUID();

  it('publishes need.matched for a need published on catalog’s topic, filtering same-country offers', async () => {
    await produce(Topics.CatalogOffer, EventTypes.OfferPublished, offer(pumpOffer));
    await produce(Topics.CatalogOffer, EventTypes.OfferPublished, offer(otherOffer, {
        // Its own text: a drip-tape factory line, not a solar pump (with the pump offer's summary and
        // description it covered the need just as fully, and which of the two came first was a tie).
        title: '滴灌带生产线',
        summary: '年产一亿米滴灌带的挤出生产设备。',
        description: '挤出机、打孔机和收卷机组成的滴灌带生产线，提供安装调试。',
        keywords: ['滴灌带'],
      }));
    await produce(Topics.CatalogOffer, EventTypes.OfferPublished, offer(sameCountryOffer, { country: 'PK', title: 'Solar drip irrigation kit' }));
    await waitFor(() => db.query(`SELECT count(*)::int AS n FROM offer_projections`), (r) => r[0].n === 3, { what: 'offers projected' });
    await produce(Topics.CatalogNeed, EventTypes.NeedPublished, need(needId));

    const event = await waitFor(() => collector.of(Topics.MatchingMatch).find((m) => m.key === needId), Boolean, { what: 'need.matched' });
    const data = event!.json().data;
    expect(data.needVersion).toBe(1);
    expect(data.top[0].offerId).toBe(pumpOffer);
    expect(data.top.map((t: any) => t.offerId)).not.toContain(sameCountryOffer);
  });

  it('re-scores on a need update and on an offer withdrawal', async () => {
    await produce(Topics.CatalogNeed, EventTypes.NeedUpdated, need(needId, { version: 2, keywords: ['drip irrigation', 'solar pump', 'cotton'] }));
    await waitFor(() => collector.of(Topics.MatchingMatch).filter((m) => m.key === needId && m.json().data.needVersion === 2), (l) => l.length > 0);
    await produce(Topics.CatalogOffer, EventTypes.OfferWithdrawn, offer(pumpOffer, { status: 'withdrawn', version: 2 }));
    const rows = await waitFor(
      () => db.query(`SELECT offer_id FROM matches WHERE need_id = $1`, [needId]),
      (r: { offer_id: string }[]) => !r.some((x) => x.offer_id === pumpOffer),
      { what: 'withdrawn offer removed from the match set' },
    );
    expect(rows.map((r: { offer_id: string }) => r.offer_id)).toContain(otherOffer);
    const announced = await waitFor(
      () => collector.of(Topics.MatchingMatch).filter((m) => m.key === needId && /offer\.withdrawn/.test(m.json().data.trigger)),
      (l) => l.length > 0,
      { what: 'need.matched triggered by the withdrawal' },
    );
    expect(announced[0].json().data.top.map((t: any) => t.offerId)).not.toContain(pumpOffer);
  });

  it('leaves every table unchanged and publishes nothing when the topics are replayed from offset 0', async () => {
    await waitFor(caughtUp, Boolean, { what: 'consumer caught up' });
    const relayIdle = () => db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE published_at IS NULL`);
    await waitFor(relayIdle, (r) => r[0].n === 0);
    const before = await state();
    const eventsBefore = collector.of(Topics.MatchingMatch).length;

    await app!.close();
    app = undefined;
    await rewindConsumerGroup(kafka, GROUP, TOPICS);
    expect(await caughtUp()).toBe(false); // the rewind really happened
    await startApp();
    await waitFor(caughtUp, Boolean, { what: 'replay consumed', timeoutMs: 60_000 });

    expect(await state()).toEqual(before);
    expect(collector.of(Topics.MatchingMatch).length).toBe(eventsBefore);
  });

  it('with two instances sharing the work, each need is scored against every offer (index follower)', async () => {
    second = await startInstance();
    const admin = kafka.admin();
    await admin.connect();
    await waitFor(
      async () => (await admin.describeGroups([GROUP])).groups[0],
      (g) => g.state === 'Stable' && g.members.length === 2,
      { what: 'both instances in the consumer group', timeoutMs: 60_000 },
    );
    await admin.disconnect();
    // Offers with different keys land on different partitions, hence on different instances.
    const offers = Array.from({ length: 8 }, () => randomUUID());
    for (const id of offers) await produce(Topics.CatalogOffer, EventTypes.OfferPublished, offer(id, { keywords: ['滴灌', '光伏水泵', '棉花'] }));
    await waitFor(() => db.query(`SELECT count(*)::int AS n FROM offer_projections WHERE id = ANY($1::uuid[])`, [offers]), (r) => r[0].n === 8);
    const needs = Array.from({ length: 4 }, () => randomUUID());
    for (const id of needs) await produce(Topics.CatalogNeed, EventTypes.NeedPublished, need(id, { keywords: ['drip irrigation', 'solar pump', 'cotton'] }));
    for (const id of needs) {
      const rows = await waitFor(
        () => db.query(`SELECT offer_id FROM matches WHERE need_id = $1 AND kind = 'match'`, [id]),
        (r: { offer_id: string }[]) => offers.every((o) => r.some((x) => x.offer_id === o)),
        { what: `need ${id} matched with all eight offers` },
      );
      expect(rows.length).toBeGreaterThanOrEqual(8);
    }
  });
});
