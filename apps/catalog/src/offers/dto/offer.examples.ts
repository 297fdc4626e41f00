import type { LanguageExamples } from '../../items/dto/language-examples';

/**
 * One `POST /v1/offers` body per language the platform speaks, shown in the OpenAPI document
 * (`requestBody.content['application/json'].examples`). Each is a valid request: an e2e test posts
 * them through the gateway.
 */
export const OFFER_EXAMPLES: LanguageExamples = {
  en: {
    summary: 'English: solar-powered drip irrigation (equipment supply)',
    value: {
      title: 'Solar-powered drip irrigation system for smallholder farms',
      summary:
        'Photovoltaic water pumps driving drip irrigation for arid areas; saves about half of the water of flood irrigation.',
      description:
        'PV modules, a DC pump, filters and drip lines, installed on more than 6,000 hectares of cotton and orchards in Xinjiang and Gansu. We supply the equipment, train local installers and support maintenance.',
      language: 'en',
      sectors: ['agriculture/irrigation', 'energy/solar-pv'],
      keywords: ['drip irrigation', 'solar pump', '滴灌'],
      trl: 8,
      iprStatus: 'patent-granted',
      cooperationModes: ['equipment-supply', 'training'],
      price: { min: 50000, max: 400000, currency: 'CNY' },
      targetRegions: ['PK-SD', 'PK-PB'],
    },
  },
  'zh-Hans': {
    summary: '中文：滴灌与光伏水泵一体化系统（技术合作）',
    value: {
      title: '滴灌与光伏水泵一体化系统',
      summary: '适用于干旱地区小农户的太阳能光伏水泵滴灌系统，节水百分之五十。',
      description:
        '系统由光伏组件、直流水泵、过滤器和滴灌带组成，已在新疆和甘肃推广十万亩，适合棉花和果园。可提供设备、安装培训和运维支持。',
      language: 'zh-Hans',
      sectors: ['agriculture/irrigation'],
      keywords: ['滴灌', '光伏水泵', 'drip irrigation'],
      trl: 8,
      iprStatus: 'patent-granted',
      cooperationModes: ['equipment-supply', 'technical-cooperation'],
      price: { min: 50000, max: 400000, currency: 'CNY' },
      targetRegions: ['PK-SD', 'PK-PB'],
    },
  },
  ur: {
    summary: 'اردو: شمسی توانائی سے چلنے والا ڈرپ آبپاشی نظام (تربیت)',
    value: {
      title: 'چھوٹے کسانوں کے لیے شمسی توانائی سے چلنے والا ڈرپ آبپاشی نظام',
      summary: 'خشک علاقوں کے لیے سولر پمپ سے چلنے والی ڈرپ آبپاشی، جو پانی کی نصف بچت کرتی ہے۔',
      description:
        'سولر پینل، ڈی سی پمپ، فلٹر اور ڈرپ لائنیں۔ ہم آلات فراہم کرتے ہیں اور مقامی کاریگروں کو تنصیب اور دیکھ بھال کی تربیت دیتے ہیں۔',
      language: 'ur',
      sectors: ['agriculture/irrigation'],
      keywords: ['ڈرپ آبپاشی', 'سولر پمپ', 'drip irrigation'],
      trl: 7,
      iprStatus: 'know-how',
      cooperationModes: ['training', 'equipment-supply'],
      price: { min: 5000, max: 60000, currency: 'USD' },
      targetRegions: ['PK-BA'],
    },
  },
};
