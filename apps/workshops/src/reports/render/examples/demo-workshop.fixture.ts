/**
 * A realistic demo workshop: the Sino-Pak Matchmaking Workshop held at the same time in Kunming
 * (UTC+8) and Islamabad (UTC+5), hybrid, in agriculture, new energy, biomedicine and the digital
 * economy. Used by the unit tests and by the generator of `docs/examples/`. The enterprises are
 * invented but named the way such enterprises are (Chinese legal names in Chinese, Pakistani ones in Urdu).
 */
import { REGIONS, getSector } from '@techbridge/taxonomy';
import type {
  AgendaModel,
  EnterpriseRef,
  LanguageTag,
  NeedReportEntry,
  OfferReportEntry,
  ParticipantRef,
  RegionRef,
  ScheduledMeeting,
  ScoredMatch,
  SectorCount,
  SectorRef,
  UnmetNeedGroup,
  UnscheduledWish,
  WorkshopReportModel,
} from '../report.model';
import { agendaForParticipant } from '../agenda-from-report.builder';

const sector = (code: string): SectorRef => {
  const s = getSector(code);
  if (!s) throw new Error(`unknown sector ${code}`);
  return { code, labels: { ...s.labels } };
};
const region = (code: string): RegionRef => {
  const r = REGIONS.find((x) => x.code === code);
  if (!r) throw new Error(`unknown region ${code}`);
  return { code, labels: { ...r.labels } };
};

const ent = (id: string, name: string, legalName: string, regionCode: string): EnterpriseRef => ({
  id,
  name,
  legalName,
  country: regionCode.slice(0, 2) as 'CN' | 'PK',
  region: region(regionCode),
});

// Chinese enterprises
const yunnanAgri = ent(
  'ent-cn-01',
  'Yunnan Agricultural Science & Technology Co., Ltd.',
  '云南农业科技有限公司',
  'CN-YN',
);
const kunmingSolar = ent(
  'ent-cn-02',
  'Kunming Photovoltaic Pump Technology Co., Ltd.',
  '昆明光伏水泵科技有限公司',
  'CN-YN',
);
const sichuanBio = ent(
  'ent-cn-03',
  'Sichuan Biomedicine Innovation Co., Ltd.',
  '四川生物医药创新有限公司',
  'CN-SC',
);
const shenzhenDigital = ent(
  'ent-cn-04',
  'Shenzhen Smart City Digital Technology Co., Ltd.',
  '深圳智慧城市数字科技有限公司',
  'CN-GD',
);
const xinjiangCold = ent(
  'ent-cn-05',
  'Xinjiang Cold Chain Equipment Co., Ltd.',
  '新疆冷链装备有限公司',
  'CN-XJ',
);
const zhejiangStorage = ent(
  'ent-cn-06',
  'Zhejiang Energy Storage Battery Co., Ltd.',
  '浙江储能电池股份有限公司',
  'CN-ZJ',
);
const diannanHerbal = ent(
  'ent-cn-07',
  'Diannan Institute of Medicinal Plants',
  '滇南药用植物研究院',
  'CN-YN',
);

// Pakistani enterprises
const punjabResearch = ent(
  'ent-pk-01',
  'Punjab Agricultural Research Institute',
  'پنجاب زرعی تحقیقاتی ادارہ',
  'PK-PB',
);
const sindhSolar = ent('ent-pk-02', 'Sindh Solar Farmers Cooperative', 'سندھ سولر کسان کوآپریٹو', 'PK-SD');
const khyberPharma = ent('ent-pk-03', 'Khyber Pharma Laboratories', 'خیبر فارما لیبارٹریز', 'PK-KP');
const islamabadFintech = ent(
  'ent-pk-04',
  'Islamabad Fintech Solutions (Pvt) Ltd.',
  'اسلام آباد فن ٹیک سلوشنز',
  'PK-IS',
);
const balochDates = ent(
  'ent-pk-05',
  'Balochistan Date Growers Association',
  'بلوچستان کھجور کاشتکار ایسوسی ایشن',
  'PK-BA',
);
const gilgitPower = ent(
  'ent-pk-06',
  'Gilgit-Baltistan Rural Power & Fruit Company',
  'گلگت بلتستان دیہی بجلی و پھل کمپنی',
  'PK-GB',
);
const lahoreHealth = ent('ent-pk-07', 'Lahore Health Diagnostics', 'لاہور ہیلتھ ڈائیگناسٹکس', 'PK-PB');

