/**
 * Reasons are data ({code, params}); `renderReason` turns them into a short sentence in en / zh-Hans / ur.
 * Params holding codes (sector, region, modes, concepts) are rendered with their labels in the target language.
 */
import { cooperationModeLabel, regionLabel, sectorLabel } from '@techbridge/taxonomy';
import { conceptLabels } from '../text/analyzer';
import { decodeQuotes } from './quotes';
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
  'evidence.none',
  'evidence.weak',
  'hint.noUsableText',
  'hint.notLive',
  'hint.noRelevantOffer',
  'hint.noRelevantNeed',
  'hint.onlyNearMisses',
  'prior.signed',
  'prior.declined',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

type Templates = Record<ReasonLanguage, string>;

/*
 * Placeholders are rendered per language by `renderParam`: numbers in the language's digits (Urdu:
 * Extended Arabic-Indic), money with its currency in words, {days} as a relative date ("today",
 * "今天", "آج"), codes as labels, quoted words as they appear in the texts. Urdu sentences keep Urdu
 * word order (verb last, postpositions after the noun: "{budget} کا بجٹ … سے کم ہے").
 */
const T: Record<ReasonCode, Templates> = {
  'text.sharedTerms': { en: 'Shared terms: {concepts}', 'zh-Hans': '共同术语：{concepts}', ur: 'مشترکہ اصطلاحات: {concepts}' },
  'text.weak': { en: 'Little text in common', 'zh-Hans': '文本相关性较低', ur: 'متن میں مماثلت کم ہے' },
  'sector.exact': { en: 'Same sector: {sector}', 'zh-Hans': '同一领域：{sector}', ur: 'ایک ہی شعبہ: {sector}' },
  'sector.within': { en: 'Offer is in {sector}, within the requested {parent}', 'zh-Hans': '成果属于{sector}，在需求领域{parent}之内', ur: 'پیشکش {sector} میں ہے، جو مطلوبہ شعبے {parent} کا حصہ ہے' },
  'sector.related': { en: 'Related sector: both in {parent}', 'zh-Hans': '相关领域：同属{parent}', ur: 'متعلقہ شعبہ: دونوں {parent} میں ہیں' },
  'sector.none': { en: 'Different sectors', 'zh-Hans': '领域不同', ur: 'شعبے مختلف ہیں' },
  'trl.meets': { en: 'TRL {trl} meets the required {minTrl}', 'zh-Hans': '技术成熟度{trl}级，满足要求的{minTrl}级', ur: 'ٹی آر ایل {trl} ہے، جو کم از کم مطلوبہ {minTrl} کی شرط پوری کرتا ہے' },
  'trl.offered': { en: 'Technology readiness TRL {trl}', 'zh-Hans': '技术成熟度{trl}级', ur: 'ٹیکنالوجی کی تیاری کا درجہ: ٹی آر ایل {trl}' },
  'trl.below': { en: 'Offer TRL {trl} < required {minTrl}', 'zh-Hans': '成果技术成熟度{trl}级，低于要求的{minTrl}级', ur: 'پیشکش کا ٹی آر ایل {trl} ہے، جو مطلوبہ {minTrl} سے کم ہے' },
  'budget.fits': { en: 'Budget {budget} covers the price from {price}', 'zh-Hans': '预算{budget}可覆盖{price}起的报价', ur: '{budget} کا بجٹ {price} سے شروع ہونے والی قیمت کے لیے کافی ہے' },
  'budget.below': {
    en: 'Budget {budget} below price {price} (≈ {converted})',
    'zh-Hans': '预算{budget}低于报价{price}（约合{converted}）',
    ur: '{budget} کا بجٹ {price} کی قیمت (تقریباً {converted}) سے کم ہے',
  },
  'budget.unknown': { en: 'No price or budget given', 'zh-Hans': '未提供价格或预算', ur: 'قیمت یا بجٹ نہیں دیا گیا' },
  'region.targeted': { en: 'Offer targets {region}', 'zh-Hans': '成果面向{region}', ur: 'پیشکش {region} کے لیے ہے' },
  'region.open': { en: 'Offer is open to every region', 'zh-Hans': '成果不限地区', ur: 'پیشکش ہر علاقے کے لیے ہے' },
  'region.notTargeted': { en: '{region} is not among the offer’s target regions', 'zh-Hans': '{region}不在成果的目标地区内', ur: '{region} پیشکش کے ہدف علاقوں میں شامل نہیں ہے' },
  'mode.common': { en: 'Cooperation: {modes}', 'zh-Hans': '合作方式：{modes}', ur: 'تعاون کی صورت: {modes}' },
  'freshness.recent': { en: 'Published {days}', 'zh-Hans': '{days}发布', ur: '{days} شائع ہوئی' },
  'freshness.old': { en: 'Published {days}; may be out of date', 'zh-Hans': '{days}发布，信息可能已过时', ur: '{days} شائع ہوئی، معلومات پرانی ہو سکتی ہیں' },
  'score.belowThreshold': { en: 'Score {score} just below the threshold {threshold}', 'zh-Hans': '得分{score}，略低于阈值{threshold}', ur: 'اسکور {score} ہے، جو حد {threshold} سے تھوڑا کم ہے' },
  'evidence.none': {
    en: 'No technology term in common; only the sector or other fields match',
    'zh-Hans': '没有共同的技术术语，仅领域等其他条件相符',
    ur: 'کوئی مشترکہ تکنیکی اصطلاح نہیں، صرف شعبہ یا دیگر شرائط ملتی ہیں',
  },
  'evidence.weak': {
    en: 'Too little in common ({terms}): score {score} is below the threshold {threshold}',
    'zh-Hans': '共同内容太少（{terms}）：得分{score}，低于阈值{threshold}',
    ur: 'مشترکہ مواد بہت کم ہے ({terms})؛ اسکور {score} ہے، جو حد {threshold} سے کم ہے',
  },
  'hint.notLive': {
    en: 'Not published or past its validity; nothing is matched',
    'zh-Hans': '未发布或已过有效期，不进行匹配',
    ur: 'یہ شائع نہیں ہوئی یا اس کی میعاد ختم ہو چکی ہے، اس لیے کوئی میچ نہیں کیا گیا',
  },
  'hint.noUsableText': {
    en: 'The text has too few meaningful words; ranked by sector, TRL and other fields only',
    'zh-Hans': '文本缺少有效内容，仅按领域、技术成熟度等字段排序',
    ur: 'متن میں بامعنی الفاظ بہت کم ہیں؛ صرف شعبے، ٹی آر ایل اور دیگر معلومات سے درجہ بندی کی گئی',
  },
  'hint.noRelevantOffer': {
    en: 'No published offer has the technology this need asks for; the closest offers are listed as near-misses with what each lacks',
    'zh-Hans': '目前没有成果具备该需求所要的技术；最接近的成果列为“接近匹配”，并注明各自欠缺之处',
    ur: 'اس ضرورت کی مطلوبہ ٹیکنالوجی والی کوئی پیشکش ابھی موجود نہیں؛ قریب ترین پیشکشیں “تقریباً میچ” کے طور پر دکھائی گئی ہیں اور ہر ایک کی کمی بتائی گئی ہے',
  },
  'hint.noRelevantNeed': {
    en: 'No open need asks for this technology; the closest needs are listed as near-misses with what each lacks',
    'zh-Hans': '目前没有需求与该成果的技术相符；最接近的需求列为“接近匹配”，并注明各自欠缺之处',
    ur: 'کسی کھلی ضرورت میں یہ ٹیکنالوجی مطلوب نہیں؛ قریب ترین ضرورتیں “تقریباً میچ” کے طور پر دکھائی گئی ہیں اور ہر ایک کی کمی بتائی گئی ہے',
  },
  'hint.onlyNearMisses': {
    en: 'Nothing meets every condition yet; each near-miss says which change would make it match',
    'zh-Hans': '暂无完全符合条件的匹配；每个“接近匹配”都注明了需要改变哪一项才能匹配',
    ur: 'ابھی کوئی بھی تمام شرائط پوری نہیں کرتا؛ ہر “تقریباً میچ” کے ساتھ بتایا گیا ہے کہ کون سی تبدیلی اسے میچ بنا دے گی',
  },
  'prior.signed': {
    en: '{count} {country} firms in {sector} signed with this supplier (+{points})',
    'zh-Hans': '已有{count}家{country}企业在{sector}领域与该供应方签约（+{points}分）',
    ur: '{sector} میں {count} {country} فرموں نے اس فراہم کنندہ کے ساتھ معاہدہ کیا ہے (+{points})',
  },
  'prior.declined': {
    en: 'Declined {count} times for {declineReason} (−{points})',
    'zh-Hans': '因{declineReason}被拒绝{count}次（−{points}分）',
    ur: '{declineReason} کی وجہ سے {count} بار مسترد کی گئی (−{points})',
  },
};

