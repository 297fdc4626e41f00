import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { EventTypes, NeedSnapshotV1, OfferSnapshotV1, Topics } from '@techbridge/contracts';
import { MatchingEngine, NeedDoc, OfferDoc } from '@techbridge/matching-core';
import { groupCaughtUp, waitFor } from '@techbridge/testing';
import { loadMatchingFixtures } from '../../../test/fixtures/matching';
import { MatchingHarness, shuffled } from '../../../test/support/matching/matching-harness';

jest.setTimeout(300_000);

const GROUP = 'matching';
const TOPICS = [Topics.CatalogOffer, Topics.CatalogNeed];
/**
 * How far a stored score may sit from the one computed on the final catalogue: a need's set is
 * re-scored only when an offer enters or leaves it, so its other scores keep the IDF of that moment.
 */
const DRIFT_POINTS = 5;

/** The evaluation set's texts as catalog would announce them today (fresh ids, live dates). */
function snapshotsOfTheEvaluationSet(): { offers: OfferSnapshotV1[]; needs: NeedSnapshotV1[] } {
  const f = loadMatchingFixtures();
  const ids = new Map<string, string>();
  const uuid = (id: string) => ids.get(id) ?? (ids.set(id, randomUUID()), ids.get(id)!);
  const now = new Date().toISOString();
  const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString();
  // fresh ids (each enterprise keeps one), live dates
  const live = <T extends { id: string; enterpriseId: string }>(d: T) => ({
    ...d,
    id: uuid(d.id),
    enterpriseId: uuid(`e:${d.enterpriseId}`),
    status: 'published' as const,
    version: 1,
    publishedAt: now,
    updatedAt: now,
  });
  const offers = f.offers.map((o) => ({ ...live(o as unknown as OfferSnapshotV1), validUntil: inAYear }));
  const needs = f.needs.map((n) => ({ ...live(n as unknown as NeedSnapshotV1), deadline: null }));
  return { offers, needs };
}

/**
 * Issue 9 §2 ("no match lost"): a need published before the offers that serve it must end with the
 * offers its own ranking holds. An offer event re-scores the needs it enters; which needs those are
 * must be decided by the need's ranking (the need's words against the offers), not by the reverse
 * query (the offer's words against the needs), which scores another quantity: an offer covering all
 * of a short need's words covers few of its own, and the need never learnt of it.
 */
describe('offers published after the needs they serve (integration)', () => {
  const h = new MatchingHarness('late-offer', 39342);

  beforeAll(async () => {
    await h.start();
    await h.startApp();
  });

  afterAll(() => h.stop());

  it('the last offer published enters every need whose own ranking holds it', async () => {
    const { offers, needs } = snapshotsOfTheEvaluationSet();
    // The oracle: the service's engine (its defaults) on the final catalogue.
    const engine = new MatchingEngine();
    for (const o of offers) engine.upsertOffer(o as unknown as OfferDoc);
    for (const n of needs) engine.upsertNeed(n as unknown as NeedDoc);
    const threshold = engine.config.threshold;
    const clear = new Map<string, { need: string; offer: string; score: number }[]>(); // by offer
    for (const n of needs) {
      for (const m of engine.matchNeed(n as unknown as NeedDoc, { limit: 50 }).matches) {
        if (m.score >= threshold + DRIFT_POINTS) clear.set(m.offerId, [...(clear.get(m.offerId) ?? []), { need: n.id, offer: m.offerId, score: m.score }]);
      }
    }
    // The offer published last is the one whose clear matches the reverse query (its own words
    // against the needs) misses most: the case where the need's ranking and the reverse one disagree.
    const missedByReverse = (o: OfferSnapshotV1) => {
      const rev = engine.matchOffer(o as unknown as OfferDoc, { limit: needs.length, nearMissLimit: needs.length });
      const found = new Set([...rev.matches, ...rev.nearMisses].map((m) => m.needId));
      return (clear.get(o.id) ?? []).filter((c) => !found.has(c.need)).length;
    };
    const last = [...offers].sort((a, b) => missedByReverse(b) - missedByReverse(a) || (a.id < b.id ? -1 : 1))[0];
    expect(missedByReverse(last)).toBeGreaterThan(0);

    // Everything else first (needs and offers interleaved), settled; then the last offer.
    const first = shuffled(
      [
        ...needs.map((n) => () => h.publish(Topics.CatalogNeed, EventTypes.NeedPublished, n)),
        ...offers.filter((o) => o.id !== last.id).map((o) => () => h.publish(Topics.CatalogOffer, EventTypes.OfferPublished, o)),
      ],
      20261202,
    );
    for (const go of first) await go();
    await waitFor(() => groupCaughtUp(h.kafka, GROUP, TOPICS), Boolean, { what: 'the first events handled', timeoutMs: 180_000 });
    await h.publish(Topics.CatalogOffer, EventTypes.OfferPublished, last);
    await waitFor(() => groupCaughtUp(h.kafka, GROUP, TOPICS), Boolean, { what: 'the last offer handled', timeoutMs: 60_000 });

    const stored = new Set(
      (await h.db.query(`SELECT need_id::text || ' ' || offer_id::text AS pair FROM matches WHERE kind = 'match'`)).map((r: { pair: string }) => r.pair),
    );
    const title = new Map<string, string>([...offers, ...needs].map((d) => [d.id, d.title]));
    const missing = [...clear.values()]
      .flat()
      .filter((c) => !stored.has(`${c.need} ${c.offer}`))
      .map((c) => `${title.get(c.need)} ↛ ${title.get(c.offer)} (${c.score})`);
    // The evaluation set has a good number of clear matches: otherwise this test proves little.
    expect([...clear.values()].flat().length).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