interface OfferSeed {
  id: string;
  title: string;
  language: LanguageTag;
  enterprise: EnterpriseRef;
  sectors: string[];
  targetRegions: string[];
}
interface NeedSeed {
  id: string;
  title: string;
  language: LanguageTag;
  enterprise: EnterpriseRef;
  sectors: string[];
  province: string;
  /** below-threshold info for unmet needs */
  bestScore?: number | null;
  nearMiss?: string | null;
}

const OFFERS: OfferSeed[] = [
  {
    id: 'off-01',
    title: '耐高温长粒型杂交水稻种子',
    language: 'zh-Hans',
    enterprise: yunnanAgri,
    sectors: ['agriculture/seeds'],
    targetRegions: ['PK-PB', 'PK-SD'],
  },
  {
    id: 'off-02',
    title: '棉花膜下滴灌与水肥一体化系统',
    language: 'zh-Hans',
    enterprise: yunnanAgri,
    sectors: ['agriculture/irrigation'],
    targetRegions: ['PK-PB', 'PK-BA'],
  },
  {
    id: 'off-03',
    title: '光伏扬水系统（太阳能水泵）',
    language: 'zh-Hans',
    enterprise: kunmingSolar,
    sectors: ['energy/solar-pv', 'agriculture/irrigation'],
    targetRegions: ['PK-SD', 'PK-PB'],
  },
  {
    id: 'off-04',
    title: '登革热NS1抗原快速检测试剂盒',
    language: 'zh-Hans',
    enterprise: sichuanBio,
    sectors: ['health/diagnostics'],
    targetRegions: ['PK-KP', 'PK-PB'],
  },
  {
    id: 'off-05',
    title: 'Inclusive mobile payments and micro-credit scoring platform',
    language: 'en',
    enterprise: shenzhenDigital,
    sectors: ['digital/fintech'],
    targetRegions: ['PK-IS', 'PK-PB'],
  },
  {
    id: 'off-06',
    title: '-25 °C mobile cold rooms for fruit and dates',
    language: 'en',
    enterprise: xinjiangCold,
    sectors: ['agriculture/cold-chain'],
    targetRegions: ['PK-BA', 'PK-SD'],
  },
  {
    id: 'off-07',
    title: '磷酸铁锂储能系统（离网与微电网）',
    language: 'zh-Hans',
    enterprise: zhejiangStorage,
    sectors: ['energy/storage'],
    targetRegions: ['PK-GB', 'PK-PB'],
  },
  {
    id: 'off-08',
    title: '中药材规范化种植与初加工技术',
    language: 'zh-Hans',
    enterprise: diannanHerbal,
    sectors: ['health/traditional-medicine'],
    targetRegions: ['PK-KP'],
  },
];