const COUNTRY_ADJECTIVE: Record<string, Templates> = {
  PK: { en: 'Pakistani', 'zh-Hans': '巴基斯坦', ur: 'پاکستانی' },
  CN: { en: 'Chinese', 'zh-Hans': '中国', ur: 'چینی' },
};
const DECLINE_REASON_LABEL: Record<string, Templates> = {
  'not-relevant': { en: 'not being relevant', 'zh-Hans': '不相关', ur: 'غیر متعلق ہونے' },
  'trl-too-low': { en: 'a TRL too low', 'zh-Hans': '技术成熟度不足', ur: 'کم تکنیکی تیاری' },
  price: { en: 'price', 'zh-Hans': '价格', ur: 'قیمت' },
  ipr: { en: 'intellectual property', 'zh-Hans': '知识产权', ur: 'دانشورانہ املاک' },
  timing: { en: 'timing', 'zh-Hans': '时机', ur: 'وقت' },
  other: { en: 'other reasons', 'zh-Hans': '其他原因', ur: 'دیگر وجوہات' },
};

/** The templates (for tests and tools that check every code in every language). */
export const REASON_TEMPLATES: Readonly<Record<ReasonCode, Readonly<Templates>>> = T;

/* ---------- numbers, money, dates ---------- */

// Urdu: Extended Arabic-Indic digits (۰–۹) with the Arabic separators (٬ ٫), as Urdu print uses them.
const NUMBER_LOCALE: Record<ReasonLanguage, string> = { en: 'en-US', 'zh-Hans': 'zh-Hans-CN', ur: 'ur-PK-u-nu-arabext' };
const numberFormats = new Map<string, Intl.NumberFormat>();
function fmt(lang: ReasonLanguage, opts: Intl.NumberFormatOptions, key: string): Intl.NumberFormat {
  const k = `${lang}|${key}`;
  let f = numberFormats.get(k);
  if (!f) numberFormats.set(k, (f = new Intl.NumberFormat(NUMBER_LOCALE[lang], opts)));
  return f;
}

