/**
 * Two-level sector taxonomy (brief: "Domain vocabulary"). Codes are stable lowercase slugs:
 * `sector` or `sector/sub-sector`. Never rename a code; add new ones instead.
 * ISIC Rev.4 codes are given where the mapping is obvious (class or division level).
 */
import type { Labels, Language } from './labels';

export interface SectorKeywords {
  en: readonly string[];
  zh: readonly string[];
}

export interface Sector {
  /** `energy` or `energy/solar-pv` */
  code: string;
  /** parent code for sub-sectors, null for top-level sectors */
  parent: string | null;
  labels: Labels;
  /** ISIC Rev.4 section / division / class codes, where obvious */
  isic: readonly string[];
  /** a few search keywords (used by the matcher as sector hints) */
  keywords: SectorKeywords;
}

type Sub = [slug: string, en: string, zh: string, ur: string, isic: string[], kwEn: string[], kwZh: string[]];
interface Top {
  slug: string;
  labels: Labels;
  isic: string[];
  subs: Sub[];
}

const DATA: Top[] = [
  {
    slug: 'agriculture',
    labels: { en: 'Modern agriculture', 'zh-Hans': '现代农业', ur: 'جدید زراعت' },
    isic: ['A'],
    subs: [
      ['seeds', 'Seeds & hybrid breeding', '种子与杂交育种', 'بیج اور ہائبرڈ افزائش', ['0130'], ['seed', 'hybrid rice', 'breeding', 'germplasm'], ['种子', '杂交水稻', '育种', '种质']],
      ['irrigation', 'Irrigation', '灌溉', 'آبپاشی', ['0161'], ['irrigation', 'drip irrigation', 'sprinkler', 'water-saving'], ['灌溉', '滴灌', '喷灌', '节水']],
      ['farm-machinery', 'Farm machinery', '农业机械', 'زرعی مشینری', ['2821'], ['tractor', 'harvester', 'agricultural machinery'], ['拖拉机', '收割机', '农机']],
      ['livestock', 'Livestock', '畜牧业', 'مویشی پالنا', ['014'], ['livestock', 'dairy', 'cattle', 'poultry'], ['畜牧', '奶牛', '家禽']],
      ['fisheries', 'Fisheries & aquaculture', '渔业与水产养殖', 'ماہی گیری اور آبی زراعت', ['03'], ['aquaculture', 'fish farming', 'shrimp'], ['水产养殖', '渔业', '对虾']],
      ['food-processing', 'Food processing', '食品加工', 'خوراک کی پروسیسنگ', ['10'], ['food processing', 'packaging', 'drying'], ['食品加工', '包装', '烘干']],
      ['cold-chain', 'Cold chain', '冷链', 'کولڈ چین', ['5210'], ['cold chain', 'refrigerated storage', 'cold storage'], ['冷链', '冷藏', '冷库']],
    ],
  },
  {
    slug: 'energy',
    labels: { en: 'Energy', 'zh-Hans': '能源', ur: 'توانائی' },
    isic: ['D'],
    subs: [
      ['solar-pv', 'Solar PV', '太阳能光伏', 'شمسی فوٹو وولٹائک', ['3510', '2610'], ['solar', 'photovoltaic', 'PV module', 'solar pump'], ['光伏', '太阳能', '组件', '光伏水泵']],
      ['wind', 'Wind power', '风电', 'ہوا سے بجلی', ['3510'], ['wind turbine', 'wind farm'], ['风电', '风力发电机']],
      ['hydro', 'Hydropower', '水电', 'پن بجلی', ['3510'], ['hydropower', 'dam', 'small hydro'], ['水电', '水电站', '大坝']],
      ['storage', 'Energy storage & batteries', '储能与电池', 'توانائی ذخیرہ اور بیٹریاں', ['2720'], ['energy storage', 'battery', 'lithium'], ['储能', '电池', '锂电池']],
      ['grid', 'Power grid', '电网', 'بجلی کا گرڈ', ['3510'], ['grid', 'transmission', 'smart meter'], ['电网', '输电', '智能电表']],
      ['efficiency', 'Energy efficiency', '节能', 'توانائی کی بچت', [], ['energy efficiency', 'energy saving', 'waste heat'], ['节能', '能效', '余热']],
      ['nev', 'New-energy vehicles', '新能源汽车', 'نئی توانائی گاڑیاں', ['2910'], ['electric vehicle', 'EV', 'charging'], ['新能源汽车', '电动汽车', '充电桩']],
    ],
  },
  {
    slug: 'health',
    labels: { en: 'Health', 'zh-Hans': '医疗健康', ur: 'صحت' },
    isic: ['Q', '21'],
    subs: [
      ['biomedicine', 'Biomedicine', '生物医药', 'حیاتیاتی ادویات', ['2100'], ['biomedicine', 'biopharmaceutical'], ['生物医药', '生物制药']],
      ['vaccines', 'Vaccines', '疫苗', 'ویکسین', ['2100'], ['vaccine', 'immunisation'], ['疫苗', '免疫']],
      ['diagnostics', 'Diagnostics & medical devices', '诊断与医疗器械', 'تشخیص اور طبی آلات', ['2660', '3250'], ['diagnostic', 'medical device', 'test kit'], ['诊断', '医疗器械', '检测试剂']],
      ['traditional-medicine', 'Herbal & traditional medicine', '中草药与传统医药', 'جڑی بوٹیوں اور روایتی طب', ['2100'], ['herbal', 'traditional medicine'], ['中药', '中草药', '传统医药']],
      ['drug-discovery', 'Drug discovery', '新药研发', 'ادویات کی دریافت', ['7210'], ['drug discovery', 'clinical trial'], ['新药研发', '临床试验']],
    ],
  },
  {
    slug: 'digital',
    labels: { en: 'Digital economy', 'zh-Hans': '数字经济', ur: 'ڈیجیٹل معیشت' },
    isic: ['J'],
    subs: [
      ['ai', 'Artificial intelligence', '人工智能', 'مصنوعی ذہانت', ['6201'], ['artificial intelligence', 'AI', 'machine learning'], ['人工智能', '机器学习']],
      ['big-data', 'Big data', '大数据', 'بگ ڈیٹا', ['6311'], ['big data', 'analytics'], ['大数据', '数据分析']],
      ['cloud', 'Cloud computing', '云计算', 'کلاؤڈ کمپیوٹنگ', ['6311'], ['cloud computing', 'data centre'], ['云计算', '数据中心']],
      ['fintech', 'Fintech', '金融科技', 'فن ٹیک', ['6619'], ['fintech', 'mobile payment'], ['金融科技', '移动支付']],
      ['blockchain', 'Blockchain', '区块链', 'بلاک چین', ['6201'], ['blockchain', 'traceability'], ['区块链', '溯源']],
      ['e-commerce', 'E-commerce', '电子商务', 'ای کامرس', ['4791'], ['e-commerce', 'online marketplace'], ['电子商务', '电商']],
      ['smart-cities', 'Smart cities', '智慧城市', 'سمارٹ شہر', [], ['smart city', 'urban management'], ['智慧城市', '城市管理']],
    ],
  },
  {
    slug: 'ict',
    labels: { en: 'ICT & telecom', 'zh-Hans': '信息通信', ur: 'آئی سی ٹی اور ٹیلی کام' },
    isic: ['61'],
    subs: [
      ['5g', '5G & mobile networks', '5G与移动通信', '5G اور موبائل نیٹ ورکس', ['6120'], ['5G', 'base station', 'mobile network'], ['5G', '基站', '移动通信']],
      ['fibre', 'Optical fibre', '光纤通信', 'آپٹیکل فائبر', ['6110', '2731'], ['optical fibre', 'broadband'], ['光纤', '宽带']],
      ['satellite', 'Satellite applications', '卫星应用', 'سیٹلائٹ ایپلیکیشنز', ['6130'], ['satellite', 'BeiDou', 'navigation'], ['卫星', '北斗', '导航']],
      ['security', 'Security & surveillance', '安防与监控', 'سیکیورٹی اور نگرانی', ['8020'], ['surveillance', 'CCTV', 'cybersecurity'], ['安防', '监控', '网络安全']],
    ],
  },
  {
    slug: 'industry',
    labels: { en: 'Industry', 'zh-Hans': '工业制造', ur: 'صنعت' },
    isic: ['C'],
    subs: [
      ['materials', 'New & advanced materials', '新材料', 'نئے اور جدید مواد', ['20', '24'], ['advanced materials', 'composite', 'graphene'], ['新材料', '复合材料', '石墨烯']],
      ['textiles', 'Textiles', '纺织', 'ٹیکسٹائل', ['13'], ['textile', 'spinning', 'dyeing', 'cotton'], ['纺织', '纺纱', '印染', '棉花']],
      ['robotics', 'Robotics & automation', '机器人与自动化', 'روبوٹکس اور آٹومیشن', ['2829'], ['robot', 'automation', 'PLC'], ['机器人', '自动化']],
      ['integrated-circuits', 'Integrated circuits', '集成电路', 'انٹیگریٹڈ سرکٹس', ['2610'], ['integrated circuit', 'chip', 'semiconductor'], ['集成电路', '芯片', '半导体']],
      ['high-end-equipment', 'High-end equipment', '高端装备', 'اعلیٰ درجے کا سازوسامان', ['28'], ['CNC', 'machine tool', 'equipment'], ['数控', '机床', '装备']],
    ],
  },
  {
    slug: 'resources',
    labels: { en: 'Natural resources', 'zh-Hans': '自然资源', ur: 'قدرتی وسائل' },
    isic: ['B', 'E'],
    subs: [
      ['mining', 'Minerals & mining', '矿产与采矿', 'معدنیات اور کان کنی', ['05', '07', '08'], ['mining', 'mineral', 'ore'], ['采矿', '矿产', '矿石']],
      ['water', 'Water & desalination', '水资源与海水淡化', 'پانی اور نمک زدائی', ['3600'], ['desalination', 'water treatment', 'drinking water'], ['海水淡化', '水处理', '饮用水']],
      ['environment', 'Environmental protection', '环境保护', 'ماحولیاتی تحفظ', ['3700', '3900'], ['wastewater', 'pollution', 'recycling'], ['污水', '污染', '回收']],
    ],
  },
  {
    slug: 'earth-space',
    labels: { en: 'Earth & space', 'zh-Hans': '地球与空间科学', ur: 'زمین اور خلا' },
    isic: ['7210'],
    subs: [
      ['earthquake-monitoring', 'Earthquake monitoring', '地震监测', 'زلزلے کی نگرانی', ['7210'], ['earthquake', 'seismic', 'early warning'], ['地震', '地震监测', '预警']],
      ['disaster-mitigation', 'Disaster mitigation', '防灾减灾', 'آفات سے بچاؤ', ['8423'], ['flood', 'landslide', 'disaster'], ['防灾减灾', '洪水', '滑坡']],
      ['remote-sensing', 'Remote sensing', '遥感', 'ریموٹ سینسنگ', ['7110'], ['remote sensing', 'satellite imagery', 'GIS'], ['遥感', '卫星影像', '地理信息']],
      ['ocean', 'Ocean sciences', '海洋科学', 'سمندری علوم', ['7210'], ['ocean', 'marine', 'oceanography'], ['海洋', '海洋观测']],
      ['space', 'Space', '航天', 'خلائی ٹیکنالوجی', ['3030'], ['space', 'satellite launch', 'spacecraft'], ['航天', '卫星发射']],
      ['aeronautics', 'Aeronautics', '航空', 'ہوابازی', ['3030'], ['aviation', 'drone', 'UAV'], ['航空', '无人机']],
    ],
  },
  {
    slug: 'transport',
    labels: { en: 'Transport', 'zh-Hans': '交通运输', ur: 'نقل و حمل' },
    isic: ['H'],
    subs: [
      ['rail', 'Rail', '铁路', 'ریلوے', ['4911', '3020'], ['railway', 'metro', 'rolling stock'], ['铁路', '地铁', '机车']],
      ['highway', 'Highways', '公路', 'شاہراہیں', ['4210'], ['highway', 'road construction', 'bridge'], ['公路', '道路', '桥梁']],
      ['logistics', 'Logistics', '物流', 'لاجسٹکس', ['5229'], ['logistics', 'warehouse', 'port'], ['物流', '仓储', '港口']],
    ],
  },
  {
    slug: 'education',
    labels: { en: 'Education & training', 'zh-Hans': '教育培训', ur: 'تعلیم و تربیت' },
    isic: ['P'],
    subs: [
      ['stem', 'STEM education', 'STEM教育', 'سائنس و ٹیکنالوجی تعلیم', ['85'], ['STEM', 'laboratory', 'university'], ['科学教育', '实验室', '高校']],
      ['vocational', 'Vocational training', '职业培训', 'پیشہ ورانہ تربیت', ['8522'], ['vocational training', 'skills', 'technician'], ['职业培训', '技能', '技工']],
    ],
  },
];

