import { breakOpportunities, isolate, visualRuns, wrapParagraph } from './bidi-text.layout';

describe('visualRuns', () => {
  it('leaves pure LTR text (Latin, Chinese) alone', () => {
    expect(visualRuns('Kunming 昆明 2026')).toEqual([
      { text: 'Kunming 昆明 2026', font: 'main', shapeRtl: false },
    ]);
  });

  it('hands a whole Urdu phrase to the shaper in logical order, as one RTL unit', () => {
    expect(visualRuns('پنجاب زرعی تحقیقاتی ادارہ')).toEqual([
      { text: 'پنجاب زرعی تحقیقاتی ادارہ', font: 'arabic', shapeRtl: true },
    ]);
  });

  it('orders mixed lines by the bidi algorithm: LTR paragraph with an Urdu name', () => {
    expect(visualRuns('Punjab (پنجاب زرعی) 2026', 'ltr')).toEqual([
      { text: 'Punjab (', font: 'main', shapeRtl: false },
      { text: 'پنجاب زرعی', font: 'arabic', shapeRtl: true },
      { text: ') 2026', font: 'main', shapeRtl: false },
    ]);
  });

  it('in an RTL paragraph puts later words to the left, mirrors brackets and keeps numbers LTR', () => {
    const runs = visualRuns('ضرورت (۲۰۲۶) نمبر 12', 'rtl');
    expect(runs.map((r) => r.text).join('|')).toBe('12 |نمبر| (|۲|۰|۲|۶|) |ضرورت');
    expect(runs.filter((r) => r.font === 'arabic' && !r.shapeRtl).map((r) => r.text)).toEqual([
      '۲',
      '۰',
      '۲',
      '۶',
    ]);
  });

  it('drops isolate controls after using them: an isolated Urdu word does not reorder a following date', () => {
    const plain = visualRuns('Kunming کنمنگ · 2026-11-24', 'ltr')
      .map((r) => r.text)
      .join('');
    const isolated = visualRuns(`Kunming ${isolate('کنمنگ')} · 2026-11-24`, 'ltr')
      .map((r) => r.text)
      .join('');
    expect(isolated).toBe('Kunming کنمنگ · 2026-11-24');
    expect(plain).not.toBe(isolated); // without the isolate the digits join the RTL run
  });
});

describe('wrapParagraph', () => {
  const measure = (s: string) => [...s].length;
  it('breaks at spaces and between Chinese characters, never inside a word unless it is too long', () => {
    expect(wrapParagraph('alpha beta gamma', 10, measure)).toEqual(['alpha beta', 'gamma']);
    expect(wrapParagraph('云南农业科技有限公司', 4, measure)).toEqual(['云南农业', '科技有限', '公司']);
    expect(wrapParagraph('abcdefghij', 4, measure)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapParagraph('', 4, measure)).toEqual(['']);
  });
  it('keeps closing punctuation with its character', () => {
    expect(breakOpportunities('会议。开始')).toEqual(['会', '议。', '开', '始']);
  });
});