function num(n: number, lang: ReasonLanguage, decimals = 0): string {
  return fmt(lang, { maximumFractionDigits: decimals }, `d${decimals}`).format(n);
}

const CURRENCY_WORDS: Record<ReasonLanguage, Record<string, string>> = {
  en: {},
  'zh-Hans': { CNY: '元人民币', PKR: '巴基斯坦卢比', USD: '美元' },
  ur: { CNY: 'چینی یوآن', PKR: 'پاکستانی روپے', USD: 'امریکی ڈالر' },
};

/** 2,000,000 PKR · 200万巴基斯坦卢比 · ۲٬۰۰۰٬۰۰۰ پاکستانی روپے */
function money(amount: number, currency: string | number | undefined, lang: ReasonLanguage): string {
  const code = typeof currency === 'string' ? currency : '';
  if (lang === 'zh-Hans') {
    // Chinese reads large amounts in 万 / 亿
    const n = Math.abs(amount) >= 10_000 ? fmt(lang, { notation: 'compact', maximumFractionDigits: 1 }, 'compact').format(amount) : num(amount, lang);
    return `${n}${CURRENCY_WORDS[lang][code] ?? (code ? ` ${code}` : '')}`;
  }
  const word = CURRENCY_WORDS[lang][code] ?? code;
  return word ? `${num(amount, lang)} ${word}` : num(amount, lang);
}

const relative = new Map<string, Intl.RelativeTimeFormat>();
/** "today", "yesterday", "3 days ago", "14 months ago" in the language (never "0 days ago") */
function ago(days: number, lang: ReasonLanguage): string {
  const d = Math.max(0, Math.round(days));
  const months = Math.floor(d / 30.44);
  if (lang === 'ur') {
    // CLDR's Urdu ("گزشتہ کل", "3 دنوں پہلے") reads stiffly; this is how Urdu news writes it.
    if (d === 0) return 'آج';
    if (d === 1) return 'کل';
    return d < 60 ? `${num(d, lang)} دن پہلے` : `${num(months, lang)} ماہ پہلے`;
  }
  let f = relative.get(lang);
  if (!f) relative.set(lang, (f = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })));
  return d < 60 ? f.format(-d, 'day') : f.format(-months, 'month');
}

