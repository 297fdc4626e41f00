import type { LanguageTag, LocalizedText } from './report.model';

/** Headings and column names shown by every format, in English, Simplified Chinese and Urdu. */
export const LABELS = {
  matchReport: { en: 'Match report', 'zh-Hans': '对接匹配报告', ur: 'مماثلت رپورٹ' },
  summary: { en: 'Summary', 'zh-Hans': '概要', ur: 'خلاصہ' },
  needsToOffers: {
    en: 'Pakistani needs and their best Chinese offers',
    'zh-Hans': '巴方技术需求及最佳中方技术',
    ur: 'پاکستانی ضروریات اور ان کی بہترین چینی پیشکشیں',
  },
  offersToNeeds: {
    en: 'Chinese offers and their best Pakistani needs',
    'zh-Hans': '中方技术成果及最佳巴方需求',
    ur: 'چینی پیشکشیں اور ان کی بہترین پاکستانی ضروریات',
  },
  unmetNeeds: { en: 'Unmet needs', 'zh-Hans': '未满足的需求', ur: 'غیر پوری ضروریات' },
  unmetChart: {
    en: 'Unmet needs by sector and province',
    'zh-Hans': '按领域和省份统计的未满足需求',
    ur: 'شعبے اور صوبے کے لحاظ سے غیر پوری ضروریات',
  },
  sectorCounts: { en: 'Per-sector counts', 'zh-Hans': '各领域统计', ur: 'شعبہ وار تعداد' },
  schedule: { en: 'Meeting schedule', 'zh-Hans': '洽谈会日程', ur: 'ملاقاتوں کا شیڈول' },
  unscheduledWishes: {
    en: 'Wished meetings not scheduled',
    'zh-Hans': '未能安排的洽谈意向',
    ur: 'غیر طے شدہ مطلوبہ ملاقاتیں',
  },
  online: { en: 'Online', 'zh-Hans': '线上', ur: 'آن لائن' },
  agenda: { en: 'Agenda', 'zh-Hans': '个人日程', ur: 'ایجنڈا' },
  // columns
  need: { en: 'Need', 'zh-Hans': '需求', ur: 'ضرورت' },
  offer: { en: 'Offer', 'zh-Hans': '技术成果', ur: 'پیشکش' },
  enterprise: { en: 'Enterprise', 'zh-Hans': '企业', ur: 'ادارہ' },
  sector: { en: 'Sector', 'zh-Hans': '领域', ur: 'شعبہ' },
  province: { en: 'Province', 'zh-Hans': '省份', ur: 'صوبہ' },
  score: { en: 'Score', 'zh-Hans': '得分', ur: 'اسکور' },
  reasons: { en: 'Reasons', 'zh-Hans': '匹配理由', ur: 'وجوہات' },
  rank: { en: 'Rank', 'zh-Hans': '排名', ur: 'درجہ' },
  count: { en: 'Count', 'zh-Hans': '数量', ur: 'تعداد' },
  offers: { en: 'Offers', 'zh-Hans': '技术成果数', ur: 'پیشکشیں' },
  needs: { en: 'Needs', 'zh-Hans': '需求数', ur: 'ضروریات' },
  matchedNeeds: { en: 'Matched needs', 'zh-Hans': '已匹配需求', ur: 'مماثل ضروریات' },
  bestScore: { en: 'Best score', 'zh-Hans': '最高分', ur: 'بہترین اسکور' },
  nearMiss: { en: 'What would make it match', 'zh-Hans': '差距', ur: 'کمی' },
  date: { en: 'Date', 'zh-Hans': '日期', ur: 'تاریخ' },
  time: { en: 'Time', 'zh-Hans': '时间', ur: 'وقت' },
  table: { en: 'Table', 'zh-Hans': '桌号', ur: 'میز' },
  chineseSide: { en: 'Chinese side', 'zh-Hans': '中方', ur: 'چینی فریق' },
  pakistaniSide: { en: 'Pakistani side', 'zh-Hans': '巴方', ur: 'پاکستانی فریق' },
  interpreter: { en: 'Interpreter', 'zh-Hans': '翻译', ur: 'مترجم' },
  topic: { en: 'Topic', 'zh-Hans': '洽谈主题', ur: 'موضوع' },
  why: { en: 'Why', 'zh-Hans': '安排理由', ur: 'وجہ' },
  mutual: { en: 'Mutual wish', 'zh-Hans': '双向意向', ur: 'باہمی خواہش' },
  location: { en: 'Location', 'zh-Hans': '地点', ur: 'مقام' },
  counterpart: { en: 'Counterpart', 'zh-Hans': '洽谈对象', ur: 'فریقِ ثانی' },
  languages: { en: 'Languages', 'zh-Hans': '语言', ur: 'زبانیں' },
  reason: { en: 'Reason', 'zh-Hans': '原因', ur: 'وجہ' },
  generated: { en: 'Generated', 'zh-Hans': '生成时间', ur: 'تیار کردہ' },
  threshold: { en: 'Match threshold', 'zh-Hans': '匹配阈值', ur: 'حد' },
  venues: { en: 'Venues', 'zh-Hans': '会场', ur: 'مقامات' },
  mode: { en: 'Mode', 'zh-Hans': '形式', ur: 'طریقہ' },
  noMatch: {
    en: 'no offer above the threshold',
    'zh-Hans': '无达到阈值的技术',
    ur: 'کوئی پیشکش حد سے اوپر نہیں',
  },
} as const satisfies Record<string, Required<LocalizedText>>;

export const MODE_LABELS: Record<string, LocalizedText> = {
  offline: { en: 'offline', 'zh-Hans': '线下', ur: 'بالمشافہ' },
  online: { en: 'online', 'zh-Hans': '线上', ur: 'آن لائن' },
  hybrid: { en: 'hybrid (in person + online)', 'zh-Hans': '线上线下结合', ur: 'ہائبرڈ' },
};

export const LANGUAGE_NAMES: Record<LanguageTag, LocalizedText> = {
  en: { en: 'English', 'zh-Hans': '英语', ur: 'انگریزی' },
  'zh-Hans': { en: 'Chinese', 'zh-Hans': '中文', ur: 'چینی' },
  ur: { en: 'Urdu', 'zh-Hans': '乌尔都语', ur: 'اردو' },
};

/** "English / 中文" (Urdu left out: used where one line of Latin + Han reads best, e.g. CSV headers). */
export function enZh(t: LocalizedText, sep = ' / '): string {
  return t['zh-Hans'] && t['zh-Hans'] !== t.en ? `${t.en}${sep}${t['zh-Hans']}` : t.en;
}

/** "English / 中文 / اردو", skipping missing or repeated languages. */
export function allLanguages(t: LocalizedText, sep = ' / '): string {
  const out: string[] = [];
  for (const v of [t.en, t['zh-Hans'], t.ur]) if (v && !out.includes(v)) out.push(v);
  return out.join(sep);
}
