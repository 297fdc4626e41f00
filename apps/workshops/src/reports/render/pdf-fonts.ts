/**
 * Fonts of the PDF renderer, read from npm packages (nothing downloaded at install or run time):
 * - `@embedpdf/fonts-sc`: Noto Sans CJK Simplified Chinese ("Noto Sans Hans", OpenType/CFF, OFL-1.1):
 *   Han (GB 18030 coverage, ~30,000 characters) plus Latin, digits and the punctuation we print.
 * - `@embedpdf/fonts-arabic`: Noto Naskh Arabic (TrueType, OFL-1.1) with the Urdu letters
 *   (ٹ ڈ ڑ ں ھ ہ ی ے ۓ), Urdu digits and the joining (init/medi/fina) and ligature tables.
 * pdfkit embeds only the glyphs a document uses (subsets), so a report stays small.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { fontForChar, type FontRole } from './bidi-text.layout';

export type FontWeight = 'regular' | 'bold';

function packageDir(pkg: string): string {
  // both packages export only their JS entry (dist/index.cjs); the font files sit in ../fonts
  return path.resolve(path.dirname(require.resolve(pkg)), '..');
}

export const PDF_FONT_FILES: Record<FontRole, Record<FontWeight, string>> = {
  main: {
    regular: path.join(packageDir('@embedpdf/fonts-sc'), 'fonts', 'NotoSansHans-Regular.otf'),
    bold: path.join(packageDir('@embedpdf/fonts-sc'), 'fonts', 'NotoSansHans-Bold.otf'),
  },
  arabic: {
    regular: path.join(packageDir('@embedpdf/fonts-arabic'), 'fonts', 'NotoNaskhArabic-Regular.ttf'),
    bold: path.join(packageDir('@embedpdf/fonts-arabic'), 'fonts', 'NotoNaskhArabic-Bold.ttf'),
  },
};

const buffers = new Map<string, Buffer>();

/** The font file's bytes, read once per process. */
export function fontBuffer(role: FontRole, weight: FontWeight): Buffer {
  const file = PDF_FONT_FILES[role][weight];
  let b = buffers.get(file);
  if (!b) buffers.set(file, (b = fs.readFileSync(file)));
  return b;
}

const faces = new Map<string, fontkit.Font>();

/** The parsed font (fontkit), for coverage checks. */
export function fontFace(role: FontRole, weight: FontWeight = 'regular'): fontkit.Font {
  const key = `${role}/${weight}`;
  let f = faces.get(key);
  if (!f) {
    const created = fontkit.create(fontBuffer(role, weight));
    if (!('glyphForCodePoint' in created))
      throw new Error(`${PDF_FONT_FILES[role][weight]} is a font collection`);
    faces.set(key, (f = created));
  }
  return f;
}

/**
 * Characters of `text` that the font chosen for them (see `fontForChar`) cannot draw, i.e. that
 * would come out as .notdef boxes. Whitespace and invisible format characters are skipped.
 */
export function missingGlyphs(text: string, weight: FontWeight = 'regular'): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    if (/[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/.test(ch)) continue;
    if (!fontFace(fontForChar(ch), weight).hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.add(ch);
  }
  return [...missing];
}
