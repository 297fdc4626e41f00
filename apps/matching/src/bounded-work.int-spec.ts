import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { EventTypes, OfferSnapshotV1, Topics } from '@techbridge/contracts';
import { TopicCollector, waitFor } from '@techbridge/testing';
import { FAMILIES, needSnapshot, offerSnapshot } from '../../../test/support/matching/catalog-snapshots';
import { MatchingHarness } from '../../../test/support/matching/matching-harness';

jest.setTimeout(300_000);

/** More needs than the old 10,000-match cap of reverse matching, and than Postgres' default lock table (64 × 100). */
const BUSY_SECTOR_NEEDS = 12_000;

/**
 * Issue 9 §3: an offer published into a busy sector must not do unbounded work in one transaction
 * (one advisory lock per affected need exhausted Postgres' lock table, SQLSTATE 53200, retried forever:
 * the partition stalled). The work is chunked, every affected need still gets the offer, the partition
 * keeps moving, and an update that changes nothing matching reads does not re-score anything.
 */
describe('bounded work per offer event (integration)', () => {
  const h = new MatchingHarness('bounded', 39362);
  let collector: TopicCollector;
  const family = FAMILIES[1]; // earthquake early warning
  const needIds: string[] = [];

  beforeAll(async () => {
    await h.start();
    // A busy sector: thousands of open needs already projected (as after consuming them earlier).
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let i = 0; i < BUSY_SECTOR_NEEDS; i++) {
      const n = needSnapshot(randomUUID(), { ...family.need, keywords: [...family.need.keywords], sectors: [family.sector], title: `${family.need.title} #${i}` });
      needIds.push(n.id);
      values.push(n.id, n.enterpriseId, n.version, n.status, JSON.stringify(n));
      const b = tuples.length * 5;
      tuples.push(`($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5})`);
      if (tuples.length === 1000 || i === BUSY_SECTOR_NEEDS - 1) {
        await h.db.query(`INSERT INTO need_projections (id, enterprise_id, version, status, snapshot) VALUES ${tuples.join(', ')}`, values);
        tuples.length = 0;
        values.length = 0;
      }
    }
    collector = await new TopicCollector(h.kafka, [Topics.MatchingMatch]).start();
    await h.startApp({ LOG_LEVEL: 'error' });
  });

  afterAll(async () => {
    await collector?.stop();
    await h.stop();
  });

  const publish = (type: string, o: OfferSnapshotV1) => h.publish(Topics.CatalogOffer, type, o);
  const offerVersion = async (id: string) => (await h.db.query(`SELECT version FROM offer_projections WHERE id = $1`, [id]))[0]?.version ?? 0;
  const setsWith = async (offerId: string) =>
    (await h.db.query(`SELECT count(DISTINCT need_id)::int AS n FROM matches WHERE offer_id = $1 AND kind = 'match'`, [offerId]))[0].n;

  it('an offer into a sector with thousands of open needs reaches every one of them, and the partition keeps moving', async () => {
    const offer = offerSnapshot(randomUUID(), { ...family.offer, keywords: [...family.offer.keywords], sectors: [family.sector] });
    await publish(EventTypes.OfferPublished, offer);
    // The next event of the same key (same partition) must be processed: nothing stalls behind the big one.
    const v2 = { ...offer, version: 2, summary: `${offer.summary} 支持乌尔都语预警信息。` };
    await publish(EventTypes.OfferUpdated, v2);
    await waitFor(() => offerVersion(offer.id), (v) => v === 2, { what: 'the next event on the partition', timeoutMs: 120_000 });
    await waitFor(() => setsWith(offer.id), (n) => n === BUSY_SECTOR_NEEDS, { what: `the offer in all ${BUSY_SECTOR_NEEDS} sets`, timeoutMs: 180_000 });
  });

  it('an update that changes nothing matching reads re-scores nothing', async () => {
    const offerId = (await h.db.query(`SELECT id FROM offer_projections LIMIT 1`))[0].id as string;
    const [{ snapshot }] = await h.db.query(`SELECT snapshot FROM offer_projections WHERE id = $1`, [offerId]);
    const revisions = async () => (await h.db.query(`SELECT sum(revision)::int AS r FROM match_sets`))[0].r as number;
    // The previous test's offer update is still being re-scored through the queue: let it finish.
    await waitFor(async () => (await h.db.query(`SELECT count(*)::int AS n FROM rescore_queue`))[0].n, (n) => n === 0, {
      what: 'the rescore queue drained',
      timeoutMs: 180_000,
    });
    const published = async () =>
      (await h.db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE topic = $1 AND published_at IS NOT NULL`, [Topics.MatchingMatch]))[0].n;
    await waitFor(
      async () => ({ relayed: await published(), pending: (await h.db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE published_at IS NULL`))[0].n }),
      (s) => s.pending === 0 && collector.of(Topics.MatchingMatch).length === s.relayed,
      { what: 'every need.matched so far relayed and received', timeoutMs: 120_000 },
    );
    const before = await revisions();
    const announced = collector.of(Topics.MatchingMatch).length;
    const same = { ...snapshot, version: snapshot.version + 1, updatedAt: new Date().toISOString() };
    await publish(EventTypes.OfferUpdated, same);
    await waitFor(() => offerVersion(offerId), (v) => v === same.version, { what: 'the no-op update projected' });
    // A marker on another key that does trigger work, to know the no-op's consequences would have shown.
    const marker = needSnapshot(randomUUID(), { ...family.need, keywords: [...family.need.keywords], sectors: [family.sector] });
    await h.publish(Topics.CatalogNeed, EventTypes.NeedPublished, marker);
    await waitFor(() => collector.of(Topics.MatchingMatch).filter((m) => m.key === marker.id), (l) => l.length === 1, { what: 'the marker need matched' });
    expect(await revisions()).toBe(before + 1); // the marker's first set only
    expect(collector.of(Topics.MatchingMatch).length).toBe(announced + 1);
  });
});
