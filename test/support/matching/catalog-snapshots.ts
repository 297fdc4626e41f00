import { randomUUID } from 'node:crypto';
import { NeedSnapshotV1, OfferSnapshotV1 } from '@techbridge/contracts';

const now = () => new Date().toISOString();
const inAYear = () => new Date(Date.now() + 365 * 86400_000).toISOString();

/** A published Chinese offer snapshot as catalog would announce it (override any field). */
export function offerSnapshot(id: string = randomUUID(), overrides: Partial<OfferSnapshotV1> = {}): OfferSnapshotV1 {
  return {
    id,
    enterpriseId: randomUUID(),
    country: 'CN',
    title: '太阳能光伏水泵滴灌系统',
    summary: '用于干旱地区棉花种植的光伏水泵和滴灌设备。',
    description: '光伏组件驱动直流水泵，配合滴灌带，节水百分之五十。',
    language: 'zh-Hans',
    sectors: ['agriculture/irrigation'],
    keywords: ['滴灌', '光伏水泵'],
    cooperationModes: ['equipment-supply'],
    status: 'published',
    version: 1,
    publishedAt: now(),
    updatedAt: now(),
    trl: 8,
    iprStatus: 'patent-granted',
    price: null,
    targetRegions: [],
    validUntil: inAYear(),
    ...overrides,
  };
}

/** A published Pakistani need snapshot (override any field). */
export function needSnapshot(id: string = randomUUID(), overrides: Partial<NeedSnapshotV1> = {}): NeedSnapshotV1 {
  return {
    id,
    enterpriseId: randomUUID(),
    country: 'PK',
    title: 'Solar drip irrigation for cotton in Sindh',
    summary: 'Drip irrigation with photovoltaic pumps for smallholders.',
    description: 'We need drip irrigation kits driven by solar pumps.',
    language: 'en',
    sectors: ['agriculture/irrigation'],
    keywords: ['drip irrigation', 'solar pump'],
    cooperationModes: ['equipment-supply', 'training'],
    status: 'published',
    version: 1,
    publishedAt: now(),
    updatedAt: now(),
    minTrl: 6,
    budget: null,
    region: 'PK-SD',
    deadline: null,
    urgency: 'high',
    ...overrides,
  };
}

/**
 * Technology families with a Chinese offer text and an English need text that clearly match each
 * other and share nothing with the other families: a need's right offers are unambiguous.
 */
export const FAMILIES = [
  {
    sector: 'agriculture/irrigation',
    offer: { title: '太阳能光伏水泵滴灌系统', summary: '用于干旱地区棉花种植的光伏水泵和滴灌设备。', description: '光伏组件驱动直流水泵，配合滴灌带，节水百分之五十。', keywords: ['滴灌', '光伏水泵'] },
    need: { title: 'Solar drip irrigation for cotton', summary: 'Drip irrigation with photovoltaic pumps for smallholders.', description: 'We need drip irrigation kits driven by solar water pumps.', keywords: ['drip irrigation', 'solar pump'] },
  },
  {
    sector: 'earth-space/earthquake-monitoring',
    offer: { title: '地震预警系统', summary: '基于强震动传感器网络的地震预警系统。', description: '在破坏性地震波到达前发出警报，包括传感器和预警发布终端。', keywords: ['地震预警', '传感器'] },
    need: { title: 'Earthquake early warning network', summary: 'Seismic sensors and public alerts for the north.', description: 'We seek an earthquake early warning system with a seismic sensor network.', keywords: ['earthquake early warning', 'seismic sensor'] },
  },
  {
    sector: 'health/vaccines',
    offer: { title: '疫苗冷链运输箱', summary: '太阳能供电的疫苗冷藏箱，保持二至八摄氏度。', description: '用于偏远地区疫苗运输和储存的冷链设备，带温度记录。', keywords: ['疫苗', '冷链'] },
    need: { title: 'Vaccine cold chain boxes', summary: 'Refrigerated vaccine carriers for remote districts.', description: 'We need cold chain equipment to store and transport vaccines at two to eight degrees.', keywords: ['vaccine', 'cold chain'] },
  },
  {
    sector: 'energy/storage',
    offer: { title: '锂电池储能系统', summary: '用于电网调峰和微电网的锂电池储能柜。', description: '磷酸铁锂电池储能系统，含电池管理系统和储能变流器。', keywords: ['锂电池', '储能'] },
    need: { title: 'Lithium battery energy storage', summary: 'Battery storage for a solar mini-grid.', description: 'We want a lithium iron phosphate battery energy storage system with a battery management system.', keywords: ['lithium battery', 'energy storage'] },
  },
] as const;