const NEEDS: NeedSeed[] = [
  {
    id: 'need-01',
    title: 'Heat-tolerant hybrid rice seed for the Punjab kharif season',
    language: 'en',
    enterprise: punjabResearch,
    sectors: ['agriculture/seeds'],
    province: 'PK-PB',
  },
  {
    id: 'need-02',
    title: 'کپاس کے لیے ڈرپ آبپاشی کا نظام',
    language: 'ur',
    enterprise: punjabResearch,
    sectors: ['agriculture/irrigation'],
    province: 'PK-PB',
  },
  {
    id: 'need-03',
    title: 'Solar-powered tube-well pumps for smallholder farms',
    language: 'en',
    enterprise: sindhSolar,
    sectors: ['energy/solar-pv'],
    province: 'PK-SD',
  },
  {
    id: 'need-04',
    title: 'Rapid diagnostic kits for dengue in district hospitals',
    language: 'en',
    enterprise: khyberPharma,
    sectors: ['health/diagnostics'],
    province: 'PK-KP',
  },
  {
    id: 'need-05',
    title: 'Mobile payments platform for rural microfinance',
    language: 'en',
    enterprise: islamabadFintech,
    sectors: ['digital/fintech'],
    province: 'PK-IS',
  },
  {
    id: 'need-06',
    title: 'کھجور کی فصل کے لیے کولڈ اسٹوریج',
    language: 'ur',
    enterprise: balochDates,
    sectors: ['agriculture/cold-chain'],
    province: 'PK-BA',
  },
  {
    id: 'need-07',
    title: 'Apricot solar drying and packaging line',
    language: 'en',
    enterprise: gilgitPower,
    sectors: ['agriculture/food-processing'],
    province: 'PK-GB',
    bestScore: 41,
    nearMiss: 'no offer in food processing; closest: cold rooms (sector mismatch)',
  },
  {
    id: 'need-08',
    title: 'Battery backup for rural clinics',
    language: 'en',
    enterprise: lahoreHealth,
    sectors: ['energy/storage'],
    province: 'PK-PB',
  },
  {
    id: 'need-09',
    title: 'Vaccine cold-chain temperature monitoring',
    language: 'en',
    enterprise: khyberPharma,
    sectors: ['health/vaccines'],
    province: 'PK-KP',
    bestScore: 47,
    nearMiss: 'TRL 5 < required 7',
  },
  {
    id: 'need-10',
    title: 'جھینگے کی فارمنگ کے لیے فیڈ ٹیکنالوجی',
    language: 'ur',
    enterprise: sindhSolar,
    sectors: ['agriculture/fisheries'],
    province: 'PK-SD',
    bestScore: null,
    nearMiss: null,
  },
  {
    id: 'need-11',
    title: 'Urdu speech recognition for agricultural helplines',
    language: 'en',
    enterprise: islamabadFintech,
    sectors: ['digital/ai'],
    province: 'PK-IS',
    bestScore: 38,
    nearMiss: 'no common cooperation mode (needs joint-research)',
  },
  {
    id: 'need-12',
    title: 'کھجور کے باغات کے لیے ڈرپ آبپاشی',
    language: 'ur',
    enterprise: balochDates,
    sectors: ['agriculture/irrigation'],
    province: 'PK-BA',
  },
  {
    id: 'need-13',
    title: 'Micro-grid battery storage for small hydropower plants',
    language: 'en',
    enterprise: gilgitPower,
    sectors: ['energy/storage'],
    province: 'PK-GB',
  },
  {
    id: 'need-14',
    title: 'Point-of-care dengue testing for clinics',
    language: 'en',
    enterprise: lahoreHealth,
    sectors: ['health/diagnostics'],
    province: 'PK-PB',
  },
  {
    id: 'need-16',
    title: 'Cold storage for seed potatoes',
    language: 'en',
    enterprise: punjabResearch,
    sectors: ['agriculture/cold-chain'],
    province: 'PK-PB',
  },
  {
    id: 'need-17',
    title: 'Walnut cracking and cold-pressed oil unit',
    language: 'en',
    enterprise: gilgitPower,
    sectors: ['agriculture/food-processing'],
    province: 'PK-GB',
    bestScore: 33,
    nearMiss: 'no offer in food processing',
  },
  {
    id: 'need-18',
    title: 'شہد کی پروسیسنگ اور پیکجنگ',
    language: 'ur',
    enterprise: khyberPharma,
    sectors: ['agriculture/food-processing'],
    province: 'PK-KP',
    bestScore: null,
    nearMiss: null,
  },
  {
    id: 'need-19',
    title: 'Mariculture cages for the Makran coast',
    language: 'en',
    enterprise: balochDates,
    sectors: ['agriculture/fisheries'],
    province: 'PK-BA',
    bestScore: 29,
    nearMiss: 'no offer in fisheries & aquaculture',
  },
  {
    id: 'need-20',
    title: 'Hepatitis C vaccine fill-and-finish line',
    language: 'en',
    enterprise: lahoreHealth,
    sectors: ['health/vaccines'],
    province: 'PK-PB',
    bestScore: 44,
    nearMiss: 'budget PKR 120m < price range CNY 8–12m',
  },
  {
    id: 'need-15',
    title: 'Desalination for coastal farms in Gwadar',
    language: 'en',
    enterprise: balochDates,
    sectors: ['resources/water'],
    province: 'PK-BA',
    bestScore: null,
    nearMiss: null,
  },
];

