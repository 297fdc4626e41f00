import { MatchingEngine, renderReason, type NeedDoc, type OfferDoc } from './index';

const NOW = new Date('2026-01-15T00:00:00Z');
const offer = (o: Partial<OfferDoc> & { id: string }): OfferDoc => ({
  enterpriseId: 'cn-1', country: 'CN', title: '', summary: '', description: '', language: 'en', sectors: [], keywords: [],
  trl: 8, iprStatus: 'patent-granted', cooperationModes: ['licensing', 'equipment-supply'], price: null, targetRegions: [],
  validUntil: '2026-12-31T00:00:00Z', status: 'published', version: 1, publishedAt: '2025-12-01T00:00:00Z', updatedAt: '2025-12-01T00:00:00Z', ...o,
});
const need = (n: Partial<NeedDoc> & { id: string }): NeedDoc => ({
  enterpriseId: 'pk-1', country: 'PK', title: '', summary: '', description: '', language: 'en', sectors: [], keywords: [],
  minTrl: null, cooperationModes: ['licensing', 'equipment-supply'], budget: null, region: 'PK-SD', deadline: '2026-06-30',
  urgency: 'high', status: 'published', version: 1, updatedAt: '2026-01-01T00:00:00Z', ...n,
});

const RICE_ZH = offer({ id: 'o-rice-zh', language: 'zh-Hans', title: '耐高温杂交水稻种子', summary: '适合信德省高温条件的杂交水稻新品种', description: '提供杂交水稻种子和制种技术培训。', sectors: ['agriculture/seeds'] });
const DRIP_ZH = offer({ id: 'o-drip-zh', language: 'zh-Hans', title: '光伏水泵滴灌系统', summary: '太阳能光伏水泵结合滴灌，节水50%', description: '离网光伏扬水系统，适用于农田和果园灌溉。', sectors: ['agriculture/irrigation', 'energy/solar-pv'] });
const QUAKE_EN = offer({ id: 'o-quake-en', title: 'Earthquake early warning network', summary: 'Seismic sensors and automatic alerts', description: 'Low-cost MEMS seismometers.', sectors: ['earth-space/earthquake-monitoring'] });
const VACCINE = offer({ id: 'o-vaccine', title: 'Foot and mouth disease vaccine production', summary: 'FMD vaccine technology transfer', description: 'Inactivated vaccine for cattle.', sectors: ['health/vaccines'] });

function engine(offers: OfferDoc[] = [RICE_ZH, DRIP_ZH, QUAKE_EN, VACCINE]) {
  const e = new MatchingEngine({ now: () => NOW });
  offers.forEach((o) => e.upsertOffer(o));
  return e;
}

