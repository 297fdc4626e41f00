/**
 * The evidence rule (issue 10): a shared sector is not a match; a need that nothing serves gets no
 * matches, a hint saying so, and its closest near-misses with why each fails — and so does an offer
 * that no need asks for.
 */
import { DEFAULT_MATCHING_CONFIG, MatchingEngine, renderReason } from './index';
import { NOW, need, offer } from './test-support/docs.fixture';

const HARVESTER = offer({
  id: 'o-rice-combine', title: 'Compact rice combine harvester for small paddy fields', summary: 'Track-type combine harvester for wet paddy fields',
  description: 'A 2.2 m cutting-width rice and wheat combine harvester with low grain loss.', sectors: ['agriculture/farm-machinery'],
});
const TRACTOR = offer({ id: 'o-tractor', title: 'Tractor hire app', summary: 'Booking platform for tractors', sectors: ['agriculture/farm-machinery'] });
const DRONE = offer({ id: 'o-drone', language: 'zh-Hans', title: '植保无人机', summary: '多旋翼植保无人机，用于农药喷洒', description: '提供整机和飞手培训。', sectors: ['agriculture/farm-machinery'] });
const SUGARCANE = need({
  id: 'n-cane', title: 'Mechanical sugarcane harvesting for sugar mills', summary: 'Sugar mills face labour shortages at cane-cutting time.',
  description: 'Chopper-type sugarcane harvesters that cut, clean and billet whole cane rows, with infield haulout wagons.', sectors: ['agriculture/farm-machinery'],
});

function engineWith(...offers: ReturnType<typeof offer>[]) {
  const e = new MatchingEngine({ now: () => NOW });
  offers.forEach((o) => e.upsertOffer(o));
  return e;
}

describe('evidence rule', () => {
  it('a pair that shares only its sector scores far below the threshold', () => {
    const e = engineWith(
      offer({ id: 'same-sector', title: 'Seawater desalination plants', summary: 'Reverse osmosis for coastal towns', sectors: ['resources/water'], cooperationModes: ['licensing'] }),
    );
    const n = need({ id: 'n', title: 'Arsenic test strips for wells', summary: 'Field kits for groundwater screening', sectors: ['resources/water'], cooperationModes: ['licensing'] });
    const set = e.matchNeed(n);
    expect(set.matches).toEqual([]);
    const nm = set.nearMisses.find((m) => m.offerId === 'same-sector');
    if (nm) {
      expect(nm.score).toBeLessThanOrEqual(DEFAULT_MATCHING_CONFIG.threshold / 4);
      expect(['evidence.none', 'evidence.weak']).toContain(nm.nearMiss?.code);
    }
  });

  it('an unmet need: no matches, a hint in three languages, the closest near-misses with why each fails', () => {
    const set = engineWith(HARVESTER, TRACTOR, DRONE).matchNeed(SUGARCANE);
    expect(set.matches).toEqual([]);
    expect(set.hint?.code).toBe('hint.noRelevantOffer');
    expect(renderReason(set.hint!, 'en')).toMatch(/^No published offer has the technology/);
    expect(renderReason(set.hint!, 'zh-Hans')).toMatch(/^目前没有成果/);
    expect(renderReason(set.hint!, 'ur')).toMatch(/کوئی پیشکش ابھی موجود نہیں/);
    // the rice combine shares "harvester": the closest, and it says what little it has in common
    expect(set.nearMisses[0].offerId).toBe('o-rice-combine');
    expect(set.nearMisses[0].nearMiss?.code).toBe('evidence.weak');
    expect(renderReason(set.nearMisses[0].nearMiss!, 'en')).toMatch(/^Too little in common \(“harvest/);
    for (const m of set.nearMisses) {
      expect(m.score).toBeLessThan(DEFAULT_MATCHING_CONFIG.threshold);
      expect(m.nearMiss).not.toBeNull();
    }
  });

  it('the same need is matched once an offer with the technology is published', () => {
    const cane = offer({ id: 'o-cane', title: 'Sugarcane chopper harvester', summary: 'Cuts and billets whole cane rows for sugar mills', sectors: ['agriculture/farm-machinery'] });
    const set = engineWith(HARVESTER, TRACTOR, cane).matchNeed(SUGARCANE);
    expect(set.matches.map((m) => m.offerId)).toEqual(['o-cane']);
    expect(set.hint).toBeNull();
  });

  it('an offer that no need asks for says so (reverse matching)', () => {
    const e = engineWith();
    e.upsertNeed(SUGARCANE);
    e.upsertNeed(need({ id: 'n-quake', title: 'Earthquake early warning', summary: 'Seismic network with alerts', sectors: ['earth-space/earthquake-monitoring'] }));
    const set = e.matchOffer(DRONE);
    expect(set.matches).toEqual([]);
    expect(set.hint?.code).toBe('hint.noRelevantNeed');
    expect(renderReason(set.hint!, 'ur')).toMatch(/کسی کھلی ضرورت میں یہ ٹیکنالوجی مطلوب نہیں/);
    expect(set.nearMisses.every((m) => m.nearMiss !== null && m.score < DEFAULT_MATCHING_CONFIG.threshold)).toBe(true);
  });
});
