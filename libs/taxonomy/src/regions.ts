/**
 * ISO 3166-2 subdivisions of the two countries the platform serves. China uses the current
 * (2017-) two-letter codes, including the special administrative regions and Taiwan as ISO lists them.
 */
import type { Country } from './enums';
import type { Labels, Language } from './labels';

export interface Region {
  code: string;
  country: Country;
  labels: Labels;
}

const R = (code: string, en: string, zh: string, ur: string): Region => ({
  code,
  country: code.slice(0, 2) as Country,
  labels: Object.freeze({ en, 'zh-Hans': zh, ur }),
});

export const REGIONS: readonly Region[] = Object.freeze([
  R('PK-PB', 'Punjab', '旁遮普省', 'پنجاب'),
  R('PK-SD', 'Sindh', '信德省', 'سندھ'),
  R('PK-KP', 'Khyber Pakhtunkhwa', '开伯尔-普赫图赫瓦省', 'خیبر پختونخوا'),
  R('PK-BA', 'Balochistan', '俾路支省', 'بلوچستان'),
  R('PK-IS', 'Islamabad Capital Territory', '伊斯兰堡首都区', 'اسلام آباد وفاقی دارالحکومت'),
  R('PK-GB', 'Gilgit-Baltistan', '吉尔吉特-巴尔蒂斯坦', 'گلگت بلتستان'),
  R('PK-JK', 'Azad Jammu and Kashmir', '阿扎德查谟和克什米尔', 'آزاد جموں و کشمیر'),
  R('CN-AH', 'Anhui', '安徽省', 'آنہوئی'),
  R('CN-BJ', 'Beijing', '北京市', 'بیجنگ'),
  R('CN-CQ', 'Chongqing', '重庆市', 'چونگ چنگ'),
  R('CN-FJ', 'Fujian', '福建省', 'فوجیان'),
  R('CN-GD', 'Guangdong', '广东省', 'گوانگ دونگ'),
  R('CN-GS', 'Gansu', '甘肃省', 'گانسو'),
  R('CN-GX', 'Guangxi', '广西壮族自治区', 'گوانگشی'),
  R('CN-GZ', 'Guizhou', '贵州省', 'گوئیژو'),
  R('CN-HA', 'Henan', '河南省', 'ہینان'),
  R('CN-HB', 'Hubei', '湖北省', 'ہوبے'),
  R('CN-HE', 'Hebei', '河北省', 'ہیبے'),
  R('CN-HI', 'Hainan', '海南省', 'ہائنان'),
  R('CN-HK', 'Hong Kong', '香港特别行政区', 'ہانگ کانگ'),
  R('CN-HL', 'Heilongjiang', '黑龙江省', 'ہیلونگ جیانگ'),
  R('CN-HN', 'Hunan', '湖南省', 'ہونان'),
  R('CN-JL', 'Jilin', '吉林省', 'جیلن'),
  R('CN-JS', 'Jiangsu', '江苏省', 'جیانگسو'),
  R('CN-JX', 'Jiangxi', '江西省', 'جیانگشی'),
  R('CN-LN', 'Liaoning', '辽宁省', 'لیاؤننگ'),
  R('CN-MO', 'Macao', '澳门特别行政区', 'مکاؤ'),
  R('CN-NM', 'Inner Mongolia', '内蒙古自治区', 'اندرونی منگولیا'),
  R('CN-NX', 'Ningxia', '宁夏回族自治区', 'ننگشیا'),
  R('CN-QH', 'Qinghai', '青海省', 'چنگہائی'),
  R('CN-SC', 'Sichuan', '四川省', 'سیچوان'),
  R('CN-SD', 'Shandong', '山东省', 'شانڈونگ'),
  R('CN-SH', 'Shanghai', '上海市', 'شنگھائی'),
  R('CN-SN', 'Shaanxi', '陕西省', 'شانشی'),
  R('CN-SX', 'Shanxi', '山西省', 'شانسی'),
  R('CN-TJ', 'Tianjin', '天津市', 'تیانجن'),
  R('CN-TW', 'Taiwan', '台湾省', 'تائیوان'),
  R('CN-XJ', 'Xinjiang', '新疆维吾尔自治区', 'سنکیانگ'),
  R('CN-XZ', 'Xizang (Tibet)', '西藏自治区', 'تبت'),
  R('CN-YN', 'Yunnan', '云南省', 'یوننان'),
  R('CN-ZJ', 'Zhejiang', '浙江省', 'ژے جیانگ'),
].map((r) => Object.freeze(r)));

export const REGION_CODES: readonly string[] = Object.freeze(REGIONS.map((r) => r.code));
const BY_CODE: ReadonlyMap<string, Region> = new Map(REGIONS.map((r) => [r.code, r]));

export function isRegionCode(code: unknown): code is string {
  return typeof code === 'string' && BY_CODE.has(code);
}

/** `PK-PB` → `PK`; unknown → null. */
export function regionCountry(code: string): Country | null {
  return BY_CODE.get(code)?.country ?? null;
}

export function regionLabel(code: string, lang: Language = 'en'): string {
  return BY_CODE.get(code)?.labels[lang] ?? code;
}

export function regionsOf(country: Country): Region[] {
  return REGIONS.filter((r) => r.country === country);
}