type Reason = { en: string; 'zh-Hans': string; ur?: string };
const R = {
  sector: (en: string, zh: string, ur?: string): Reason => ({
    en: `Same sub-sector: ${en}`,
    'zh-Hans': `细分领域相同：${zh}`,
    ur: ur && `ایک ہی ذیلی شعبہ: ${ur}`,
  }),
  terms: (en: string, zh: string): Reason => ({ en: `Matched terms: ${en}`, 'zh-Hans': `匹配词：${zh}` }),
  trl: (o: number, n: number): Reason => ({
    en: `TRL ${o} ≥ required ${n}`,
    'zh-Hans': `技术成熟度 ${o} ≥ 要求 ${n}`,
    ur: `ٹی آر ایل ${o} ≥ مطلوبہ ${n}`,
  }),
  region: (en: string, zh: string): Reason => ({ en: `Targets ${en}`, 'zh-Hans': `目标地区包括${zh}` }),
  budget: (): Reason => ({
    en: 'Budget ranges overlap',
    'zh-Hans': '预算区间重叠',
    ur: 'بجٹ کی حدیں ملتی ہیں',
  }),
  mode: (en: string, zh: string): Reason => ({
    en: `Common cooperation mode: ${en}`,
    'zh-Hans': `共同合作方式：${zh}`,
  }),
};

