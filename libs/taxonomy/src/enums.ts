/** Closed vocabularies shared by catalog, matching and workshops (brief: "Domain vocabulary"). */
import type { Labels, Language } from './labels';

function guard<T extends string>(values: readonly T[]) {
  const set = new Set<string>(values);
  return (v: unknown): v is T => typeof v === 'string' && set.has(v);
}

export const COOPERATION_MODES = [
  'licensing',
  'technical-cooperation',
  'joint-venture',
  'equipment-supply',
  'training',
  'joint-research',
  'investment',
] as const;
export type CooperationMode = (typeof COOPERATION_MODES)[number];
export const isCooperationMode = guard(COOPERATION_MODES);
export const COOPERATION_MODE_LABELS: Readonly<Record<CooperationMode, Labels>> = {
  licensing: { en: 'Licensing', 'zh-Hans': '技术许可', ur: 'لائسنسنگ' },
  'technical-cooperation': { en: 'Technical cooperation', 'zh-Hans': '技术合作', ur: 'تکنیکی تعاون' },
  'joint-venture': { en: 'Joint venture', 'zh-Hans': '合资经营', ur: 'مشترکہ منصوبہ' },
  'equipment-supply': { en: 'Equipment supply', 'zh-Hans': '设备供应', ur: 'آلات کی فراہمی' },
  training: { en: 'Training', 'zh-Hans': '技术培训', ur: 'تربیت' },
  'joint-research': { en: 'Joint research', 'zh-Hans': '联合研发', ur: 'مشترکہ تحقیق' },
  investment: { en: 'Investment', 'zh-Hans': '投资', ur: 'سرمایہ کاری' },
};
export function cooperationModeLabel(mode: string, lang: Language = 'en'): string {
  return (COOPERATION_MODE_LABELS as Record<string, Labels>)[mode]?.[lang] ?? mode;
}

export const IPR_STATUSES = ['none', 'know-how', 'patent-applied', 'patent-granted', 'other'] as const;
export type IprStatus = (typeof IPR_STATUSES)[number];
export const isIprStatus = guard(IPR_STATUSES);
export const IPR_STATUS_LABELS: Readonly<Record<IprStatus, Labels>> = {
  none: { en: 'No IPR', 'zh-Hans': '无知识产权', ur: 'کوئی دانشورانہ حق نہیں' },
  'know-how': { en: 'Know-how', 'zh-Hans': '专有技术', ur: 'تکنیکی مہارت' },
  'patent-applied': { en: 'Patent applied for', 'zh-Hans': '专利申请中', ur: 'پیٹنٹ کی درخواست دی گئی' },
  'patent-granted': { en: 'Patent granted', 'zh-Hans': '已授权专利', ur: 'پیٹنٹ منظور شدہ' },
  other: { en: 'Other', 'zh-Hans': '其他', ur: 'دیگر' },
};

