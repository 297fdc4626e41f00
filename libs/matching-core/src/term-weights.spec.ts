/**
 * Term weights that do not depend on what else is indexed (issue 10, third round): a word of the
 * field ("harvester") must weigh about the same in a small, topically dense index as in a catalogue
 * of thousands of offers, so that a pair's text score — and whether it passes the calibrated
 * threshold — does not change because unrelated offers were published.
 */
import { DEFAULT_MATCHING_CONFIG, MatchingEngine } from './index';
import { idfOf } from './engine';
import { NOW, need, offer } from './test-support/docs.fixture';

const FARM = 'agriculture/farm-machinery';
const SUGARCANE = need({
  id: 'n-cane', title: 'Mechanical sugarcane harvesting for sugar mills', summary: 'Sugar mills face labour shortages at cane-cutting time.',
  description: 'Chopper-type sugarcane harvesters that cut, clean and billet whole cane rows, with infield haulout wagons and operator training.',
  keywords: ['sugarcane harvester'], sectors: [FARM],
});
/**
 * a topically dense index like the evaluation set (79 offers): farm technologies, five of them
 * harvesters (6 %)
 */
const HARVESTERS = [
  offer({ id: 'o-rice-combine', title: 'Compact rice combine harvester for small paddy fields', summary: 'Track-type combine harvester for wet paddy fields.', description: 'A rice and wheat combine harvester with low grain loss.', keywords: ['combine harvester'], sectors: [FARM] }),
  offer({ id: 'o-maize', title: 'Self-propelled maize harvester', summary: 'Three-row maize harvester that picks and husks ears.', description: 'Picks, husks and collects maize ears and chops the stalks.', sectors: [FARM] }),
  offer({ id: 'o-potato', title: 'Potato harvester', summary: 'Two-row potato digger and harvester.', description: 'Lifts, sieves and windrows potatoes.', sectors: [FARM] }),
  offer({ id: 'o-forage', title: 'Forage harvester and baler', summary: 'Chops and bales silage maize.', description: 'Trailed forage harvester with a round baler.', sectors: [FARM] }),
  offer({ id: 'o-cotton', title: 'Cotton picker harvester', summary: 'Spindle cotton picker for large farms.', description: 'Picks seed cotton and packs modules.', sectors: [FARM] }),
];
const FARM_TOPICS: [string, string][] = [
  ['Solar drip irrigation kits', 'Drip lines and a solar pump for smallholder plots'],
  ['Greenhouse climate control', 'Sensors and vents for vegetable greenhouses'],
  ['Hybrid rice seed production', 'Two-line hybrid rice varieties and seed multiplication'],
  ['No-till wheat seeder', 'Direct seeding into rice stubble'],
  ['Crop-spraying drone', 'Multirotor drone for pesticide application'],
  ['Cold storage for fruit', 'Controlled-atmosphere stores for apples and mangoes'],
  ['Tractor hire app', 'Booking platform for tractors and implements'],
  ['Soil testing laboratory', 'Nutrient analysis and fertiliser advice'],
  ['Fish feed pellet mill', 'Floating feed for pond aquaculture'],
  ['Biogas digester', 'Household digesters for dairy manure'],
  ['Date palm tissue culture', 'Plantlets of elite date palm varieties'],
  ['Laser land leveller', 'Levelling fields for even irrigation'],
  ['Rice transplanter', 'Walk-behind transplanter for paddy seedlings'],
  ['Milk chilling centre', 'Bulk milk coolers for village collection'],
];
const DENSE = [
  ...HARVESTERS,
  ...Array.from({ length: 74 }, (_, i) => {
    const [title, summary] = FARM_TOPICS[i % FARM_TOPICS.length];
    return offer({ id: `o-farm-${i}`, title: `${title} ${i}`, summary, description: 'Equipment supply, local assembly and operator training.', sectors: [FARM] });
  }),
];
/** unrelated offers of other fields, as a large catalogue holds them */
const CATALOGUE = Array.from({ length: 3000 }, (_, i) =>
  offer({
    id: `bg-${i}`,
    title: ['Ring spinning frame', 'Hearing aid fitting', 'Glass tempering furnace', 'Tyre retreading line', 'E-invoicing platform'][i % 5] + ` ${i}`,
    summary: ['Spinning machines for cotton mills', 'Digital hearing aids for clinics', 'Tempered glass for buildings', 'Retreads for truck tyres', 'Tax invoices for retailers'][i % 5],
    description: 'Complete system with operator training and after-sales service.',
    sectors: [['industry/textiles', 'health/devices', 'industry/materials', 'transport/vehicles', 'ict/software'][i % 5]],
  }),
);

