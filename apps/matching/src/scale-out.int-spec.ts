import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventTypes, NeedSnapshotV1, OfferSnapshotV1, Topics, createEnvelope, encodeEvent, sourceOf } from '@techbridge/contracts';
import { MatchingEngine, NeedDoc, OfferDoc } from '@techbridge/matching-core';
import { InboxConsumerRegistry, createKafka } from '@techbridge/messaging';
import { OutageBroker, TopicCollector, freshTestDatabase, groupCaughtUp, waitFor } from '@techbridge/testing';
import { FAMILIES, needSnapshot, offerSnapshot } from '../../../test/support/matching/catalog-snapshots';
import { shuffled } from '../../../test/support/matching/matching-harness';
import { loadMatchingConfig } from './config';
import { MATCHING_ENTITIES, MATCHING_MIGRATIONS } from './database';
import { createMatchingApp } from './main';

jest.setTimeout(300_000);

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const GROUP = 'matching';
const TOPICS = [Topics.CatalogOffer, Topics.CatalogNeed];
const SET_SIZE = 50;

type App = Awaited<ReturnType<typeof createMatchingApp>>;

/**
 * Issue 9 §2: with several matching instances consuming interleaved offer and need events at the same
 * time, every open need's final match set must equal what one instance computes from the same data,
 * and no stored need version may go backwards.
 */
