/**
 * Deterministic synthetic corpus: N offers (CN, ~45% written in Chinese) and needs (PK, English),
 * assembled from sector-specific phrase pools with a seeded PRNG (mulberry32).
 */
import { COOPERATION_MODES, SECTORS } from '@techbridge/taxonomy';
import type { NeedDoc, OfferDoc } from '@techbridge/matching-core';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN_POOL: Record<string, string[]> = {
  agriculture: [
    'hybrid rice',
    'drip irrigation',
    'solar water pump',
    'cold storage',
    'seed production',
    'combine harvester',
    'dairy farming',
    'aquaculture',
    'greenhouse',
    'fertilizer',
    'food processing',
    'post-harvest losses',
    'cotton',
    'wheat',
    'crop yield',
  ],
  energy: [
    'solar PV',
    'photovoltaic modules',
    'energy storage',
    'lithium battery',
    'wind turbine',
    'small hydropower',
    'smart meter',
    'power grid',
    'electric vehicle',
    'charging station',
    'energy efficiency',
    'inverter',
  ],
  health: [
    'vaccine',
    'diagnostic test kit',
    'medical device',
    'herbal medicine',
    'hepatitis',
    'ultrasound',
    'clinical trial',
    'biopharmaceutical',
  ],
  digital: [
    'artificial intelligence',
    'big data',
    'cloud computing',
    'mobile payment',
    'blockchain',
    'e-commerce',
    'smart city',
    'machine learning',
  ],
  ict: [
    '5G network',
    'base station',
    'optical fibre',
    'satellite navigation',
    'video surveillance',
    'cybersecurity',
    'internet of things',
  ],
  industry: [
    'textile',
    'spinning',
    'dyeing',
    'industrial robot',
    'automation',
    'integrated circuit',
    'graphene',
    'CNC machine tool',
    'composite materials',
  ],
  resources: [
    'desalination',
    'reverse osmosis',
    'water treatment',
    'wastewater',
    'mining',
    'recycling',
    'drinking water',
  ],
  'earth-space': [
    'earthquake early warning',
    'seismic monitoring',
    'landslide',
    'remote sensing',
    'satellite imagery',
    'flood forecasting',
    'drone',
  ],
  transport: [
    'railway signalling',
    'locomotive',
    'highway construction',
    'bridge',
    'logistics',
    'warehouse',
    'port',
  ],
  education: [
    'vocational training',
    'technician training',
    'laboratory',
    'online education',
    'STEM education',
  ],
};
const ZH_POOL: Record<string, string[]> = {
  agriculture: [
    '杂交水稻',
    '滴灌',
    '光伏水泵',
    '冷库',
    '制种',
    '联合收割机',
    '奶牛养殖',
    '水产养殖',
    '温室',
    '化肥',
    '食品加工',
    '产后损失',
    '棉花',
    '小麦',
    '产量',
  ],
  energy: [
    '光伏',
    '光伏组件',
    '储能',
    '锂电池',
    '风力发电机',
    '小水电',
    '智能电表',
    '电网',
    '新能源汽车',
    '充电桩',
    '节能',
    '逆变器',
  ],
  health: ['疫苗', '检测试剂盒', '医疗器械', '中草药', '肝炎', '超声', '临床试验', '生物制药'],
  digital: ['人工智能', '大数据', '云计算', '移动支付', '区块链', '电子商务', '智慧城市', '机器学习'],
  ict: ['5G网络', '基站', '光纤', '卫星导航', '视频监控', '网络安全', '物联网'],
  industry: ['纺织', '纺纱', '印染', '工业机器人', '自动化', '集成电路', '石墨烯', '数控机床', '复合材料'],
  resources: ['海水淡化', '反渗透', '水处理', '污水', '采矿', '回收', '饮用水'],
  'earth-space': ['地震预警', '地震监测', '滑坡', '遥感', '卫星影像', '洪水预报', '无人机'],
  transport: ['铁路信号', '机车', '公路建设', '桥梁', '物流', '仓储', '港口'],
  education: ['职业培训', '技术人员培训', '实验室', '在线教育', '科学教育'],
};
const EN_FILLER = [
  'system',
  'solution',
  'technology',
  'for rural areas',
  'low cost',
  'high efficiency',
  'with training',
  'local assembly',
  'proven in the field',
  'remote monitoring',
  'design and installation',
];
const ZH_FILLER = [
  '系统',
  '解决方案',
  '技术',
  '适用于农村地区',
  '低成本',
  '高效率',
  '提供培训',
  '本地组装',
  '已在现场验证',
  '远程监控',
  '设计与安装',
];

