/**
 * Urdu normalisation: unify Arabic/Persian letter variants that Urdu keyboards mix
 * (ي/ى→ی, ك→ک, ه/ة→ہ, ۃ→ہ, أ/إ/آ kept as ا only for hamza-carriers), strip diacritics (harakat),
 * tatweel and zero-width characters, map Urdu/Arabic-Indic digits to ASCII.
 */
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const ZERO_WIDTH = /[\u200B-\u200F\u202A-\u202E\u2060\uFEFF\u0640]/g;

export function normalizeUrdu(text: string): string {
  let s = text.normalize('NFC').replace(ZERO_WIDTH, '').replace(DIACRITICS, '');
  s = s
    .replace(/[\u064A\u0649\u06CC]/g, '\u06CC') // ي ى → ی
    .replace(/\u06D2/g, '\u06D2') // ے stays
    .replace(/\u0643/g, '\u06A9') // ك → ک
    .replace(/[\u0647\u06C1\u06C3\u0629]/g, '\u06C1') // ه ۃ ة → ہ
    .replace(/[\u0623\u0625]/g, '\u0627') // أ إ → ا
    .replace(/\u0624/g, '\u0648') // ؤ → و
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  return s;
}

export const UR_STOP_WORDS: ReadonlySet<string> = new Set(
  normalizeUrdu(
    'کے کی کا کو میں سے اور پر ہے ہیں تھا تھی تھے یہ وہ ایک کہ جو بھی لیے لئے کر کرنے کرتا کرتی ہو گا گی گے نہیں تو ان اس جس یا ساتھ والے والی والا لیکن اپنے اپنی ہم آپ ہمیں چاہیے ضرورت درکار برائے ' +
      // auxiliaries, light verbs, pronouns, conjunctions and postpositions (the words EN_STOP_WORDS
      // holds for English: "want", "need", "looking", "such", "so that", "company", "new", "one"…)
      'چاہتا چاہتی چاہتے چاہئیں چاہییں کرنا کرنی کرتے کریں کیا کیے کیں جا جائے جائیں جاتا جاتی جاتے جانا سکتا سکتی سکتے سکے سکیں ' +
      'ہونا ہونے ہوتا ہوتی ہوتے ہوں ہوا ہوئی ہوئے رہا رہی رہے رکھتا رکھتی رکھتے دیا دی دیں دینا دیے چکا چکی چکے ' +
      'ہمارا ہماری ہمارے انہیں ایسا ایسی ایسے جیسا جیسی جیسے تاکہ جسے جنہیں جن جب اب پھر اگر مگر بلکہ کیونکہ صرف بہت کچھ کئی ہر سب ' +
      'تمام دیگر یعنی نیز ذریعے طور طرح وجہ باعث دوران تک بغیر علاوہ سمیت شامل متعلق مطابق تلاش دلچسپی ' +
      'کمپنی فرم ادارہ شراکت دار منصوبہ نیا نئی نئے دو تین پاکستان پاکستانی چین چینی',
  ).split(/\s+/),
);

const UR_TOKEN_RE = /[\u0610-\u061A\u0620-\u065F\u066E-\u06D3\u06D5-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+|[a-z0-9]+/g;

/** Normalised Urdu tokens (Arabic-script runs; embedded Latin/digits lowercased), stop words kept. */
export function tokenizeUrdu(text: string): string[] {
  const s = normalizeUrdu(text).toLowerCase();
  return [...s.matchAll(UR_TOKEN_RE)].map((m) => m[0]);
}

/*
 * Light inflection handling: Urdu marks plural and oblique case with suffixes (کسانوں, فصلیں,
 * بیماریوں, دریاؤں, جھینگے, علاقے), while glossary terms are written in the direct singular. These
 * rules only propose base forms; the caller accepts one only when it is a known glossary token, so a
 * word that merely ends like an inflection is never rewritten into an unknown form.
 */
const UR_SUFFIX_RULES: readonly [string, string][] = [
  ['یوں', 'ی'],
  ['یاں', 'ی'],
  ['ؤں', 'ا'],
  ['وں', ''],
  ['وں', 'ا'],
  ['وں', 'ہ'],
  ['یں', ''],
  ['یں', 'ی'],
  ['ے', 'ا'],
  ['ے', 'ہ'],
  ['ی', 'ا'],
  ['س', ''], // English loanwords pluralised with -s: کٹس → کٹ
];

/**
 * The base form of an inflected Urdu token that is itself a one-word glossary term (`dict` keys), or
 * null. For tokens that urduBaseForm keeps as written because they occur inside a longer glossary
 * phrase (کیڑوں, in "کیڑوں کے خلاف مزاحم") but, standing alone, are the inflection of a one-word term
 * (کیڑا "pest").
 */
export function urduSingleBase(token: string, dict: ReadonlyMap<string, unknown>): string | null {
  for (const [suffix, base] of UR_SUFFIX_RULES) {
    if (token.length > suffix.length + 1 && token.endsWith(suffix)) {
      const cand = token.slice(0, -suffix.length) + base;
      if (dict.has(cand)) return cand;
    }
  }
  return null;
}

/** The glossary form of an inflected Urdu token, or the token itself. */
export function urduBaseForm(token: string, known: ReadonlySet<string>): string {
  if (known.has(token)) return token;
  for (const [suffix, base] of UR_SUFFIX_RULES) {
    if (token.length > suffix.length + 1 && token.endsWith(suffix)) {
      const cand = token.slice(0, -suffix.length) + base;
      if (known.has(cand)) return cand;
    }
  }
  return token;
}
