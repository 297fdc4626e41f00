/**
 * Constraint cases (issue 10): an offer with the right technology that misses the budget, the TRL
 * minimum or the region is shown — as a lower-ranked match or a near-miss, with the change that
 * would make it fit — and never ranks below an offer without the technology.
 */
import { MatchingEngine, renderReason, type Match, type MatchSet } from './index';
import { NOW, need, offer } from './test-support/docs.fixture';

const DRIP = { title: 'Solar-powered drip irrigation kits', summary: 'Small solar water pump, tank and drip lines for one-acre plots', sectors: ['agriculture/irrigation'] };
const UNRELATED = offer({ id: 'o-tractor', title: 'Tractor hire booking app', summary: 'Farm machinery rental platform', sectors: ['agriculture/irrigation'] });
const rankOf = (set: MatchSet, id: string) => [...set.matches, ...set.nearMisses].findIndex((m) => m.offerId === id);
const find = (set: MatchSet, id: string): Match | undefined => [...set.matches, ...set.nearMisses].find((m) => m.offerId === id);

function engineWith(...offers: ReturnType<typeof offer>[]) {
  const e = new MatchingEngine({ now: () => NOW });
  offers.forEach((o) => e.upsertOffer(o));
  return e;
}

describe('constraint cases', () => {
  const smallBudget = need({ id: 'n', title: 'Solar drip irrigation for smallholders', summary: 'Solar water pump and drip lines', sectors: ['agriculture/irrigation'], budget: { min: 200_000, max: 600_000, currency: 'PKR' } });

  it('a budget below every relevant price: the right technology appears with the budget reason, the unrelated offer does not outrank it', () => {
    const e = engineWith(
      offer({ ...DRIP, id: 'o-drip-a', price: { min: 30_000, max: 150_000, currency: 'CNY' } }),
      offer({ ...DRIP, id: 'o-drip-b', language: 'zh-Hans', title: '光伏水泵滴灌系统', summary: '太阳能水泵与滴灌结合，适合小农户', price: { min: 5_000, max: 20_000, currency: 'USD' } }),
      offer({ ...UNRELATED, price: { min: 100, max: 500, currency: 'USD' } }),
    );
    const set = e.matchNeed(smallBudget);
    for (const id of ['o-drip-a', 'o-drip-b']) {
      const m = find(set, id);
      expect(m).toBeDefined();
      expect(m!.nearMiss?.code).toBe('budget.below');
      expect(renderReason(m!.nearMiss!, 'en')).toMatch(/^Budget 600,000 PKR below price/);
      const u = rankOf(set, 'o-tractor');
      if (u >= 0) expect(rankOf(set, id)).toBeLessThan(u);
    }
    expect(set.matches.map((m) => m.offerId)).not.toContain('o-tractor');
    expect(set.hint?.code).toBe('hint.onlyNearMisses');
  });

  it('TRL below the minimum and a region outside the targets rank lower, with the reason, still above no technology', () => {
    const e = engineWith(
      offer({ ...DRIP, id: 'o-fits', trl: 9 }),
      offer({ ...DRIP, id: 'o-low-trl', trl: 5 }),
      offer({ ...DRIP, id: 'o-elsewhere', trl: 9, targetRegions: ['PK-PB'] }),
      UNRELATED,
    );
    const set = e.matchNeed(need({ ...smallBudget, budget: null, minTrl: 7 }));
    const ids = [...set.matches, ...set.nearMisses].map((m) => m.offerId);
    expect(ids[0]).toBe('o-fits');
    expect(find(set, 'o-low-trl')!.nearMiss).toEqual({ code: 'trl.below', params: { trl: 5, minTrl: 7 } });
    expect(find(set, 'o-elsewhere')!.nearMiss?.code).toBe('region.notTargeted');
    expect(renderReason(find(set, 'o-elsewhere')!.nearMiss!, 'zh-Hans')).toBe('信德省不在成果的目标地区内');
    for (const id of ['o-low-trl', 'o-elsewhere']) {
      expect(find(set, id)!.score).toBeLessThan(find(set, 'o-fits')!.score);
      if (ids.includes('o-tractor')) expect(ids.indexOf(id)).toBeLessThan(ids.indexOf('o-tractor'));
    }
  });

  it('below the threshold only because of a condition: a near-miss ranked before pairs that lack evidence', () => {
    // a high threshold pushes the TRL miss below it; fixing the TRL would lift it above
    const e = new MatchingEngine({ now: () => NOW, threshold: 92 });
    [offer({ ...DRIP, id: 'o-low-trl', trl: 5 }), UNRELATED].forEach((o) => e.upsertOffer(o));
    const set = e.matchNeed(need({ ...smallBudget, budget: null, minTrl: 7 }));
    expect(set.matches).toEqual([]);
    expect(set.nearMisses[0].offerId).toBe('o-low-trl');
    expect(set.nearMisses[0].nearMiss?.code).toBe('trl.below');
    expect(set.hint?.code).toBe('hint.onlyNearMisses');
  });
});
