import { meanOf, ndcgAtK, precisionAtK, reciprocalRank } from './metrics';

describe('ranking metrics', () => {
  const q = { a: 3, b: 2, c: 1 };
  it('nDCG@k is 1 for the ideal order and lower otherwise', () => {
    expect(ndcgAtK(['a', 'b', 'c'], q)).toBeCloseTo(1);
    expect(ndcgAtK(['c', 'b', 'a'], q)).toBeLessThan(1);
    expect(ndcgAtK(['x', 'a'], q)).toBeCloseTo(7 / Math.log2(3) / (7 + 3 / Math.log2(3) + 1 / 2));
    expect(ndcgAtK([], q)).toBe(0);
    expect(ndcgAtK(['a'], {})).toBe(0);
  });
  it('P@k divides by k and honours the relevance floor', () => {
    expect(precisionAtK(['a', 'x', 'b'], q, 5)).toBeCloseTo(0.4);
    expect(precisionAtK(['a', 'b', 'c'], q, 3, 2)).toBeCloseTo(2 / 3);
  });
  it('MRR uses the first relevant hit', () => {
    expect(reciprocalRank(['x', 'y', 'b'], q)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['x'], q)).toBe(0);
    expect(meanOf([1, 0])).toBe(0.5);
    expect(meanOf([])).toBe(0);
  });
});