/** the score of the need with one offer, at a threshold low enough that every pair is listed */
function scoreOf(e: MatchingEngine, offerId: string): number {
  const set = e.matchNeed(SUGARCANE, { limit: 50, nearMissLimit: 50 });
  const m = [...set.matches, ...set.nearMisses].find((x) => x.offerId === offerId);
  return m?.score ?? 0;
}

function engines(config: Partial<typeof DEFAULT_MATCHING_CONFIG> = {}) {
  const small = new MatchingEngine({ now: () => NOW, ...config, threshold: 1 });
  const large = new MatchingEngine({ now: () => NOW, ...config, threshold: 1 });
  for (const o of DENSE) {
    small.upsertOffer(o);
    large.upsertOffer(o);
  }
  for (const o of CATALOGUE) large.upsertOffer(o);
  return { small, large };
}

describe('term weights independent of the corpus', () => {
  it('idfOf: a concept held by 5 of 79 documents weighs about what it weighs when held by 5 of 10,079', () => {
    const { idfShareFloor: floor, idfPriorDocs: prior } = DEFAULT_MATCHING_CONFIG;
    expect(prior).toBeGreaterThan(0);
    const dense = idfOf(5, 79, floor, prior);
    const large = idfOf(5, 10_079, floor, prior);
    expect(dense / large).toBeGreaterThan(0.8);
    // without the background catalogue (share of the index alone) the dense index halves its weight
    expect(idfOf(5, 79, floor, 0) / idfOf(5, 10_079, floor, 0)).toBeLessThan(0.6);
    // a concept most documents hold is still discounted, at any size
    expect(idfOf(8_000, 10_079, floor, prior)).toBeLessThan(0.5 * large);
    // a concept no document holds weighs the same at any size
    expect(idfOf(0, 79, floor, prior)).toBeCloseTo(idfOf(0, 10_079, floor, prior), 10);
  });

  it('unrelated offers move the score of a pair that shares one field word far less than with the previous weights', () => {
    const now = engines();
    const prev = engines({ idfPriorDocs: 0 });
    const moved = scoreOf(now.large, 'o-rice-combine') - scoreOf(now.small, 'o-rice-combine');
    const movedBefore = scoreOf(prev.large, 'o-rice-combine') - scoreOf(prev.small, 'o-rice-combine');
    expect(scoreOf(now.small, 'o-rice-combine')).toBeGreaterThan(0);
    // with the index's own share, 3,000 unrelated offers add 15 points (the field word goes from
    // half-general to fully specific); with the background 4.4, what remains of the drift
    expect(movedBefore).toBeGreaterThan(10);
    expect(Math.abs(moved)).toBeLessThan(0.4 * movedBefore);
    // and the decision is the same at both sizes
    const t = DEFAULT_MATCHING_CONFIG.threshold;
    expect(scoreOf(now.small, 'o-rice-combine') >= t).toBe(scoreOf(now.large, 'o-rice-combine') >= t);
  });

  it('a concept is discounted once it is common in absolute terms, not because a few dozen documents share it', () => {
    const { idfShareFloor: floor, idfPriorDocs: prior } = DEFAULT_MATCHING_CONFIG;
    // every one of 6 offers says "drip irrigation": too few to tell the shared topic from boilerplate
    expect(idfOf(6, 6, floor, prior)).toBeGreaterThan(0.8 * idfOf(0, 6, floor, prior));
    // a word that a third of 3,000 documents use is boilerplate
    expect(idfOf(1_000, 3_000, floor, prior)).toBeLessThan(0.35 * idfOf(1, 3_000, floor, prior));
  });
});
