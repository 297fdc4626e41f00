import { normaliseLegalName } from './legal-name';

describe('normaliseLegalName', () => {
  it('ignores case, spacing and punctuation', () => {
    expect(normaliseLegalName('Shenzhen  Solar Co., Ltd.')).toBe(normaliseLegalName('shenzhen solar co ltd'));
  });
  it('keeps Chinese and Urdu letters and folds full-width forms', () => {
    expect(normaliseLegalName('深圳光伏（集团）有限公司')).toBe('深圳光伏集团有限公司');
    expect(normaliseLegalName('ＡＢＣ')).toBe('abc');
    expect(normaliseLegalName('پاک زرعی ٹیکنالوجی')).toBe('پاکزرعیٹیکنالوجی');
  });
  it('does not merge different names', () => {
    expect(normaliseLegalName('Alpha Seeds')).not.toBe(normaliseLegalName('Alpha Feeds'));
  });
});
