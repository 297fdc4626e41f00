/**
 * The engine returns exactly what the reference engine (test-support/reference-engine.ts: the engine
 * before the candidate loop was restructured for speed, issue 14 §3) returns: the same matches and
 * near-misses in the same order, bit-identical scores and components, the same reasons and hints —
 * on a corpus that exercises every branch of pair scoring, with updates and removals, restricted
 * candidate sets, several limits and configurations, in both directions.
 */
import { MatchingEngine, type MatchingConfig } from './index';
import { ReferenceEngine } from './test-support/reference-engine';
import { variedNeeds, variedOffers } from './test-support/varied-corpus';
import { syntheticNeeds, syntheticOffers } from '../../../bench/matching-core/synthetic';

const NOW = new Date('2026-02-01T00:00:00Z');
const CONFIGS: Partial<MatchingConfig>[] = [
  {},
  { threshold: 30 },
  { threshold: 60, nearMissMargin: 15 },
  { weights: { text: 0.3, sector: 0.3, trl: 0.1, budget: 0.1, region: 0.1, mode: 0.05, freshness: 0.05 } },
];

function pair(cfg: Partial<MatchingConfig>, offers: ReturnType<typeof variedOffers>, needs: ReturnType<typeof variedNeeds>) {
  const a = new MatchingEngine({ now: () => NOW, ...cfg });
  const b = new ReferenceEngine({ now: () => NOW, ...cfg });
  for (const o of offers) {
    a.upsertOffer(o);
    b.upsertOffer(o);
  }
  for (let i = 0; i < offers.length; i += 7) {
    const o = { ...offers[i], version: 2, trl: 9 };
    a.upsertOffer(o);
    b.upsertOffer(o);
  }
  for (let i = 3; i < offers.length; i += 11) {
    a.removeOffer(offers[i].id);
    b.removeOffer(offers[i].id);
  }
  for (const d of needs) {
    a.upsertNeed(d);
    b.upsertNeed(d);
  }
  return { a, b };
}

describe('MatchingEngine ≡ reference engine', () => {
  it.each(CONFIGS.map((c) => [JSON.stringify(c), c] as const))('varied corpus, config %s', (_, cfg) => {
    const offers = variedOffers(2500);
    const needs = variedNeeds(100);
    const { a, b } = pair(cfg, offers, needs);
    const restrict = new Set(offers.filter((_, i) => i % 3 === 0).map((o) => o.id));
    let withMatches = 0;
    let withNear = 0;
    needs.forEach((d, i) => {
      const opts = [{ limit: 20 }, { limit: 1 + (i % 7) }, { limit: 0 }, { limit: 5, nearMissLimit: 12 }, { limit: 20, offerIds: restrict }][i % 5];
      const got = a.matchNeed(d, opts);
      expect(got).toEqual(b.matchNeed(d, opts));
      if (got.matches.length) withMatches++;
      if (got.nearMisses.length) withNear++;
    });
    for (let i = 0; i < 40; i++) {
      const o = offers[(i * 13) % offers.length];
      expect(a.matchOffer(o, { limit: 10 })).toEqual(b.matchOffer(o, { limit: 10 }));
    }
    // the corpus exercises matches and near-misses alike
    expect(withMatches).toBeGreaterThan(10);
    expect(withNear).toBeGreaterThan(5);
  });

  it('bench corpus (synthetic, concentrated vocabulary)', () => {
    const { a, b } = pair({}, syntheticOffers(3000), syntheticNeeds(60));
    for (const d of syntheticNeeds(60)) expect(a.matchNeed(d)).toEqual(b.matchNeed(d));
  });
});