export const CURRENCIES = ['CNY', 'PKR', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const isCurrency = guard(CURRENCIES);

export const COUNTRIES = ['CN', 'PK'] as const;
export type Country = (typeof COUNTRIES)[number];
export const isCountry = guard(COUNTRIES);
export const COUNTRY_LABELS: Readonly<Record<Country, Labels>> = {
  CN: { en: 'China', 'zh-Hans': '中国', ur: 'چین' },
  PK: { en: 'Pakistan', 'zh-Hans': '巴基斯坦', ur: 'پاکستان' },
};

export const ORGANISATION_TYPES = ['company', 'university', 'research-institute', 'government-body', 'association'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export const isOrganisationType = guard(ORGANISATION_TYPES);
export const ORGANISATION_TYPE_LABELS: Readonly<Record<OrganisationType, Labels>> = {
  company: { en: 'Company', 'zh-Hans': '企业', ur: 'کمپنی' },
  university: { en: 'University', 'zh-Hans': '高校', ur: 'یونیورسٹی' },
  'research-institute': { en: 'Research institute', 'zh-Hans': '科研院所', ur: 'تحقیقی ادارہ' },
  'government-body': { en: 'Government body', 'zh-Hans': '政府机构', ur: 'سرکاری ادارہ' },
  association: { en: 'Association', 'zh-Hans': '协会', ur: 'انجمن' },
};

export const SIZE_BANDS = ['micro', 'small', 'medium', 'large'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];
export const isSizeBand = guard(SIZE_BANDS);

export const URGENCIES = ['low', 'medium', 'high', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const isUrgency = guard(URGENCIES);
export const URGENCY_LABELS: Readonly<Record<Urgency, Labels>> = {
  low: { en: 'Low', 'zh-Hans': '低', ur: 'کم' },
  medium: { en: 'Medium', 'zh-Hans': '中', ur: 'درمیانی' },
  high: { en: 'High', 'zh-Hans': '高', ur: 'زیادہ' },
  critical: { en: 'Critical', 'zh-Hans': '紧急', ur: 'انتہائی اہم' },
};

export const OFFER_STATUSES = ['draft', 'published', 'withdrawn', 'expired', 'closed'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export const isOfferStatus = guard(OFFER_STATUSES);
export const NEED_STATUSES = ['draft', 'published', 'withdrawn', 'expired', 'closed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const isNeedStatus = guard(NEED_STATUSES);
export const STATUS_LABELS: Readonly<Record<OfferStatus, Labels>> = {
  draft: { en: 'Draft', 'zh-Hans': '草稿', ur: 'مسودہ' },
  published: { en: 'Published', 'zh-Hans': '已发布', ur: 'شائع شدہ' },
  withdrawn: { en: 'Withdrawn', 'zh-Hans': '已撤回', ur: 'واپس لیا گیا' },
  expired: { en: 'Expired', 'zh-Hans': '已过期', ur: 'میعاد ختم' },
  closed: { en: 'Closed', 'zh-Hans': '已关闭', ur: 'بند' },
};

/** Technology Readiness Levels, EU Horizon 2020 scale (General Annex G), short labels. */
export const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type TrlLevel = (typeof TRL_LEVELS)[number];
export function isTrl(v: unknown): v is TrlLevel {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 9;
}
export const TRL: Readonly<Record<TrlLevel, Labels>> = {
  1: { en: 'Basic principles observed', 'zh-Hans': '观察到基本原理', ur: 'بنیادی اصولوں کا مشاہدہ' },
  2: { en: 'Technology concept formulated', 'zh-Hans': '形成技术概念', ur: 'ٹیکنالوجی کا تصور وضع' },
  3: { en: 'Experimental proof of concept', 'zh-Hans': '概念的实验验证', ur: 'تصور کا تجرباتی ثبوت' },
  4: { en: 'Technology validated in lab', 'zh-Hans': '实验室环境验证', ur: 'لیبارٹری میں توثیق شدہ ٹیکنالوجی' },
  5: { en: 'Technology validated in relevant environment', 'zh-Hans': '相关环境中验证', ur: 'متعلقہ ماحول میں توثیق شدہ ٹیکنالوجی' },
  6: { en: 'Technology demonstrated in relevant environment', 'zh-Hans': '相关环境中演示', ur: 'متعلقہ ماحول میں مظاہرہ شدہ ٹیکنالوجی' },
  7: { en: 'System prototype demonstration in operational environment', 'zh-Hans': '实际运行环境中的原型演示', ur: 'عملی ماحول میں پروٹوٹائپ کا مظاہرہ' },
  8: { en: 'System complete and qualified', 'zh-Hans': '系统完成并通过鉴定', ur: 'نظام مکمل اور اہل' },
  9: { en: 'Actual system proven in operational environment', 'zh-Hans': '实际系统经运行环境验证', ur: 'عملی ماحول میں ثابت شدہ نظام' },
};
export function trlLabel(level: number, lang: Language = 'en'): string {
  return isTrl(level) ? TRL[level][lang] : String(level);
}