describe('MatchingEngine', () => {
  it('finds a Chinese-only offer for an English need', () => {
    const r = engine().matchNeed(need({ id: 'n1', title: 'Hybrid rice seed for Sindh', summary: 'heat tolerant hybrid rice varieties', sectors: ['agriculture/seeds'] }));
    expect(r.matches[0].offerId).toBe('o-rice-zh');
    const term = r.matches[0].matchedTerms.find((t) => t.concept === 'hybrid-rice')!;
    expect(term.en).toContain('hybrid rice');
    expect(term.zh).toContain('杂交水稻');
  });

  it('finds an English offer for a Chinese need (reverse direction, reverse countries)', () => {
    const e = engine([offer({ ...QUAKE_EN, country: 'PK', id: 'o-pk-quake' })]);
    const r = e.matchNeed(need({ id: 'n-cn', country: 'CN', language: 'zh-Hans', title: '地震预警系统', summary: '需要地震监测和预警', sectors: [] }));
    expect(r.matches.map((m) => m.offerId)).toEqual(['o-pk-quake']);
  });

  it('matches an offer against indexed open needs (matchOffer)', () => {
    const e = engine();
    e.upsertNeed(need({ id: 'n-drip', title: 'Solar water pumps for drip irrigation', sectors: ['agriculture/irrigation'] }));
    e.upsertNeed(need({ id: 'n-vax', title: 'Vaccine for cattle', sectors: ['health/vaccines'] }));
    const r = e.matchOffer(DRIP_ZH);
    expect(r.matches[0].needId).toBe('n-drip');
    expect(r.matches[0].offerId).toBe('o-drip-zh');
    expect(r.matches.map((m) => m.needId)).not.toContain('n-vax');
    e.removeNeed('n-drip');
    expect(e.matchOffer(DRIP_ZH).matches.map((m) => m.needId)).not.toContain('n-drip');
  });

  it('never shows a perfect text match that fails a hard filter', () => {
    const text = { title: 'Earthquake early warning network', summary: 'Seismic sensors and automatic alerts', sectors: ['earth-space/earthquake-monitoring'] };
    const e = engine([
      offer({ ...QUAKE_EN, id: 'same-country', country: 'PK' }),
      offer({ ...QUAKE_EN, id: 'no-common-mode', cooperationModes: ['investment'] }),
      offer({ ...QUAKE_EN, id: 'withdrawn', status: 'withdrawn' }),
      offer({ ...QUAKE_EN, id: 'expired', validUntil: '2025-12-31T00:00:00Z' }),
      offer({ ...QUAKE_EN, id: 'ok' }),
    ]);
    const r = e.matchNeed(need({ id: 'n', ...text }));
    expect(r.matches.map((m) => m.offerId)).toEqual(['ok']);
    expect(r.nearMisses).toEqual([]);
    expect(e.matchNeed(need({ id: 'n', ...text, status: 'draft' })).matches).toEqual([]);
  });

  it('grades: exact topic > partial topic > same sector only; deterministic with ties by id', () => {
    const e = engine([
      offer({ id: 'c-sector-only', title: 'Laser land levelling service', sectors: ['agriculture/irrigation'] }),
      offer({ id: 'b-partial', title: 'Sprinkler irrigation machines', sectors: ['agriculture/irrigation'] }),
      offer({ id: 'a-exact', title: 'Drip irrigation emitters and tape', summary: 'water saving drip irrigation', sectors: ['agriculture/irrigation'] }),
      offer({ id: 'd-twin', title: 'Drip irrigation emitters and tape', summary: 'water saving drip irrigation', sectors: ['agriculture/irrigation'] }),
    ]);
    const n = need({ id: 'n', title: 'Drip irrigation for orchards', summary: 'water saving drip irrigation', sectors: ['agriculture/irrigation'] });
    const set = e.matchNeed(n);
    const ids = set.matches.map((m) => m.offerId);
    expect(ids.slice(0, 2)).toEqual(['a-exact', 'd-twin']);
    // a shared sector is no evidence: the sector-only offer is never a match
    expect(ids).not.toContain('c-sector-only');
    const all = [...ids, ...set.nearMisses.map((m) => m.offerId)];
    if (all.includes('c-sector-only')) expect(all.indexOf('b-partial')).toBeLessThan(all.indexOf('c-sector-only'));
    expect(e.matchNeed(n)).toEqual(e.matchNeed(n));
    for (const m of set.matches) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(100);
      expect(Math.round(m.score * 10) / 10).toBe(m.score);
    }
  });

  it('keeps the right technology that misses a condition, lower-ranked, with the one change that would make it fit', () => {
    const e = engine([
      offer({ ...QUAKE_EN, id: 'fits' }),
      offer({ ...QUAKE_EN, id: 'low-trl', trl: 5 }),
      offer({ ...QUAKE_EN, id: 'pricey', price: { min: 1_500_000, max: 3_000_000, currency: 'CNY' } }),
      offer({ ...QUAKE_EN, id: 'both', trl: 5, price: { min: 1_500_000, max: 3_000_000, currency: 'CNY' } }),
    ]);
    const n = need({ id: 'n', title: 'Earthquake early warning', sectors: ['earth-space/earthquake-monitoring'], minTrl: 7, budget: { min: 1_000_000, max: 2_000_000, currency: 'PKR' } });
    const r = e.matchNeed(n);
    expect(r.matches[0].offerId).toBe('fits');
    expect(r.matches[0].nearMiss).toBeNull();
    const byId = Object.fromEntries([...r.matches, ...r.nearMisses].map((m) => [m.offerId, m]));
    expect(Object.keys(byId).sort()).toEqual(['both', 'fits', 'low-trl', 'pricey']);
    expect(renderReason(byId['low-trl'].nearMiss!, 'en')).toBe('Offer TRL 5 < required 7');
    expect(renderReason(byId['pricey'].nearMiss!, 'en')).toMatch(/^Budget 2,000,000 PKR below price 1,500,000 CNY \(≈ [\d,]+ PKR\)$/);
    // each missed condition costs points: fits > one miss > two misses
    expect(byId['fits'].score).toBeGreaterThan(byId['low-trl'].score);
    expect(byId['fits'].score).toBeGreaterThan(byId['pricey'].score);
    expect(byId['both'].score).toBeLessThan(Math.min(byId['low-trl'].score, byId['pricey'].score));
    expect(byId['both'].reasons.map((x) => x.code)).toEqual(expect.arrayContaining(['trl.below', 'budget.below']));
    // without the fitting offer, the hint says that only a condition stands in the way
    const only = engine([offer({ ...QUAKE_EN, id: 'low-trl', trl: 5 })]).matchNeed(n);
    expect(only.hint?.code).toBe('hint.onlyNearMisses');
  });

  it('renders reasons in en, zh-Hans and ur', () => {
    const r = { code: 'trl.below', params: { trl: 5, minTrl: 7 } };
    expect(renderReason(r, 'en')).toBe('Offer TRL 5 < required 7');
    expect(renderReason(r, 'zh-Hans')).toBe('成果技术成熟度5级，低于要求的7级');
    expect(renderReason(r, 'ur')).toBe('پیشکش کا ٹی آر ایل ۵ ہے، جو مطلوبہ ۷ سے کم ہے');
    expect(renderReason({ code: 'sector.exact', params: { sector: 'health/vaccines' } }, 'zh-Hans')).toBe('同一领域：疫苗');
    expect(renderReason({ code: 'mode.common', params: { modes: 'licensing,training' } }, 'ur')).toBe('تعاون کی صورت: لائسنسنگ اور تربیت');
    expect(renderReason({ code: 'text.sharedTerms', params: { concepts: 'hybrid-rice' } }, 'zh-Hans')).toBe('共同术语：杂交水稻 (hybrid rice)');
    expect(renderReason({ code: 'nope', params: {} }, 'en')).toBe('nope');
  });

  it('ranks by sector/TRL and gives a hint when the need has no usable text', () => {
    const r = engine().matchNeed(need({ id: 'n', title: '...', summary: 'the and', sectors: ['health/vaccines'] }));
    expect(r.hint?.code).toBe('hint.noUsableText');
    expect(r.matches.map((m) => m.offerId)).toEqual(['o-vaccine']);
  });

  it('restricts to a set of offers and supports upsert/remove', () => {
    const e = engine();
    const n = need({ id: 'n', title: 'drip irrigation and hybrid rice', sectors: ['agriculture'] });
    expect(e.matchNeed(n, { offerIds: new Set(['o-rice-zh']) }).matches.map((m) => m.offerId)).toEqual(['o-rice-zh']);
    expect(e.offerCount()).toBe(4);
    e.removeOffer('o-rice-zh');
    expect(e.hasOffer('o-rice-zh')).toBe(false);
    expect(e.matchNeed(n).matches.map((m) => m.offerId)).not.toContain('o-rice-zh');
    e.upsertOffer({ ...DRIP_ZH, status: 'withdrawn', version: 2 });
    expect(e.offerCount()).toBe(3);
    expect(e.matchNeed(n).matches.map((m) => m.offerId)).not.toContain('o-drip-zh');
  });
});

