import { demoReportModel } from './examples/demo-workshop.fixture';
import { missingGlyphs, fontFace } from './pdf-fonts';
import { renderReportPdf } from './pdf.renderer';
import type { WorkshopReportModel } from './report.model';
import { extractPdfText, shownGlyphIds, toUnicodeMaps } from './testing/pdf-inspect';

/** Every string in a model (titles, names, labels, reasons …). */
function allStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => allStrings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => allStrings(x, out));
  return out;
}

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/;

describe('renderReportPdf', () => {
  let model: WorkshopReportModel;
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    model = demoReportModel();
    pdf = await renderReportPdf(model);
    text = extractPdfText(pdf).join('\n');
  }, 60_000);

  it('is a PDF of sane size (fonts subset, not the 8 MB CJK font)', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(600_000);
  });

  it('carries the Chinese enterprise names and headings as text', () => {
    for (const s of [
      '云南农业科技有限公司',
      '昆明光伏水泵科技有限公司',
      '四川生物医药创新有限公司',
      '未满足的需求',
      '洽谈会日程',
    ])
      expect(text).toContain(s);
  });

  it('carries the Urdu names in logical order (drawn right to left, so extraction reverses them back)', () => {
    // pdf.js reads a line in visual order and applies the bidi algorithm: an Urdu name drawn left to right
    // (not reordered) or as .notdef boxes would come out reversed or missing, and fail here.
    for (const s of [
      'پنجاب زرعی تحقیقاتی ادارہ',
      'بلوچستان کھجور کاشتکار ایسوسی ایشن',
      'سندھ سولر کسان کوآپریٹو',
      'غیر پوری ضروریات',
    ]) {
      expect(text).toContain(s);
    }
    // اسلام contains the lam-alef ligature (one glyph for two letters): correct only if the ligature's
    // ToUnicode entry survives the extractor's reversal
    expect(text).toContain('اسلام آباد');
    const reversed = [...'پنجاب زرعی تحقیقاتی ادارہ'].reverse().join('');
    expect(text).not.toContain(reversed);
  });

  it('joins Urdu letters: the same letter is drawn with several contextual glyphs (init / medi / fina)', () => {
    const arabicMaps = toUnicodeMaps(pdf).filter((m) => [...m.values()].some((s) => ARABIC_LETTER.test(s)));
    expect(arabicMaps.length).toBeGreaterThan(0);
    const glyphsPerLetter = new Map<string, Set<number>>();
    for (const map of arabicMaps)
      for (const [gid, s] of map) {
        if (s.length !== 1 || !ARABIC_LETTER.test(s)) continue;
        glyphsPerLetter.set(s, (glyphsPerLetter.get(s) ?? new Set()).add(gid));
      }
    // unshaped text would use exactly one (isolated) glyph per letter
    const multiForm = [...glyphsPerLetter].filter(([, ids]) => ids.size >= 2).map(([ch]) => ch);
    expect(multiForm.length).toBeGreaterThanOrEqual(8);
    for (const ch of ['ی', 'ب', 'ک', 'ن']) expect(multiForm).toContain(ch);
    // and the lam-alef ligature is among the glyphs
    expect(arabicMaps.some((m) => [...m.values()].some((s) => s === 'ال' || s === 'لا'))).toBe(true);
  });

  it('shows no .notdef glyph', () => {
    const ids = shownGlyphIds(pdf);
    expect(ids.length).toBeGreaterThan(1000);
    expect(ids.filter((id) => id === 0)).toHaveLength(0);
  });

  it('has a glyph for every character of every string of the model', () => {
    const strings = allStrings(model);
    expect(missingGlyphs(strings.join(' '))).toEqual([]);
    expect(missingGlyphs(strings.join(' '), 'bold')).toEqual([]);
    // the check itself can fail: Devanagari and emoji are in neither font
    expect(missingGlyphs('क 😀 云 پ')).toEqual(['क', '😀']);
  });

  it('shapes Urdu with fontkit: contextual forms, visual (reversed) order', () => {
    const font = fontFace('arabic');
    const word = 'پنجاب';
    const isolated = [...word].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id);
    const run = font.layout(word);
    const shaped = run.glyphs.map((g) => g.id);
    expect(shaped).toHaveLength(5);
    expect(shaped).not.toEqual(isolated);
    expect(shaped).not.toEqual([...isolated].reverse());
    // visual order: the last letter (ب) comes first; ب after ا does not join, so it keeps its isolated form
    expect(shaped[0]).toBe(isolated[4]);
  });

  it('renders a model with injected markup and an empty schedule', async () => {
    const m = demoReportModel();
    m.workshop.title.en = '<script>alert("x")</script> & "quotes"';
    m.schedule = { meetings: [], unscheduledWishes: [] };
    m.unmetNeeds = [];
    const out = await renderReportPdf(m);
    const t = extractPdfText(out).join('\n');
    expect(t).toContain('<script>alert("x")</script>');
  }, 60_000);
});
