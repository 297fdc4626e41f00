import { MatchingIndex } from './matching-index';

const offer = (version: number, status = 'published') => ({
  id: '00000000-0000-4000-8000-000000000001',
  enterpriseId: '00000000-0000-4000-8000-0000000000e1',
  country: 'CN' as const,
  title: 'Drip irrigation system',
  summary: 'Water-saving drip irrigation for cotton',
  description: '',
  language: 'en' as const,
  sectors: ['agriculture/irrigation'],
  keywords: ['drip irrigation'],
  trl: 8,
  iprStatus: 'patent-granted',
  cooperationModes: ['licensing'],
  targetRegions: [],
  validUntil: new Date(Date.now() + 86400000).toISOString(),
  status,
  version,
  updatedAt: new Date().toISOString(),
});

describe('MatchingIndex', () => {
  it('indexes published offers and removes withdrawn ones', () => {
    const index = new MatchingIndex();
    index.applyOffer(offer(1));
    expect(index.engine.hasOffer(offer(1).id)).toBe(true);
    index.applyOffer(offer(2, 'withdrawn'));
    expect(index.engine.hasOffer(offer(1).id)).toBe(false);
  });

  it('ignores an older or repeated snapshot, so replays cannot resurrect a withdrawn offer', () => {
    const index = new MatchingIndex();
    expect(index.applyOffer(offer(2, 'withdrawn'))).toBe(true);
    expect(index.applyOffer(offer(1))).toBe(false);
    expect(index.applyOffer(offer(2, 'withdrawn'))).toBe(false);
    expect(index.engine.hasOffer(offer(1).id)).toBe(false);
  });
});
