import {
  COOPERATION_MODES,
  CURRENCIES,
  IPR_STATUSES,
  LANGUAGES,
  REGIONS,
  SECTORS,
  TRL,
  cooperationModeLabel,
  isRegionCode,
  isSectorCode,
  parentSector,
  regionCountry,
  regionLabel,
  sectorLabel,
  sectorTree,
} from './index';

describe('sectors', () => {
  it('has unique lowercase slug codes, two levels deep', () => {
    const codes = SECTORS.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[a-z0-9-]+(\/[a-z0-9-]+)?$/);
    for (const c of [
      'agriculture', 'agriculture/seeds', 'agriculture/irrigation', 'energy/solar-pv', 'health/vaccines',
      'digital/ai', 'ict/5g', 'industry/textiles', 'resources/water', 'earth-space/earthquake-monitoring',
      'transport/rail', 'education/vocational',
    ]) expect(isSectorCode(c)).toBe(true);
  });

  it('labels every sector in en, zh-Hans (Han script) and ur (Arabic script)', () => {
    for (const s of SECTORS) {
      for (const l of LANGUAGES) expect(s.labels[l].length).toBeGreaterThan(0);
      expect(s.labels['zh-Hans']).toMatch(/[\u4e00-\u9fff]/);
      expect(s.labels.ur).toMatch(/[\u0600-\u06ff]/);
    }
  });

  it('resolves parents', () => {
    expect(parentSector('energy/solar-pv')).toBe('energy');
    expect(parentSector('energy')).toBe('energy');
    expect(parentSector('nope')).toBeNull();
    for (const s of SECTORS) if (s.parent) expect(isSectorCode(s.parent)).toBe(true);
  });

  it('builds a nested tree covering every code', () => {
    const tree = sectorTree();
    expect(tree.length).toBe(10);
    const all = tree.flatMap((t) => [t.code, ...t.children.map((c) => c.code)]);
    expect(all.sort()).toEqual(SECTORS.map((s) => s.code).sort());
    tree[0].labels = { en: 'x', 'zh-Hans': 'x', ur: 'x' };
    expect(sectorTree()[0].labels.en).toBe('Modern agriculture');
  });

  it('renders labels with fallback', () => {
    expect(sectorLabel('health/vaccines', 'zh-Hans')).toBe('疫苗');
    expect(sectorLabel('health/vaccines', 'en')).toBe('Vaccines');
    expect(sectorLabel('unknown/x', 'ur')).toBe('unknown/x');
  });
});

describe('regions', () => {
  it('knows every Pakistani and Chinese province-level code', () => {
    for (const c of ['PK-PB', 'PK-SD', 'PK-KP', 'PK-BA', 'PK-IS', 'PK-GB', 'PK-JK']) expect(regionCountry(c)).toBe('PK');
    for (const c of ['CN-BJ', 'CN-SH', 'CN-YN', 'CN-XJ', 'CN-GD', 'CN-NM', 'CN-XZ']) expect(regionCountry(c)).toBe('CN');
    expect(REGIONS.filter((r) => r.country === 'CN').length).toBe(34);
    expect(isRegionCode('CN-11')).toBe(false); // pre-2017 numeric codes are not used
    expect(regionCountry('XX-YY')).toBeNull();
    expect(regionLabel('CN-YN', 'zh-Hans')).toBe('云南省');
  });
});

describe('closed vocabularies', () => {
  it('exposes the brief values', () => {
    expect(COOPERATION_MODES).toContain('technical-cooperation');
    expect(IPR_STATUSES).toEqual(['none', 'know-how', 'patent-applied', 'patent-granted', 'other']);
    expect(CURRENCIES).toEqual(['CNY', 'PKR', 'USD']);
    expect(Object.keys(TRL)).toHaveLength(9);
    expect(TRL[7].en).toMatch(/prototype/);
    expect(cooperationModeLabel('joint-venture', 'zh-Hans')).toBe('合资经营');
    expect(cooperationModeLabel('nope', 'en')).toBe('nope');
  });
});