/* ---------- lists and quotes ---------- */

function list(items: string[], lang: ReasonLanguage): string {
  if (items.length <= 1) return items[0] ?? '';
  const head = items.slice(0, -1);
  const last = items[items.length - 1];
  if (lang === 'zh-Hans') return `${head.join('、')}和${last}`;
  if (lang === 'ur') return `${head.join('، ')} اور ${last}`;
  return head.length === 1 ? `${head[0]} and ${last}` : `${head.join(', ')} and ${last}`;
}

const SEP: Record<ReasonLanguage, string> = { en: ', ', 'zh-Hans': '、', ur: '، ' };
const q = (s: string) => `“${s}”`;

function conceptLabel(c: string, lang: ReasonLanguage): string {
  const l = conceptLabels(c);
  const pick = lang === 'zh-Hans' ? l.zh[0] : lang === 'ur' ? l.ur[0] : l.en[0];
  return pick || l.en[0] || l.zh[0] || l.ur[0] || c.replace(/^(zh|ur):/, '');
}

/** "solar pump (“solar water pumping” ↔ “光伏扬水”)": the concept in the reader's language, then the words of each text */
function sharedTerms(concepts: string[], quotes: string | number | undefined, lang: ReasonLanguage): string {
  const qs = decodeQuotes(quotes);
  return concepts
    .map((c, i) => {
      const label = conceptLabel(c, lang);
      const n = qs[i]?.need[0];
      const o = qs[i]?.offer[0];
      const same = (a?: string, b?: string) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
      let quoted = '';
      if (n && o && !same(n, o)) quoted = `${q(n)} ↔ ${q(o)}`;
      else if ((n || o) && !same(n ?? o, label)) quoted = q((n ?? o)!);
      if (!quoted) {
        // no quotes stored (older reasons): the English label helps a reader of another language
        const en = conceptLabels(c).en[0];
        return lang !== 'en' && en && en !== label ? `${label} (${en})` : label;
      }
      return lang === 'zh-Hans' ? `${label}（${quoted}）` : `${label} (${quoted})`;
    })
    .join(SEP[lang]);
}

function renderParam(key: string, params: Reason['params'], lang: ReasonLanguage): string {
  const value = params[key];
  switch (key) {
    case 'days':
      return ago(Number(value), lang);
    case 'budget':
      return money(Number(value), params.budgetCurrency, lang);
    case 'price':
      return money(Number(value), params.priceCurrency, lang);
    case 'converted':
      return money(Number(value), params.budgetCurrency, lang);
    case 'score':
    case 'threshold':
    case 'points':
      return num(Number(value), lang, 1);
    case 'trl':
    case 'minTrl':
      return num(Number(value), lang);
    case 'sector':
    case 'parent':
      return sectorLabel(String(value), lang);
    case 'region':
      return regionLabel(String(value), lang);
    case 'modes':
      return list(String(value).split(',').filter(Boolean).map((m) => cooperationModeLabel(m, lang)), lang);
    case 'concepts':
      return sharedTerms(String(value).split(',').filter(Boolean), params.quotes, lang);
    case 'country':
      return COUNTRY_ADJECTIVE[String(value)]?.[lang] ?? String(value);
    case 'declineReason':
      return DECLINE_REASON_LABEL[String(value)]?.[lang] ?? String(value);
    case 'terms':
      return String(value).split(',').filter(Boolean).map(q).join(SEP[lang]);
    default:
      return typeof value === 'number' ? num(value, lang) : String(value);
  }
}

/** One reason as a sentence in the requested language (unknown codes fall back to the code). */
export function renderReason(r: Reason, lang: ReasonLanguage = 'en'): string {
  const t = (T as Record<string, Templates>)[r.code];
  if (!t) return r.code;
  return t[lang].replace(/\{(\w+)\}/g, (_, k: string) => (k in r.params ? renderParam(k, r.params, lang) : `{${k}}`));
}
