/**
 * Reasons are data ({code, params}); `renderReason` turns them into a short sentence in en / zh-Hans / ur.
 * Params holding codes (sector, region, modes, concepts) are rendered with their labels in the target language.
 */
import { cooperationModeLabel, regionLabel, sectorLabel } from '@techbridge/taxonomy';
import { conceptLabels } from '../text/analyzer';
import type { Reason } from '../types';

export type ReasonLanguage = 'en' | 'zh-Hans' | 'ur';

export const REASON_CODES = [
  'text.sharedTerms',
  'text.weak',
  'sector.exact',
  'sector.within',
  'sector.related',
  'sector.none',
  'trl.meets',
  'trl.offered',
  'trl.below',
  'budget.fits',
  'budget.below',
  'budget.unknown',
  'region.targeted',
  'region.open',
  'region.notTargeted',
  'mode.common',
  'freshness.recent',
  'freshness.old',
  'score.belowThreshold',
  'hint.noUsableText',
  'hint.notLive',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

type Templates = Record<ReasonLanguage, string>;

const T: Record<ReasonCode, Templates> = {
  'text.sharedTerms': { en: 'Shared terms: {concepts}', 'zh-Hans': '共同术语：{concepts}', ur: 'مشترکہ اصطلاحات: {concepts}' },
  'text.weak': { en: 'Little text in common', 'zh-Hans': '文本相关性较低', ur: 'متن میں کم مماثلت' },
  'sector.exact': { en: 'Same sector: {sector}', 'zh-Hans': '同一领域：{sector}', ur: 'ایک ہی شعبہ: {sector}' },
  'sector.within': { en: 'Offer is in {sector}, within the requested {parent}', 'zh-Hans': '成果属于{sector}，在需求领域{parent}之内', ur: 'پیشکش {sector} میں ہے، جو مطلوبہ {parent} کا حصہ ہے' },
  'sector.related': { en: 'Related sector: both in {parent}', 'zh-Hans': '相关领域：同属{parent}', ur: 'متعلقہ شعبہ: دونوں {parent} میں' },
  'sector.none': { en: 'Different sectors', 'zh-Hans': '领域不同', ur: 'مختلف شعبے' },
  'trl.meets': { en: 'TRL {trl} meets the required {minTrl}', 'zh-Hans': '技术成熟度{trl}级，满足要求的{minTrl}级', ur: 'ٹی آر ایل {trl} مطلوبہ {minTrl} پر پورا اترتا ہے' },
  'trl.offered': { en: 'Technology readiness TRL {trl}', 'zh-Hans': '技术成熟度{trl}级', ur: 'ٹیکنالوجی کی تیاری ٹی آر ایل {trl}' },
  'trl.below': { en: 'Offer TRL {trl} < required {minTrl}', 'zh-Hans': '成果技术成熟度{trl}级，低于要求的{minTrl}级', ur: 'پیشکش کا ٹی آر ایل {trl} مطلوبہ {minTrl} سے کم ہے' },
  'budget.fits': { en: 'Budget {budget} {budgetCurrency} covers the price from {price} {priceCurrency}', 'zh-Hans': '预算{budget} {budgetCurrency}可覆盖报价{price} {priceCurrency}起', ur: 'بجٹ {budget} {budgetCurrency} قیمت {price} {priceCurrency} کو پورا کرتا ہے' },
  'budget.below': {
    en: 'Budget {budget} {budgetCurrency} below price {price} {priceCurrency} (≈ {converted} {budgetCurrency})',
    'zh-Hans': '预算{budget} {budgetCurrency}低于报价{price} {priceCurrency}（约合{converted} {budgetCurrency}）',
    ur: 'بجٹ {budget} {budgetCurrency} قیمت {price} {priceCurrency} (≈ {converted} {budgetCurrency}) سے کم ہے',
  },
  'budget.unknown': { en: 'No price or budget given', 'zh-Hans': '未提供价格或预算', ur: 'قیمت یا بجٹ نہیں دیا گیا' },
  'region.targeted': { en: 'Offer targets {region}', 'zh-Hans': '成果面向{region}', ur: 'پیشکش {region} کے لیے ہے' },
  'region.open': { en: 'Offer is open to every region', 'zh-Hans': '成果不限地区', ur: 'پیشکش ہر علاقے کے لیے ہے' },
  'region.notTargeted': { en: '{region} is not among the offer’s target regions', 'zh-Hans': '{region}不在成果的目标地区内', ur: '{region} پیشکش کے ہدف علاقوں میں شامل نہیں' },
  'mode.common': { en: 'Cooperation: {modes}', 'zh-Hans': '合作方式：{modes}', ur: 'تعاون: {modes}' },
  'freshness.recent': { en: 'Published {days} days ago', 'zh-Hans': '{days}天前发布', ur: '{days} دن پہلے شائع ہوا' },
  'freshness.old': { en: 'Published {days} days ago; may be out of date', 'zh-Hans': '{days}天前发布，信息可能已过时', ur: '{days} دن پہلے شائع ہوا؛ پرانا ہو سکتا ہے' },
  'score.belowThreshold': { en: 'Score {score} just below the threshold {threshold}', 'zh-Hans': '得分{score}，略低于阈值{threshold}', ur: 'اسکور {score} حد {threshold} سے تھوڑا کم ہے' },
  'hint.notLive': {
    en: 'Not published or past its validity; nothing is matched',
    'zh-Hans': '未发布或已过有效期，不进行匹配',
    ur: 'شائع نہیں یا میعاد ختم؛ کوئی میچ نہیں کیا گیا',
  },
  'hint.noUsableText': {
    en: 'The text has too few meaningful words; ranked by sector, TRL and other fields only',
    'zh-Hans': '文本缺少有效内容，仅按领域、技术成熟度等字段排序',
    ur: 'متن میں بامعنی الفاظ بہت کم ہیں؛ صرف شعبے، ٹی آر ایل اور دیگر معلومات سے درجہ بندی کی گئی',
  },
};

const NUMBER_LOCALE: Record<ReasonLanguage, string> = { en: 'en-US', 'zh-Hans': 'zh-CN', ur: 'en-US' };
const LIST_SEP: Record<ReasonLanguage, string> = { en: ', ', 'zh-Hans': '、', ur: '، ' };

function renderParam(key: string, value: string | number, lang: ReasonLanguage): string {
  if (typeof value === 'number') {
    return key === 'trl' || key === 'minTrl' || key === 'days'
      ? String(value)
      : value.toLocaleString(NUMBER_LOCALE[lang], { maximumFractionDigits: key === 'score' || key === 'threshold' ? 1 : 0 });
  }
  const list = value.split(',').filter(Boolean);
  switch (key) {
    case 'sector':
    case 'parent':
      return sectorLabel(value, lang);
    case 'region':
      return regionLabel(value, lang);
    case 'modes':
      return list.map((m) => cooperationModeLabel(m, lang)).join(LIST_SEP[lang]);
    case 'concepts':
      return list
        .map((c) => {
          const l = conceptLabels(c);
          const pick = lang === 'zh-Hans' ? l.zh[0] : lang === 'ur' ? l.ur[0] : l.en[0];
          const en = l.en[0];
          return pick && en && pick !== en && lang !== 'en' ? `${pick} (${en})` : pick || en || l.zh[0] || c.replace(/^(zh|ur):/, '');
        })
        .join(LIST_SEP[lang]);
    default:
      return value;
  }
}

/** One reason as a sentence in the requested language (unknown codes fall back to the code). */
export function renderReason(r: Reason, lang: ReasonLanguage = 'en'): string {
  const t = (T as Record<string, Templates>)[r.code];
  if (!t) return r.code;
  return t[lang].replace(/\{(\w+)\}/g, (_, k: string) => (k in r.params ? renderParam(k, r.params[k], lang) : `{${k}}`));
}