const TOPS = Object.keys(EN_POOL);
const SUBS = (top: string) => SECTORS.filter((s) => s.parent === top).map((s) => s.code);

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}
function pickN<T>(r: () => number, xs: readonly T[], n: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(pick(r, xs));
  return out;
}
function modes(r: () => number): string[] {
  const n = 1 + Math.floor(r() * 3);
  return [...new Set(pickN(r, COOPERATION_MODES, n))];
}

export function syntheticOffers(n: number, seed = 42, zhShare = 0.45): OfferDoc[] {
  const r = mulberry32(seed);
  const out: OfferDoc[] = [];
  for (let i = 0; i < n; i++) {
    const top = pick(r, TOPS);
    const zh = r() < zhShare;
    const pool = zh ? ZH_POOL[top] : EN_POOL[top];
    const filler = zh ? ZH_FILLER : EN_FILLER;
    const sep = zh ? '，' : ', ';
    const terms = pickN(r, pool, 6);
    const title = zh ? `${terms[0]}${pick(r, filler)}` : `${terms[0]} ${pick(r, filler)}`;
    const summary = [terms[1], terms[2], pick(r, filler)].join(sep);
    const description = [...terms.slice(2), ...pickN(r, filler, 4), ...pickN(r, pool, 6)].join(sep);
    const days = Math.floor(r() * 300);
    const pub = new Date(Date.UTC(2025, 2, 1) + days * 86_400_000).toISOString();
    const cur = pick(r, ['CNY', 'USD'] as const);
    const lo = Math.round((cur === 'CNY' ? 1e5 : 1.5e4) * (1 + r() * 50));
    out.push({
      id: `syn-offer-${String(i).padStart(6, '0')}`,
      enterpriseId: `syn-cn-${i % 5000}`,
      country: 'CN',
      title,
      summary,
      description,
      language: zh ? 'zh-Hans' : 'en',
      sectors: [pick(r, SUBS(top))],
      keywords: pickN(r, pool, 3),
      trl: 4 + Math.floor(r() * 6),
      iprStatus: 'patent-granted',
      cooperationModes: modes(r),
      price: r() < 0.8 ? { min: lo, max: lo * 3, currency: cur } : null,
      targetRegions: r() < 0.5 ? [] : pickN(r, ['PK-PB', 'PK-SD', 'PK-KP', 'PK-BA', 'PK-IS', 'PK-GB'], 2),
      validUntil: '2027-03-01T00:00:00Z',
      status: 'published',
      version: 1,
      publishedAt: pub,
      updatedAt: pub,
    });
  }
  return out;
}

export function syntheticNeeds(n: number, seed = 7): NeedDoc[] {
  const r = mulberry32(seed);
  const out: NeedDoc[] = [];
  for (let i = 0; i < n; i++) {
    const top = pick(r, TOPS);
    const terms = pickN(r, EN_POOL[top], 5);
    out.push({
      id: `syn-need-${String(i).padStart(6, '0')}`,
      enterpriseId: `syn-pk-${i}`,
      country: 'PK',
      title: `${terms[0]} ${pick(r, EN_FILLER)}`,
      summary: `We need ${terms[1]} and ${terms[2]} ${pick(r, EN_FILLER)}`,
      description: `Looking for ${terms.join(', ')}; ${pickN(r, EN_FILLER, 3).join(', ')}. ${pickN(r, EN_POOL[top], 4).join(', ')}.`,
      language: 'en',
      sectors: [pick(r, SUBS(top))],
      keywords: terms.slice(0, 3),
      minTrl: 4 + Math.floor(r() * 4),
      cooperationModes: [...new Set(pickN(r, COOPERATION_MODES, 3))],
      budget: r() < 0.6 ? { min: 1e6, max: Math.round(1e7 * (1 + r() * 30)), currency: 'PKR' } : null,
      region: pick(r, ['PK-PB', 'PK-SD', 'PK-KP', 'PK-BA', 'PK-IS']),
      deadline: '2026-12-31',
      urgency: 'medium',
      status: 'published',
      version: 1,
      updatedAt: '2026-01-01T00:00:00Z',
    });
  }
  return out;
}
