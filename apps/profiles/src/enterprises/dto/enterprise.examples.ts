/**
 * `POST /v1/enterprises` bodies in the platform's three languages (the legal name in its own script),
 * shown in the OpenAPI document. Each is a valid registration: an e2e test posts them through the gateway.
 */
export const ENTERPRISE_EXAMPLES: Record<
  'en' | 'zh-Hans' | 'ur',
  { summary: string; value: Record<string, unknown> }
> = {
  'zh-Hans': {
    summary: '中文：新疆的节水灌溉设备企业',
    value: {
      legalName: '新疆绿洲节水灌溉科技有限公司',
      englishName: 'Xinjiang Oasis Water-Saving Irrigation Technology Co., Ltd.',
      country: 'CN',
      region: 'CN-XJ',
      organisationType: 'company',
      sizeBand: 'medium',
      sectors: ['agriculture/irrigation', 'energy/solar-pv'],
      website: 'https://oasis-irrigation.example.cn',
      languages: ['zh-Hans', 'en'],
      contact: { name: '王芳', email: 'wangfang@oasis-irrigation.example.cn', phone: '+8613800138000' },
    },
  },
  ur: {
    summary: 'اردو: سندھ کی زرعی تحقیقی تنظیم',
    value: {
      legalName: 'سندھ زرعی آبپاشی تحقیقی مرکز',
      englishName: 'Sindh Agricultural Irrigation Research Centre',
      country: 'PK',
      region: 'PK-SD',
      organisationType: 'research-institute',
      sizeBand: 'small',
      sectors: ['agriculture/irrigation'],
      website: 'https://irrigation-research.example.pk',
      languages: ['ur', 'en'],
      contact: {
        name: 'Ayesha Khan',
        email: 'ayesha.khan@irrigation-research.example.pk',
        phone: '+923001234567',
      },
    },
  },
  en: {
    summary: 'English: a Punjab solar pump distributor',
    value: {
      legalName: 'Punjab Solar Agri Pumps (Pvt) Ltd.',
      englishName: 'Punjab Solar Agri Pumps',
      country: 'PK',
      region: 'PK-PB',
      organisationType: 'company',
      sizeBand: 'small',
      sectors: ['energy/solar-pv', 'agriculture/irrigation'],
      website: 'https://solar-agri-pumps.example.pk',
      languages: ['en', 'ur'],
      contact: { name: 'Bilal Ahmed', email: 'bilal@solar-agri-pumps.example.pk' },
    },
  },
};