describe('document frequencies after churn', () => {
  it('keeps text relevance non-negative when offers are updated and withdrawn many times', () => {
    // Regression: tombstoned postings used to count in df, which then exceeded the number of live
    // documents and made IDF (and the text component) negative.
    const { MatchingEngine: Engine } = jest.requireActual('./engine');
    const engine = new Engine({ now: () => new Date('2026-06-01T00:00:00Z') });
    const base = {
      enterpriseId: 'e-cn', country: 'CN', summary: '滴灌系统', description: '光伏水泵 滴灌 节水', language: 'zh-Hans',
      sectors: ['agriculture/irrigation'], keywords: ['滴灌'], trl: 8, iprStatus: 'none', cooperationModes: ['licensing'],
      price: null, targetRegions: [], validUntil: '2027-01-01T00:00:00Z', status: 'published', updatedAt: '2026-05-01T00:00:00Z',
    };
    for (let v = 1; v <= 5; v++) {
      for (let i = 0; i < 4; i++) engine.upsertOffer({ ...base, id: `o${i}`, title: '滴灌设备', version: v });
    }
    for (let i = 1; i < 4; i++) engine.removeOffer(`o${i}`);
    const set = engine.matchNeed({
      id: 'n1', enterpriseId: 'e-pk', country: 'PK', title: 'Drip irrigation equipment', summary: 'drip irrigation with solar pumps',
      description: '', language: 'en', sectors: ['agriculture/irrigation'], keywords: ['drip irrigation'], cooperationModes: ['licensing'],
      status: 'published', version: 1, updatedAt: '2026-05-01T00:00:00Z',
    });
    expect(set.matches.map((m: any) => m.offerId)).toEqual(['o0']);
    expect(set.matches[0].components.text).toBeGreaterThan(0);
  });
});
