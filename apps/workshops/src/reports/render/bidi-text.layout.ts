/**
 * Right-to-left and mixed-script text for the PDF: the Unicode bidi algorithm (bidi-js) turns a
 * logical line into visual runs, each drawn with one font. PDF has no text layout of its own, and
 * pdfkit draws glyphs left to right in the order it is given them, so the reordering happens here.
 *
 * How a run reaches the page: fontkit (inside pdfkit) shapes Arabic-script text (joining forms,
 * ligatures, marks) from *logical* order and then reverses the glyphs of an Arabic-script run itself.
 * So an RTL run of Arabic-script text is handed over in logical order (and drawn as one unit, without
 * pdfkit's split at spaces), while every other run (Latin, Han, digits, and neutrals that the bidi
 * algorithm put in visual order) is handed over exactly as it must appear.
 */
import bidiFactory from 'bidi-js';
import { ARABIC_SCRIPT } from './text-direction.util';

const bidi = bidiFactory();

/** Which font draws a run: `main` (Latin + CJK) or `arabic` (Arabic script, Urdu). */
export type FontRole = 'main' | 'arabic';

export interface VisualRun {
  /** text to hand to the shaper: logical order for `shapeRtl` runs, visual order otherwise */
  text: string;
  font: FontRole;
  /** an RTL Arabic-script run that the shaper reverses itself (draw it as one unit) */
  shapeRtl: boolean;
}

/** Invisible bidi controls (marks, embeddings, isolates): they steer the algorithm but are not drawn. */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Wraps text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so that it cannot reorder its neighbours. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

const ANY_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F\u202B\u202E\u2067]/;
const JOINERS = /\u200C|\u200D|\u0640/;

export function fontForChar(ch: string): FontRole {
  return ARABIC_SCRIPT.test(ch) ? 'arabic' : 'main';
}

/**
 * Visual runs of one line (already wrapped; a line never contains a newline), left to right.
 * `base`: paragraph direction (`auto` = by the first strong character).
 */
export function visualRuns(line: string, base: 'ltr' | 'rtl' | 'auto' = 'auto'): VisualRun[] {
  if (!line) return [];
  if (!ANY_RTL.test(line)) {
    const plain = line.replace(new RegExp(BIDI_CONTROLS.source, 'g'), '');
    return plain ? [{ text: plain, font: 'main', shapeRtl: false }] : [];
  }

  const embedding = bidi.getEmbeddingLevels(line, base === 'auto' ? undefined : base);
  const { levels } = embedding;
  const order = Array.from({ length: line.length }, (_, i) => i);
  for (const [start, end] of bidi.getReorderSegments(line, embedding)) {
    order.splice(start, end - start + 1, ...order.slice(start, end + 1).reverse());
  }
  const mirrored = bidi.getMirroredCharactersMap(line, levels);
  // visual sequence of code units; a surrogate pair reversed by an RTL flip is put back in order
  const units = order
    .map((i) => ({ ch: mirrored.get(i) ?? line[i], rtl: (levels[i] & 1) === 1 }))
    .filter((u) => !BIDI_CONTROLS.test(u.ch));
  for (let k = 0; k + 1 < units.length; k++) {
    const lo = units[k].ch.charCodeAt(0);
    const hi = units[k + 1].ch.charCodeAt(0);
    if (lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff)
      [units[k], units[k + 1]] = [units[k + 1], units[k]];
  }

  type Cls = 'rtl-arabic' | 'arabic-char' | 'main';
  const cls = (u: { ch: string; rtl: boolean }): Cls => {
    const arabic = ARABIC_SCRIPT.test(u.ch) || JOINERS.test(u.ch);
    if (arabic) return u.rtl ? 'rtl-arabic' : 'arabic-char';
    return 'main';
  };
  const runs: VisualRun[] = [];
  const push = (text: string, font: FontRole, shapeRtl: boolean) => {
    const last = runs[runs.length - 1];
    if (last && !shapeRtl && !last.shapeRtl && last.font === font && font === 'main') last.text += text;
    else runs.push({ text, font, shapeRtl });
  };
  let k = 0;
  while (k < units.length) {
    const c = cls(units[k]);
    let j = k + 1;
    // an RTL Arabic run absorbs the RTL spaces between its words, so that it is shaped and reversed as one unit
    while (
      j < units.length &&
      (cls(units[j]) === c ||
        (c === 'rtl-arabic' &&
          units[j].rtl &&
          /\s/.test(units[j].ch) &&
          j + 1 < units.length &&
          cls(units[j + 1]) === c))
    )
      j++;
    const slice = units.slice(k, j);
    if (c === 'rtl-arabic')
      push(
        slice
          .map((u) => u.ch)
          .reverse()
          .join(''),
        'arabic',
        true,
      );
    else if (c === 'arabic-char')
      for (const u of slice) push(u.ch, 'arabic', false); // e.g. Urdu digits: one glyph each, nothing to reverse
    else push(slice.map((u) => u.ch).join(''), 'main', false);
    k = j;
  }
  return runs;
}

/** Logical pieces of a line that may be measured or broken separately: words, spaces, single CJK characters. */
export function breakOpportunities(text: string): string[] {
  return (
    text.match(
      /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF][\u3001\u3002\uFF0C\uFF1B\uFF1A\uFF09\u300B\u300D\u2019\u201D]*|\s+|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+/g,
    ) ?? []
  );
}

/**
 * Greedy line breaking of one paragraph (logical order): pieces are words, spaces and single CJK
 * characters; a word wider than the line is cut by characters. `measure` gives a logical piece's width.
 */
export function wrapParagraph(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  const flush = () => {
    lines.push(line.replace(/\s+$/, ''));
    line = '';
    width = 0;
  };
  for (const piece of breakOpportunities(text)) {
    const isSpace = /^\s+$/.test(piece);
    if (isSpace) {
      if (line) {
        line += ' ';
        width += measure(' ');
      }
      continue;
    }
    const w = measure(piece);
    if (width + w <= maxWidth || !line) {
      if (w > maxWidth && !line) {
        // cut an over-long word by characters
        for (const ch of Array.from(piece)) {
          const cw = measure(ch);
          if (width + cw > maxWidth && line) flush();
          line += ch;
          width += cw;
        }
        continue;
      }
      line += piece;
      width += w;
    } else {
      flush();
      line = piece;
      width = w;
    }
  }
  if (line || !lines.length) flush();
  return lines;
}
