import { porterStem } from './porter';
import { englishTerm, tokenizeEnglish } from './english';
import { normalizeUrdu, tokenizeUrdu } from './urdu';
import { segmentChinese } from './chinese';
import { analyze } from './analyzer';
import { cedictGlosses, cleanSense } from './cedict';

describe('English', () => {
  it('tokenises, lowercases and drops stop words', () => {
    expect(tokenizeEnglish("Farmers' Drip-Irrigation, 5G & IoT!")).toEqual(['farmers', 'drip', 'irrigation', '5g', 'iot']);
    expect(englishTerm('the')).toBeNull();
    expect(englishTerm('2024')).toBeNull();
  });
  it('stems Porter-style', () => {
    expect(porterStem('irrigation')).toBe('irrig');
    expect(porterStem('irrigate')).toBe('irrig');
    expect(porterStem('vaccines')).toBe('vaccin');
    expect(porterStem('vaccine')).toBe('vaccin');
    expect(porterStem('caresses')).toBe('caress');
    expect(porterStem('relational')).toBe('relat');
    expect(porterStem('hopping')).toBe('hop');
  });
  it('matches multi-word glossary phrases as phrases', () => {
    expect(analyze('drip irrigation')).toContain('drip-irrig');
    expect(analyze('irrigation by drip')).not.toContain('drip-irrig');
    expect(analyze('Hybrid rice seeds')).toEqual(expect.arrayContaining(['hybrid-rice', 'seed']));
    expect(analyze('PV and EV')).toEqual(expect.arrayContaining(['photovolta', 'electr-vehicl']));
  });
});

describe('Chinese', () => {
  it('segments into words, not single characters', () => {
    const words = segmentChinese('耐高温长粒型杂交水稻与滴灌光伏水泵');
    expect(words).toEqual(expect.arrayContaining(['滴灌', '杂交水稻']));
    expect(words.filter((w) => w.length > 1).length).toBeGreaterThan(3);
  });
  it('maps Chinese to the same concepts as English (glossary and CC-CEDICT)', () => {
    expect(analyze('杂交水稻')).toContain('hybrid-rice');
    expect(analyze('地震预警系统')).toContain('earthquak-earli-warn');
    expect(analyze('海水淡化')).toContain(analyze('desalination')[0]);
    // general vocabulary through CC-CEDICT (not in the glossary)
    expect(cedictGlosses('海水')).toContain('seawater');
    expect(analyze('海水')).toEqual(analyze('seawater'));
    expect(analyze('的了')).toEqual([]);
  });
  it('cleans CEDICT senses', () => {
    expect(cleanSense('surname Wang')).toEqual([]);
    expect(cleanSense('variant of 體|体[ti3]')).toEqual([]);
    expect(cleanSense('to irrigate (fields); to water')).toEqual(['irrigate', 'water']);
  });
});

describe('Urdu', () => {
  it('normalises Arabic-script variants, diacritics and zero-width characters', () => {
    expect(normalizeUrdu('كپاس')).toBe('کپاس'); // Arabic kaf → keheh
    expect(normalizeUrdu('پاني')).toBe('پانی'); // Arabic yeh → Farsi yeh
    expect(normalizeUrdu('زراعه')).toBe('زراعہ'); // heh → heh goal
    expect(normalizeUrdu('بِیج\u200c')).toBe('بیج');
    expect(normalizeUrdu('۲۰۲۶')).toBe('2026');
  });
  it('tokenises on whitespace and punctuation and maps glossary terms', () => {
    expect(tokenizeUrdu('ڈرپ آبپاشی، سولر پمپ!')).toEqual(['ڈرپ', 'آبپاشی', 'سولر', 'پمپ']);
    expect(analyze('ہائبرڈ چاول کے بیج')).toEqual(expect.arrayContaining(['hybrid-rice', 'seed']));
    expect(analyze('ويکسين')).toEqual(analyze('ویکسین')); // variant letters
    expect(analyze('ویکسین')).toContain('vaccin');
  });
  it('drops auxiliaries, light verbs and pronouns as English stop words are dropped', () => {
    expect(analyze('ہماری کمپنی ایسی مشینیں چاہتی ہے جو جلد تیار ہو سکیں').filter((c) => c.startsWith('ur:')).sort()).toEqual(
      ['ur:تیار', 'ur:جلد', 'ur:مشین'].sort(),
    );
  });
  it('maps the oblique plural of a one-word term that also occurs inside a longer phrase (کیڑوں → کیڑا "pest")', () => {
    expect(analyze('بیماریوں اور کیڑوں کی شناخت')).toEqual(expect.arrayContaining(['pest', 'identif']));
    expect(analyze('کیڑوں کے خلاف مزاحم')).toContain('insect-resist'); // the phrase still wins
    expect(analyze('پانی کی بچت اور صاف پانی')).toEqual(expect.arrayContaining(['water-save', 'water']));
  });
});
