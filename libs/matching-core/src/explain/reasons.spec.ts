/**
 * Every reason template in every language: placeholders filled, natural dates and numbers, the
 * reader's script. Sample params cover each placeholder a template uses, with edge values (0 days,
 * 1 day, more than a year) where wording changes.
 */
import { REASON_CODES, REASON_TEMPLATES, renderReason, type ReasonLanguage } from './reasons';
import type { Reason } from '../types';

const LANGS: ReasonLanguage[] = ['en', 'zh-Hans', 'ur'];
const HAN = /[\u3400-\u9fff]/;
const ARABIC = /[\u0600-\u06ff]/;
const LATIN_WORD = /[A-Za-z]{3,}/;
const ASCII_DIGIT = /[0-9]/;

const money = { budget: 2_000_000, budgetCurrency: 'PKR', price: 1_500_000, priceCurrency: 'CNY', converted: 58_403_361 };
/** params for every placeholder any template uses; several variants where the wording depends on the value */
const SAMPLES: Record<string, Reason['params'][]> = {
  concepts: [{ concepts: 'solar-pump,drip-irrig', quotes: 'solar water pumping=光伏扬水;drip irrigation=滴灌' }],
  days: [{ days: 0 }, { days: 1 }, { days: 3 }, { days: 45 }, { days: 400 }],
};
const BASE: Reason['params'] = {
  sector: 'agriculture/irrigation',
  parent: 'agriculture',
  region: 'PK-SD',
  modes: 'licensing,training,joint-venture',
  trl: 5,
  minTrl: 7,
  score: 14.25,
  threshold: 36,
  terms: 'harvester',
  count: 3,
  country: 'PK',
  declineReason: 'price',
  points: 4.5,
  ...money,
};

function variants(code: string): Reason['params'][] {
  const keys = [...new Set([...Object.values(REASON_TEMPLATES[code as keyof typeof REASON_TEMPLATES]).join(' ').matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];
  let out: Reason['params'][] = [{ ...BASE }];
  for (const k of keys) if (SAMPLES[k]) out = out.flatMap((p) => SAMPLES[k].map((s) => ({ ...p, ...s })));
  return out;
}

describe('reason templates', () => {
  it('every code has a template in each language, and every template uses the same placeholders', () => {
    for (const code of REASON_CODES) {
      const t = REASON_TEMPLATES[code];
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(LANGS.map((l) => typeof t[l])).toEqual(['string', 'string', 'string']);
      expect(ph(t['zh-Hans'])).toEqual(ph(t.en));
      expect(ph(t.ur)).toEqual(ph(t.en));
    }
  });

  for (const code of REASON_CODES) {
    for (const lang of LANGS) {
      it(`${code} reads naturally in ${lang}`, () => {
        for (const params of variants(code)) {
          const text = renderReason({ code, params }, lang);
          expect(text).not.toMatch(/[{}]/); // no unfilled placeholder
          expect(text).not.toMatch(/undefined|NaN|null/);
          expect(text).not.toMatch(/\b0 days\b|\b1 days\b|0天前|(^|\s)[0۰] دن/); // "today", "yesterday" instead
          // strip the quoted words of the texts (“…”): they keep their own script by design
          const own = text.replace(/“[^”]*”/g, '');
          if (lang === 'en') {
            expect(own).not.toMatch(HAN);
            expect(own).not.toMatch(ARABIC);
          } else if (lang === 'zh-Hans') {
            expect(own).toMatch(HAN);
            expect(own).not.toMatch(ARABIC);
          } else {
            expect(own).toMatch(ARABIC);
            expect(own).not.toMatch(HAN);
            // Urdu numbers are written with Extended Arabic-Indic digits, and no English words slip in
            expect(own).not.toMatch(ASCII_DIGIT);
            expect(own).not.toMatch(LATIN_WORD);
          }
        }
      });
    }
  }

  it('renders relative dates, Urdu digits and money as readers expect', () => {
    expect(renderReason({ code: 'freshness.recent', params: { days: 0 } }, 'zh-Hans')).toBe('今天发布');
    expect(renderReason({ code: 'freshness.recent', params: { days: 0 } }, 'en')).toBe('Published today');
    expect(renderReason({ code: 'freshness.recent', params: { days: 0 } }, 'ur')).toBe('آج شائع ہوئی');
    expect(renderReason({ code: 'freshness.recent', params: { days: 3 } }, 'zh-Hans')).toBe('3天前发布');
    expect(renderReason({ code: 'freshness.recent', params: { days: 3 } }, 'ur')).toBe('۳ دن پہلے شائع ہوئی');
    expect(renderReason({ code: 'budget.below', params: money }, 'zh-Hans')).toBe('预算200万巴基斯坦卢比低于报价150万元人民币（约合5840.3万巴基斯坦卢比）');
    expect(renderReason({ code: 'budget.below', params: money }, 'ur')).toBe(
      '۲٬۰۰۰٬۰۰۰ پاکستانی روپے کا بجٹ ۱٬۵۰۰٬۰۰۰ چینی یوآن کی قیمت (تقریباً ۵۸٬۴۰۳٬۳۶۱ پاکستانی روپے) سے کم ہے',
    );
    expect(renderReason({ code: 'text.sharedTerms', params: { concepts: 'drip-irrig', quotes: 'drip irrigation=滴灌' } }, 'en')).toBe(
      'Shared terms: drip irrigation (“drip irrigation” ↔ “滴灌”)',
    );
  });
});
