import type { LanguageExamples } from '../../items/dto/language-examples';

/**
 * One `POST /v1/needs` body per language the platform speaks, shown in the OpenAPI document. Each
 * is a valid request: an e2e test posts them through the gateway.
 */
export const NEED_EXAMPLES: LanguageExamples = {
  en: {
    summary: 'English: solar-powered drip irrigation for cotton farms in Sindh',
    value: {
      title: 'Solar-powered drip irrigation for cotton farms',
      summary: 'Water-saving drip irrigation driven by solar PV pumps for smallholder cotton farms in Sindh.',
      description:
        'Canal water is scarce and diesel pumps are expensive; we want drip irrigation with photovoltaic pumps, filters and training for farmers.',
      language: 'en',
      sectors: ['agriculture/irrigation'],
      keywords: ['drip irrigation', 'solar pump'],
      minTrl: 6,
      cooperationModes: ['equipment-supply', 'training'],
      budget: { min: 2000000, max: 20000000, currency: 'PKR' },
      region: 'PK-SD',
      urgency: 'high',
    },
  },
  'zh-Hans': {
    summary: '中文：信德省棉田太阳能滴灌',
    value: {
      title: '信德省棉田太阳能光伏滴灌系统',
      summary: '为信德省小农户棉田寻求光伏水泵驱动的节水滴灌技术。',
      description:
        '当地运河水资源紧张，柴油泵成本高。需要光伏水泵、过滤器和滴灌带，以及面向农民的安装和维护培训。',
      language: 'zh-Hans',
      sectors: ['agriculture/irrigation'],
      keywords: ['滴灌', '光伏水泵'],
      minTrl: 6,
      cooperationModes: ['equipment-supply', 'technical-cooperation'],
      budget: { min: 100000, max: 800000, currency: 'CNY' },
      region: 'PK-SD',
      urgency: 'medium',
    },
  },
  ur: {
    summary: 'اردو: پنجاب کے باغات کے لیے شمسی ڈرپ آبپاشی',
    value: {
      title: 'باغات کے لیے شمسی توانائی سے ڈرپ آبپاشی',
      summary: 'پنجاب کے چھوٹے کسانوں کے کنو کے باغات کے لیے سولر پمپ سے چلنے والی ڈرپ آبپاشی درکار ہے۔',
      description:
        'زیر زمین پانی کم ہو رہا ہے اور ڈیزل مہنگا ہے۔ ہمیں سولر پمپ، فلٹر، ڈرپ لائنیں اور کسانوں کی تربیت چاہیے۔',
      language: 'ur',
      sectors: ['agriculture/irrigation'],
      keywords: ['ڈرپ آبپاشی', 'سولر پمپ'],
      minTrl: 5,
      cooperationModes: ['equipment-supply', 'training'],
      budget: { min: 1000000, max: 10000000, currency: 'PKR' },
      region: 'PK-PB',
      urgency: 'high',
    },
  },
};
