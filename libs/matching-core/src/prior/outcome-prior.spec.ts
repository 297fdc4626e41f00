import type { Match } from '../types';
import { renderReason } from '../explain/reasons';
import { DEFAULT_PRIOR_CONFIG, OfferTrackRecord, applyOutcomePrior, outcomePrior } from './outcome-prior';

const ctx = { country: 'PK', sector: 'agriculture' };
const match = (offerId: string, score: number): Match => ({
  offerId,
  needId: 'n',
  score,
  components: { text: 1, sector: 1, trl: 1, budget: 1, region: 1, mode: 1, freshness: 1 },
  matchedTerms: [],
  reasons: [{ code: 'sector.exact', params: { sector: 'agriculture/irrigation' } }],
  nearMiss: null,
});

describe('outcome prior', () => {
  it('changes nothing without a track record', () => {
    expect(outcomePrior(undefined, ctx)).toEqual({ delta: 0, reasons: [] });
    expect(outcomePrior({ signedFirms: 0, declines: { price: 1 } }, ctx)).toEqual({ delta: 0, reasons: [] }); // one decline is noise
    const list = [match('a', 60), match('b', 50)];
    expect(applyOutcomePrior(list, new Map(), ctx)).toEqual(list);
  });

  it('raises an offer whose supplier signed with firms of the need’s country in its sector, and says so', () => {
    const { delta, reasons } = outcomePrior({ signedFirms: 3, declines: {} }, ctx);
    expect(delta).toBe(4.5);
    expect(renderReason(reasons[0], 'en')).toBe('3 Pakistani firms in Modern agriculture signed with this supplier (+4.5)');
  });

  it('lowers an offer declined repeatedly, naming the commonest reason', () => {
    const { delta, reasons } = outcomePrior({ signedFirms: 0, declines: { price: 2, timing: 1 } }, ctx);
    expect(delta).toBe(-3);
    expect(renderReason(reasons[0], 'en')).toBe('Declined 3 times for price (−3)');
    expect(renderReason(reasons[0], 'zh-Hans')).toContain('价格');
  });

  it('is bounded: never more than maxPoints either way, and scores stay within 0–100', () => {
    expect(outcomePrior({ signedFirms: 100, declines: {} }, ctx).delta).toBe(DEFAULT_PRIOR_CONFIG.maxPoints);
    expect(outcomePrior({ signedFirms: 0, declines: { price: 100 } }, ctx).delta).toBe(-DEFAULT_PRIOR_CONFIG.maxPoints);
    const [top] = applyOutcomePrior([match('a', 98)], new Map([['a', { signedFirms: 10, declines: {} }]]), ctx);
    expect(top.score).toBe(100);
  });

  it('re-ranks with the adjusted scores and puts its reason first', () => {
    const tracks = new Map<string, OfferTrackRecord>([
      ['b', { signedFirms: 2, declines: {} }],
      ['a', { signedFirms: 0, declines: { price: 2 } }],
    ]);
    const out = applyOutcomePrior([match('a', 60), match('b', 58), match('c', 59)], tracks, ctx);
    expect(out.map((m) => [m.offerId, m.score])).toEqual([
      ['b', 61],
      ['c', 59],
      ['a', 58],
    ]);
    expect(out[0].reasons[0].code).toBe('prior.signed');
    expect(out[2].reasons[0].code).toBe('prior.declined');
  });
});