function build(): Sector[] {
  const out: Sector[] = [];
  for (const top of DATA) {
    const subs = top.subs.map(([slug, en, zh, ur, isic, kwEn, kwZh]): Sector => ({
      code: `${top.slug}/${slug}`,
      parent: top.slug,
      labels: Object.freeze({ en, 'zh-Hans': zh, ur }),
      isic: Object.freeze(isic),
      keywords: Object.freeze({ en: Object.freeze(kwEn), zh: Object.freeze(kwZh) }),
    }));
    out.push({
      code: top.slug,
      parent: null,
      labels: Object.freeze({ ...top.labels }),
      isic: Object.freeze(top.isic),
      keywords: Object.freeze({ en: Object.freeze(subs.flatMap((s) => s.keywords.en.slice(0, 1))), zh: Object.freeze(subs.flatMap((s) => s.keywords.zh.slice(0, 1))) }),
    });
    out.push(...subs);
  }
  return out.map((s) => Object.freeze(s));
}

/** Flat list: each top-level sector followed by its sub-sectors. */
export const SECTORS: readonly Sector[] = Object.freeze(build());

const BY_CODE: ReadonlyMap<string, Sector> = new Map(SECTORS.map((s) => [s.code, s]));

export function isSectorCode(code: unknown): code is string {
  return typeof code === 'string' && BY_CODE.has(code);
}

export function getSector(code: string): Sector | undefined {
  return BY_CODE.get(code);
}

/** `energy/solar-pv` → `energy`; `energy` → `energy`; unknown code → null. */
export function parentSector(code: string): string | null {
  const s = BY_CODE.get(code);
  if (!s) return null;
  return s.parent ?? s.code;
}

export interface SectorTreeNode {
  code: string;
  labels: Labels;
  isic: readonly string[];
  children: { code: string; labels: Labels; isic: readonly string[] }[];
}

/** Nested view for `GET /v1/taxonomy/sectors`. Returns a fresh copy each call. */
export function sectorTree(): SectorTreeNode[] {
  return SECTORS.filter((s) => s.parent === null).map((top) => ({
    code: top.code,
    labels: { ...top.labels },
    isic: [...top.isic],
    children: SECTORS.filter((s) => s.parent === top.code).map((s) => ({ code: s.code, labels: { ...s.labels }, isic: [...s.isic] })),
  }));
}

/** Label in the requested language; falls back to English, then to the code itself. */
export function sectorLabel(code: string, lang: Language = 'en'): string {
  const s = BY_CODE.get(code);
  if (!s) return code;
  return s.labels[lang] || s.labels.en;
}