/** need id → [offer id, score, reasons] best first */
const PAIRS: Record<string, [string, number, Reason[]][]> = {
  'need-01': [
    [
      'off-01',
      87,
      [
        R.sector('Seeds & hybrid breeding', '种子与杂交育种', 'بیج اور ہائبرڈ افزائش'),
        R.terms('hybrid rice / heat-tolerant', '杂交水稻 / 耐高温'),
        R.trl(8, 6),
        R.region('Punjab', '旁遮普省'),
      ],
    ],
  ],
  'need-02': [
    [
      'off-02',
      78,
      [
        R.sector('Irrigation', '灌溉', 'آبپاشی'),
        R.terms('drip irrigation / cotton', '滴灌 / 棉花'),
        R.trl(9, 6),
      ],
    ],
    ['off-03', 64, [R.terms('irrigation / pump', '灌溉 / 水泵'), R.mode('equipment supply', '设备供应')]],
  ],
  'need-03': [
    [
      'off-03',
      91,
      [
        R.sector('Solar PV', '太阳能光伏', 'شمسی فوٹو وولٹائک'),
        R.terms('solar pump / tube-well', '光伏水泵 / 机井'),
        R.trl(9, 7),
        R.budget(),
      ],
    ],
    ['off-07', 58, [R.terms('off-grid / storage', '离网 / 储能'), R.region('Sindh', '信德省')]],
  ],
  'need-04': [
    [
      'off-04',
      74,
      [
        R.sector('Diagnostics & medical devices', '诊断与医疗器械', 'تشخیص اور طبی آلات'),
        R.terms('dengue / rapid test', '登革热 / 快速检测'),
        R.trl(8, 7),
      ],
    ],
  ],
  'need-05': [
    [
      'off-05',
      69,
      [
        R.sector('Fintech', '金融科技', 'فن ٹیک'),
        R.terms('mobile payments / microfinance', '移动支付 / 小额信贷'),
        R.mode('licensing', '许可'),
      ],
    ],
  ],
  'need-06': [
    [
      'off-06',
      82,
      [
        R.sector('Cold chain', '冷链', 'کولڈ چین'),
        R.terms('cold storage / dates', '冷库 / 椰枣'),
        R.region('Balochistan', '俾路支省'),
        R.budget(),
      ],
    ],
  ],
  'need-08': [
    [
      'off-07',
      66,
      [
        R.sector('Energy storage & batteries', '储能与电池', 'توانائی ذخیرہ اور بیٹریاں'),
        R.terms('battery backup', '储能 / 备用电源'),
        R.trl(9, 6),
      ],
    ],
  ],
  'need-12': [
    [
      'off-02',
      72,
      [
        R.sector('Irrigation', '灌溉', 'آبپاشی'),
        R.terms('drip irrigation', '滴灌'),
        R.region('Balochistan', '俾路支省'),
      ],
    ],
  ],
  'need-13': [
    [
      'off-07',
      71,
      [
        R.sector('Energy storage & batteries', '储能与电池', 'توانائی ذخیرہ اور بیٹریاں'),
        R.terms('micro-grid / battery', '微电网 / 电池'),
        R.region('Gilgit-Baltistan', '吉尔吉特-巴尔蒂斯坦'),
      ],
    ],
  ],
  'need-16': [
    [
      'off-06',
      63,
      [R.sector('Cold chain', '冷链', 'کولڈ چین'), R.terms('cold storage', '冷库'), R.trl(9, 5)],
    ],
  ],
  'need-14': [
    [
      'off-04',
      70,
      [
        R.sector('Diagnostics & medical devices', '诊断与医疗器械', 'تشخیص اور طبی آلات'),
        R.terms('dengue / point-of-care', '登革热 / 即时检测'),
        R.trl(8, 6),
      ],
    ],
  ],
};

const VENUE_KUNMING = {
  id: 'kunming',
  city: { en: 'Kunming', 'zh-Hans': '昆明', ur: 'کنمنگ' },
  name: { en: 'Dianchi International Convention Center', 'zh-Hans': '滇池国际会展中心' },
  timeZone: 'Asia/Shanghai',
  tables: 12,
};
const VENUE_ISLAMABAD = {
  id: 'islamabad',
  city: { en: 'Islamabad', 'zh-Hans': '伊斯兰堡', ur: 'اسلام آباد' },
  name: { en: 'Pak-China Friendship Centre', 'zh-Hans': '巴中友谊中心', ur: 'پاک چین دوستی مرکز' },
  timeZone: 'Asia/Karachi',
  tables: 10,
};

const part = (
  e: EnterpriseRef,
  venueId: string | null,
  timeZone: string,
  languages: LanguageTag[],
): ParticipantRef => ({
  id: `p-${e.id.slice(4)}`,
  enterprise: e,
  timeZone,
  languages,
  venueId,
});
// where each participant attends: Chinese delegations are mostly in Kunming, some travelled to Islamabad;
// the Punjab institute and the Balochistan growers sent delegations to Kunming; two attend online.
const P = {
  yunnanAgri: part(yunnanAgri, 'kunming', 'Asia/Shanghai', ['zh-Hans']),
  kunmingSolar: part(kunmingSolar, 'islamabad', 'Asia/Karachi', ['zh-Hans', 'en']),
  sichuanBio: part(sichuanBio, 'kunming', 'Asia/Shanghai', ['zh-Hans', 'en']),
  shenzhenDigital: part(shenzhenDigital, null, 'Asia/Shanghai', ['zh-Hans', 'en']),
  xinjiangCold: part(xinjiangCold, 'kunming', 'Asia/Shanghai', ['zh-Hans']),
  zhejiangStorage: part(zhejiangStorage, 'islamabad', 'Asia/Karachi', ['zh-Hans', 'en']),
  diannanHerbal: part(diannanHerbal, 'kunming', 'Asia/Shanghai', ['zh-Hans']),
  punjabResearch: part(punjabResearch, 'kunming', 'Asia/Shanghai', ['ur', 'en']),
  sindhSolar: part(sindhSolar, 'islamabad', 'Asia/Karachi', ['ur']),
  khyberPharma: part(khyberPharma, 'islamabad', 'Asia/Karachi', ['ur', 'en']),
  islamabadFintech: part(islamabadFintech, null, 'Asia/Karachi', ['en', 'ur']),
  balochDates: part(balochDates, 'kunming', 'Asia/Shanghai', ['ur']),
  gilgitPower: part(gilgitPower, 'islamabad', 'Asia/Karachi', ['ur', 'en']),
  lahoreHealth: part(lahoreHealth, 'islamabad', 'Asia/Karachi', ['en', 'ur']),
};

