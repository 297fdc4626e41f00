import { assessQuality } from './quality-hints';

const base = {
  title: 'Solar-powered drip irrigation pump',
  summary: 'A 2 kW solar PV pump with drip lines for smallholder farms in arid regions.',
  description: 'x'.repeat(400),
  language: 'en',
  keywords: ['solar pump', 'drip irrigation', 'photovoltaic'],
  sectors: ['agriculture/irrigation'],
  trl: 8,
  money: { min: 1000, max: 5000 },
  moneyField: 'price' as const,
  trlField: 'trl' as const,
  regions: ['PK-SD'],
  regionField: 'targetRegions' as const,
};

describe('quality hints', () => {
  it('has nothing to say about a complete item', () => {
    expect(assessQuality(base)).toEqual({ score: 100, hints: [] });
  });

  it('flags missing keywords, a one-word summary and no TRL, naming the fields', () => {
    const report = assessQuality({ ...base, keywords: [], summary: 'Pump.', trl: null });
    expect(report.hints.map((h) => h.field)).toEqual(expect.arrayContaining(['keywords', 'summary', 'trl']));
    expect(report.score).toBeLessThan(100);
  });

  it('judges Chinese summaries by Chinese sentence length', () => {
    const zh = assessQuality({ ...base, language: 'zh-Hans', summary: '适用于干旱地区小农户的太阳能滴灌水泵。' });
    expect(zh.hints.find((h) => h.field === 'summary')).toBeUndefined();
  });
});
