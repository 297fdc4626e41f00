import { normaliseLegalName } from './legal-name';

describe('normaliseLegalName', () => {
  it('ignores case, spacing and punctuation', () => {
    expect(normaliseLegalName('Shenzhen  Solar Co., Ltd.')).toBe(normaliseLegalName('shenzhen solar co ltd'));
  });
  it('folds full-width forms and keeps Chinese and Urdu names apart from others', () => {
    expect(normaliseLegalName('深圳光伏（集团）有限公司')).toBe(normaliseLegalName('深圳光伏集团有限公司'));
    expect(normaliseLegalName('ＡＢＣ')).toBe(normaliseLegalName('abc'));
    expect(normaliseLegalName('پاک زرعی ٹیکنالوجی')).toBe(normaliseLegalName('پاکزرعیٹیکنالوجی'));
    expect(normaliseLegalName('深圳光伏有限公司')).not.toBe(normaliseLegalName('深圳风电有限公司'));
    expect(normaliseLegalName('پاک زرعی ٹیکنالوجی')).not.toBe(normaliseLegalName('سندھ زرعی ٹیکنالوجی'));
  });
  it('does not merge different names', () => {
    expect(normaliseLegalName('Alpha Seeds')).not.toBe(normaliseLegalName('Alpha Feeds'));
  });
  it.each([
    ['zero-width space', 'Shen\u200bzhen Solar'],
    ['soft hyphen', 'Shen\u00adzhen Solar'],
    ['word joiner', 'Shenzhen\u2060 Solar'],
    ['right-to-left override', '\u202eShenzhen Solar'],
  ])('ignores invisible format characters (%s)', (_label, squat) => {
    expect(normaliseLegalName(squat)).toBe(normaliseLegalName('Shenzhen Solar'));
  });
  it('compares confusable skeletons (Unicode TR39): look-alike letters collide', () => {
    expect(normaliseLegalName('Shenzhen Sоlar')).toBe(normaliseLegalName('Shenzhen Solar')); // Cyrillic о
    expect(normaliseLegalName('Ѕhenzhen Solar')).toBe(normaliseLegalName('Shenzhen Solar')); // Cyrillic Ѕ
    expect(normaliseLegalName('پاک زرعي')).toBe(normaliseLegalName('پاک زرعی')); // Arabic yeh vs Farsi/Urdu yeh
  });
});