const meeting = (
  id: string,
  startUtc: string,
  minutes: number,
  venueId: string | null,
  table: number | null,
  a: ParticipantRef,
  b: ParticipantRef,
  score: number,
  mutual: boolean,
  topic: string,
  why: string,
  interpreter?: [LanguageTag, LanguageTag],
): ScheduledMeeting => ({
  id,
  startUtc,
  endUtc: new Date(Date.parse(startUtc) + minutes * 60_000).toISOString(),
  venueId,
  table,
  a,
  b,
  score,
  mutual,
  topic,
  why,
  interpreter: interpreter ? { languages: interpreter } : null,
});

const MEETINGS: ScheduledMeeting[] = [
  // day 1, Kunming (UTC+8): 09:00 local = 01:00Z
  meeting(
    'mtg-001',
    '2026-11-24T01:00:00.000Z',
    30,
    'kunming',
    1,
    P.yunnanAgri,
    P.punjabResearch,
    87,
    true,
    '耐高温长粒型杂交水稻种子 ↔ Heat-tolerant hybrid rice seed for the Punjab kharif season; 棉花膜下滴灌与水肥一体化系统 ↔ کپاس کے لیے ڈرپ آبپاشی کا نظام',
    'mutual wish, best score of both; both in Kunming; first slot with a zh-Hans–en interpreter free',
    ['zh-Hans', 'en'],
  ),
  meeting(
    'mtg-002',
    '2026-11-24T01:00:00.000Z',
    30,
    'kunming',
    2,
    P.xinjiangCold,
    P.balochDates,
    82,
    true,
    '-25 °C mobile cold rooms for fruit and dates ↔ کھجور کی فصل کے لیے کولڈ اسٹوریج',
    'mutual wish; both in Kunming; zh-Hans–ur interpreter free at 09:00',
    ['zh-Hans', 'ur'],
  ),
  meeting(
    'mtg-003',
    '2026-11-24T01:30:00.000Z',
    30,
    'kunming',
    1,
    P.yunnanAgri,
    P.balochDates,
    72,
    false,
    '棉花膜下滴灌与水肥一体化系统 ↔ کھجور کے باغات کے لیے ڈرپ آبپاشی',
    'wished by Balochistan Date Growers; next free slot of both after 09:00',
    ['zh-Hans', 'ur'],
  ),
  // day 1, Islamabad (UTC+5): 10:00 local = 05:00Z
  meeting(
    'mtg-004',
    '2026-11-24T05:00:00.000Z',
    30,
    'islamabad',
    1,
    P.kunmingSolar,
    P.sindhSolar,
    91,
    true,
    '光伏扬水系统（太阳能水泵） ↔ Solar-powered tube-well pumps for smallholder farms',
    'mutual wish, highest score of the workshop; both in Islamabad; zh-Hans–ur interpreter',
    ['zh-Hans', 'ur'],
  ),
  meeting(
    'mtg-005',
    '2026-11-24T05:00:00.000Z',
    30,
    'islamabad',
    2,
    P.zhejiangStorage,
    P.lahoreHealth,
    66,
    false,
    '磷酸铁锂储能系统（离网与微电网） ↔ Battery backup for rural clinics',
    'best remaining pair for both; common language English',
  ),
  meeting(
    'mtg-006',
    '2026-11-24T05:30:00.000Z',
    30,
    'islamabad',
    1,
    P.zhejiangStorage,
    P.sindhSolar,
    58,
    false,
    '磷酸铁锂储能系统（离网与微电网） ↔ Solar-powered tube-well pumps for smallholder farms',
    'fills a free slot of both; interpreter still free',
    ['zh-Hans', 'ur'],
  ),
  // day 1, online: 06:00Z = 14:00 Beijing time = 11:00 Pakistan time
  meeting(
    'mtg-007',
    '2026-11-24T06:00:00.000Z',
    30,
    null,
    null,
    P.shenzhenDigital,
    P.islamabadFintech,
    69,
    true,
    'Inclusive mobile payments and micro-credit scoring platform ↔ Mobile payments platform for rural microfinance',
    'mutual wish; both online; 14:00 Beijing / 11:00 Islamabad is inside both working days; common language English',
  ),
  meeting(
    'mtg-008',
    '2026-11-24T07:00:00.000Z',
    30,
    null,
    null,
    P.sichuanBio,
    P.khyberPharma,
    74,
    true,
    '登革热NS1抗原快速检测试剂盒 ↔ Rapid diagnostic kits for dengue in district hospitals',
    'mutual wish; different venues, so online; common language English',
  ),
  // day 2
  meeting(
    'mtg-009',
    '2026-11-25T01:00:00.000Z',
    30,
    'kunming',
    3,
    P.xinjiangCold,
    P.punjabResearch,
    63,
    false,
    '-25 °C mobile cold rooms for fruit and dates ↔ Cold storage for seed potatoes',
    'best remaining pair for both on day 2; both in Kunming; zh-Hans–en interpreter free',
    ['zh-Hans', 'en'],
  ),
  meeting(
    'mtg-010',
    '2026-11-25T05:00:00.000Z',
    30,
    'islamabad',
    1,
    P.zhejiangStorage,
    P.gilgitPower,
    71,
    true,
    '磷酸铁锂储能系统（离网与微电网） ↔ Micro-grid battery storage for small hydropower plants',
    'mutual wish; both in Islamabad; common language English',
  ),
  meeting(
    'mtg-011',
    '2026-11-25T07:00:00.000Z',
    30,
    null,
    null,
    P.sichuanBio,
    P.lahoreHealth,
    70,
    false,
    '登革热NS1抗原快速检测试剂盒 ↔ Point-of-care dengue testing for clinics',
    'different venues, so online; 15:00 Beijing / 12:00 Islamabad; common language English',
  ),
];