describe.each([2, 3])('matching scale-out with %i instances, offers and needs interleaved (integration)', (instances) => {
  const broker = new OutageBroker(`matching-scale-${instances}`, 39292 + instances * 10);
  let kafka: Kafka;
  let producer: Producer;
  let db: DataSource;
  let collector: TopicCollector;
  const apps: App[] = [];

  beforeAll(async () => {
    await broker.start({ fresh: true });
    kafka = createKafka(broker.brokers, `matching-scale-${instances}`, quiet);
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const databaseUrl = await freshTestDatabase(`matching_scale_${instances}`);
    db = new DataSource({ type: 'postgres', url: databaseUrl, entities: MATCHING_ENTITIES, migrations: MATCHING_MIGRATIONS } as any);
    await db.initialize();
    await db.runMigrations();
    collector = await new TopicCollector(kafka, [Topics.MatchingMatch]).start();
    for (let i = 0; i < instances; i++) {
      const app = await createMatchingApp(
        loadMatchingConfig({
          NODE_ENV: 'test',
          PORT: '1',
          HOST: '127.0.0.1',
          DATABASE_URL: databaseUrl,
          KAFKA_BROKERS: broker.brokers,
          ADMIN_API_KEY: 'test-admin-key-for-matching-scale-out-0123456789',
          LOG_LEVEL: 'warn',
          MATCH_SET_SIZE: String(SET_SIZE),
        }),
      );
      await app.listen(0, '127.0.0.1');
      apps.push(app);
    }
    const admin = kafka.admin();
    await admin.connect();
    await waitFor(
      async () => (await admin.describeGroups([GROUP])).groups[0],
      (g) => g.state === 'Stable' && g.members.length === instances,
      { what: `${instances} instances in the consumer group`, timeoutMs: 90_000 },
    ).finally(() => admin.disconnect());
  });

  afterAll(async () => {
    for (const app of apps.splice(0)) await app.close();
    await collector?.stop();
    await producer?.disconnect();
    await db?.destroy();
    await broker.stop();
  });

  const send = (topic: string, type: string, data: OfferSnapshotV1 | NeedSnapshotV1) =>
    producer.send({
      topic,
      acks: -1,
      messages: [{ key: data.id, value: encodeEvent(createEnvelope({ type, source: sourceOf('catalog'), subject: data.id, data })) }],
    });

  /** Delivers an event to one instance's consumer as if fetched from Kafka (inbox, transaction, handler). */
  const deliver = (app: App, topic: string, type: string, data: OfferSnapshotV1 | NeedSnapshotV1, id: string = randomUUID()) => {
    const value = encodeEvent(createEnvelope({ id, type, source: sourceOf('catalog'), subject: data.id, data }));
    const message = { key: Buffer.from(data.id), value, offset: '0', headers: {}, timestamp: String(Date.now()), attributes: 0, size: value.length };
    return app.get(InboxConsumerRegistry).byName('matching')!.replay(topic, 0, message as any);
  };

  it('an offer and a need handled at once on different instances, before either index has the other, still meet', async () => {
    // Each instance's index learns about the other instance's events only later (in the old design,
    // through a follower reading Kafka). Deliver straight to the handlers, at the same time, on
    // different instances — the extreme of "the follower is still behind" — then publish the same
    // events (same ids) to Kafka as catalog would: the inbox absorbs them.
    const [a, b] = apps;
    const pairs = FAMILIES.flatMap((f) =>
      Array.from({ length: 3 }, () => ({
        offer: offerSnapshot(randomUUID(), { ...f.offer, keywords: [...f.offer.keywords], sectors: [f.sector] }),
        need: needSnapshot(randomUUID(), { ...f.need, keywords: [...f.need.keywords], sectors: [f.sector] }),
        offerEventId: randomUUID(),
        needEventId: randomUUID(),
      })),
    );
    await Promise.all(
      pairs.flatMap((p) => [
        deliver(a, Topics.CatalogOffer, EventTypes.OfferPublished, p.offer, p.offerEventId),
        deliver(b, Topics.CatalogNeed, EventTypes.NeedPublished, p.need, p.needEventId),
      ]),
    );
    await Promise.all(
      pairs.flatMap((p) => [
        producer.send({ topic: Topics.CatalogOffer, acks: -1, messages: [{ key: p.offer.id, value: encodeEvent(createEnvelope({ id: p.offerEventId, type: EventTypes.OfferPublished, source: sourceOf('catalog'), subject: p.offer.id, data: p.offer })) }] }),
        producer.send({ topic: Topics.CatalogNeed, acks: -1, messages: [{ key: p.need.id, value: encodeEvent(createEnvelope({ id: p.needEventId, type: EventTypes.NeedPublished, source: sourceOf('catalog'), subject: p.need.id, data: p.need })) }] }),
      ]),
    );
    await waitFor(() => groupCaughtUp(kafka, GROUP, TOPICS), Boolean, { what: 'the group caught up', timeoutMs: 60_000 });
    const missing: string[] = [];
    for (const p of pairs) {
      const rows = await db.query(`SELECT 1 FROM matches WHERE need_id = $1 AND offer_id = $2 AND kind = 'match'`, [p.need.id, p.offer.id]);
      if (rows.length === 0) missing.push(`${p.need.title} ↛ ${p.offer.title}`);
    }
    expect(missing).toEqual([]);
  });

  it('a need’s set is never stored from an older copy of the need', async () => {
    const [a, b] = apps;
    const f = FAMILIES[0];
    const need = needSnapshot(randomUUID(), { ...f.need, keywords: [...f.need.keywords], sectors: [f.sector] });
    await send(Topics.CatalogNeed, EventTypes.NeedPublished, need);
    await waitFor(() => db.query(`SELECT need_version FROM match_sets WHERE need_id = $1`, [need.id]), (r: any[]) => r.length === 1, { what: 'the need’s first set' });
    await waitFor(() => groupCaughtUp(kafka, GROUP, TOPICS), Boolean, { what: 'every instance has version 1' });
    // Version 2 is handled on A; B has not heard of it when it handles a new offer that mentions the need.
    const v2 = { ...need, version: 2, summary: `${need.summary} Now for orchards too.` };
    const v2EventId = randomUUID();
    await deliver(a, Topics.CatalogNeed, EventTypes.NeedUpdated, v2, v2EventId);
    await deliver(b, Topics.CatalogOffer, EventTypes.OfferPublished, offerSnapshot(randomUUID(), { ...f.offer, keywords: [...f.offer.keywords], sectors: [f.sector] }));
    const [set] = await db.query(`SELECT need_version FROM match_sets WHERE need_id = $1`, [need.id]);
    expect(set.need_version).toBe(2);
    // Catalog publishes the same event to Kafka: the inbox absorbs it on whichever instance reads it.
    await producer.send({
      topic: Topics.CatalogNeed,
      acks: -1,
      messages: [{ key: need.id, value: encodeEvent(createEnvelope({ id: v2EventId, type: EventTypes.NeedUpdated, source: sourceOf('catalog'), subject: need.id, data: v2 })) }],
    });
  });

  it('every open need’s final set equals a single instance’s on the same data; versions never go backwards', async () => {
    const offers = new Map<string, OfferSnapshotV1>();
    const needs = new Map<string, NeedSnapshotV1>();
    const ROUNDS = 8;
    for (let round = 0; round < ROUNDS; round++) {
      const batch: (() => Promise<unknown>)[] = [];
      for (let i = 0; i < 12; i++) {
        const f = FAMILIES[(round + i) % FAMILIES.length];
        const o = offerSnapshot(randomUUID(), { ...f.offer, keywords: [...f.offer.keywords], sectors: [f.sector] });
        offers.set(o.id, o);
        batch.push(() => send(Topics.CatalogOffer, EventTypes.OfferPublished, o));
      }
      for (let i = 0; i < 8; i++) {
        const f = FAMILIES[(round * 3 + i) % FAMILIES.length];
        const n = needSnapshot(randomUUID(), { ...f.need, keywords: [...f.need.keywords], sectors: [f.sector] });
        needs.set(n.id, n);
        batch.push(() => send(Topics.CatalogNeed, EventTypes.NeedPublished, n));
      }
      // Earlier items change while new ones arrive: need updates (new versions), offer withdrawals.
      for (const n of [...needs.values()].filter((x) => x.version < 3).slice(0, 3)) {
        const next = { ...n, version: n.version + 1, summary: `${n.summary} Round ${round}.`, updatedAt: new Date().toISOString() };
        needs.set(n.id, next);
        batch.push(() => send(Topics.CatalogNeed, EventTypes.NeedUpdated, next));
      }
      if (round > 0) {
        const victim = [...offers.values()].find((o) => o.status === 'published');
        if (victim) {
          const withdrawn = { ...victim, status: 'withdrawn' as const, version: victim.version + 1 };
          offers.set(victim.id, withdrawn);
          batch.push(() => send(Topics.CatalogOffer, EventTypes.OfferWithdrawn, withdrawn));
        }
      }
      await Promise.all(shuffled(batch, 7919 * (round + 1) + instances).map((go) => go()));
    }

    // What one instance computes from the final data (this test's events and the earlier tests').
    await waitFor(() => groupCaughtUp(kafka, GROUP, TOPICS), Boolean, { what: 'the group caught up', timeoutMs: 120_000 });
    const engine = new MatchingEngine(); // the service's defaults
    const earlierOffers: { snapshot: OfferDoc }[] = await db.query(`SELECT snapshot FROM offer_projections WHERE status = 'published'`);
    for (const { snapshot } of earlierOffers) if (!offers.has(snapshot.id)) engine.upsertOffer(snapshot);
    for (const o of offers.values()) if (o.status === 'published') engine.upsertOffer(o as unknown as OfferDoc);
    const earlierNeeds: { snapshot: NeedDoc }[] = await db.query(`SELECT snapshot FROM need_projections WHERE status = 'published'`);
    for (const { snapshot } of earlierNeeds) if (!needs.has(snapshot.id)) needs.set(snapshot.id, snapshot as unknown as NeedSnapshotV1);
    for (const n of needs.values()) engine.upsertNeed(n as unknown as NeedDoc);
    const expected: Record<string, { version: number; offers: string[] }> = {};
    for (const n of needs.values()) {
      const set = engine.matchNeed(n as unknown as NeedDoc, { limit: SET_SIZE });
      expected[n.id] = { version: n.version, offers: set.matches.map((m) => m.offerId).sort() };
    }
    expect(Object.values(expected).every((e) => e.offers.length > 0)).toBe(true);

    const stored = async () => {
      const sets: { need_id: string; need_version: number }[] = await db.query(`SELECT need_id, need_version FROM match_sets WHERE status = 'open'`);
      const rows: { need_id: string; offers: string[] }[] = await db.query(
        `SELECT need_id, array_agg(offer_id::text ORDER BY offer_id) AS offers FROM matches WHERE kind = 'match' GROUP BY need_id`,
      );
      const byNeed = new Map(rows.map((r) => [r.need_id, r.offers]));
      return Object.fromEntries(sets.map((s) => [s.need_id, { version: s.need_version, offers: byNeed.get(s.need_id) ?? [] }]));
    };
    const settled = await waitFor(stored, (s) => JSON.stringify(sortKeys(s)) === JSON.stringify(sortKeys(expected)), {
      what: 'stored sets equal to the single-instance computation',
      timeoutMs: 60_000,
    }).catch(async () => stored());
    expect(sortKeys(settled)).toEqual(sortKeys(expected));

    // need.matched events of one need are in offset order (one partition): versions never decrease.
    const versionsByNeed = new Map<string, number[]>();
    for (const m of collector.of(Topics.MatchingMatch)) {
      const d = m.json().data;
      versionsByNeed.set(d.needId, [...(versionsByNeed.get(d.needId) ?? []), d.needVersion]);
    }
    const backwards = [...versionsByNeed].filter(([, v]) => v.some((x, i) => i > 0 && x < v[i - 1]));
    expect(backwards).toEqual([]);
  });
});

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}
