import type { Schemas } from '@techbridge/client';

/**
 * Valid offer and need bodies, typed by the public API document (a renamed field does not compile);
 * override any field — invalid ones too, for the bad-input tests. Text is realistic CPEC content.
 */
export function offerBody(overrides: Record<string, unknown> = {}): Schemas['CreateOfferDto'] {
  const body: Schemas['CreateOfferDto'] = {
    title: '滴灌与光伏水泵一体化系统',
    summary: '适用于干旱地区小农户的太阳能光伏水泵滴灌系统，节水百分之五十。',
    description: '系统由光伏组件、直流水泵、过滤器和滴灌带组成，已在新疆和甘肃推广十万亩，适合棉花和果园。',
    language: 'zh-Hans',
    sectors: ['agriculture/irrigation'],
    keywords: ['滴灌', '光伏水泵', 'drip irrigation'],
    trl: 8,
    iprStatus: 'patent-granted',
    cooperationModes: ['equipment-supply', 'technical-cooperation'],
    price: { min: 50000, max: 400000, currency: 'CNY' },
    targetRegions: ['PK-SD', 'PK-PB'],
  };
  return { ...body, ...overrides } as Schemas['CreateOfferDto'];
}

export function needBody(overrides: Record<string, unknown> = {}): Schemas['CreateNeedDto'] {
  const body: Schemas['CreateNeedDto'] = {
    title: 'Solar-powered drip irrigation for cotton farms',
    summary: 'Water-saving drip irrigation driven by solar PV pumps for smallholder cotton farms in Sindh.',
    description:
      'Canal water is scarce; we want drip irrigation with photovoltaic pumps, filters and training for farmers.',
    language: 'en',
    sectors: ['agriculture/irrigation'],
    keywords: ['drip irrigation', 'solar pump'],
    minTrl: 6,
    cooperationModes: ['equipment-supply', 'training'],
    budget: { min: 2000000, max: 20000000, currency: 'PKR' },
    region: 'PK-SD',
    urgency: 'high',
  };
  return { ...body, ...overrides } as Schemas['CreateNeedDto'];
}