const WISHES: UnscheduledWish[] = [
  {
    a: P.diannanHerbal,
    b: P.khyberPharma,
    reasonCode: 'no-interpreter',
    reason: 'no shared language (zh-Hans / ur, en) and no zh-Hans–ur interpreter free in a slot both have',
  },
  {
    a: P.kunmingSolar,
    b: P.punjabResearch,
    reasonCode: 'different-venues-no-online-slot',
    reason:
      'Kunming Photovoltaic attends in Islamabad and the Punjab institute in Kunming; every online slot inside both working days is taken',
  },
];

function buildNeeds(offers: Map<string, OfferSeed>): NeedReportEntry[] {
  return NEEDS.map((n) => ({
    id: n.id,
    title: n.title,
    language: n.language,
    enterprise: n.enterprise,
    sectors: n.sectors.map(sector),
    province: region(n.province),
    bestOffers: (PAIRS[n.id] ?? []).map(([offerId, score, reasons]): ScoredMatch => {
      const o = offers.get(offerId)!;
      return { id: o.id, title: o.title, language: o.language, enterprise: o.enterprise, score, reasons };
    }),
  }));
}

function buildOffers(): OfferReportEntry[] {
  return OFFERS.map((o) => {
    const best: ScoredMatch[] = [];
    for (const n of NEEDS) {
      for (const [offerId, score, reasons] of PAIRS[n.id] ?? []) {
        if (offerId === o.id)
          best.push({
            id: n.id,
            title: n.title,
            language: n.language,
            enterprise: n.enterprise,
            score,
            reasons,
          });
      }
    }
    best.sort((x, y) => y.score - x.score);
    return {
      id: o.id,
      title: o.title,
      language: o.language,
      enterprise: o.enterprise,
      sectors: o.sectors.map(sector),
      targetRegions: o.targetRegions.map(region),
      bestNeeds: best,
    };
  });
}

function buildUnmet(needs: NeedReportEntry[]): UnmetNeedGroup[] {
  const groups = new Map<string, UnmetNeedGroup>();
  for (const n of needs) {
    if (n.bestOffers.length) continue;
    const seed = NEEDS.find((s) => s.id === n.id)!;
    const key = `${n.sectors[0].code}|${n.province?.code ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sector: n.sectors[0], province: n.province, needs: [] }));
    g.needs.push({
      id: n.id,
      title: n.title,
      language: n.language,
      enterprise: n.enterprise,
      bestScore: seed.bestScore ?? null,
      nearMiss: seed.nearMiss ?? null,
    });
  }
  return [...groups.values()];
}

function buildSectorCounts(needs: NeedReportEntry[]): SectorCount[] {
  const top = (code: string) => code.split('/')[0];
  const counts = new Map<string, SectorCount>();
  const get = (code: string) => {
    let c = counts.get(code);
    if (!c) counts.set(code, (c = { sector: sector(code), offers: 0, needs: 0, matchedNeeds: 0 }));
    return c;
  };
  for (const o of OFFERS) for (const s of new Set(o.sectors.map(top))) get(s).offers++;
  for (const n of needs) {
    for (const s of new Set(n.sectors.map((x) => top(x.code)))) {
      get(s).needs++;
      if (n.bestOffers.length) get(s).matchedNeeds++;
    }
  }
  return [...counts.values()].sort(
    (x, y) => y.needs + y.offers - (x.needs + x.offers) || x.sector.code.localeCompare(y.sector.code),
  );
}

/** The demo workshop's match report. A fresh object on every call (tests may mutate it). */
export function demoReportModel(): WorkshopReportModel {
  const needs = buildNeeds(new Map(OFFERS.map((o) => [o.id, o])));
  const model: WorkshopReportModel = {
    reportId: 'rep-2026-11-sino-pak-01',
    workshop: {
      id: 'ws-2026-sino-pak',
      title: {
        en: 'Sino-Pak Matchmaking Workshop 2026: Agriculture, New Energy, Biomedicine & Digital Economy',
        'zh-Hans': '2026中国—巴基斯坦技术转移对接会：现代农业、新能源、生物医药与数字经济',
        ur: 'پاک چین ٹیکنالوجی میچ میکنگ ورکشاپ ۲۰۲۶',
      },
      mode: 'hybrid',
      days: ['2026-11-24', '2026-11-25'],
      venues: [VENUE_KUNMING, VENUE_ISLAMABAD],
    },
    generatedAt: '2026-11-20T08:30:00.000Z',
    threshold: 50,
    needs,
    offers: buildOffers(),
    unmetNeeds: buildUnmet(needs),
    sectorCounts: buildSectorCounts(needs),
    schedule: { meetings: MEETINGS, unscheduledWishes: WISHES },
  };
  return structuredClone(model);
}

/** Participant ids of the demo, for agendas. */
export const DEMO_PARTICIPANTS = Object.fromEntries(Object.entries(P).map(([k, v]) => [k, v.id])) as Record<
  keyof typeof P,
  string
>;

/** The agenda of one demo participant (default: the Punjab Agricultural Research Institute delegation in Kunming). */
export function demoAgendaModel(participantId: string = P.punjabResearch.id): AgendaModel {
  return agendaForParticipant(demoReportModel(), participantId);
}
