/**
 * A small drawing layer over pdfkit for the report: mixed-script text (Latin, Chinese, Urdu) with
 * font switching per run, the bidi algorithm per line (see bidi-text.layout.ts), word wrapping,
 * tables that break across pages and repeat their header, and page furniture.
 */
import PDFDocument from 'pdfkit';
import { fontForChar, visualRuns, wrapParagraph, type FontRole } from './bidi-text.layout';
import type { FontWeight } from './pdf-fonts';
import { fontBuffer } from './pdf-fonts';
import { hasArabicScript, paragraphDirection } from './text-direction.util';

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  /** default: left for LTR paragraphs, right for RTL ones */
  align?: 'left' | 'right' | 'center';
}

export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

export type TableCell = string | { text: string; bold?: boolean; color?: string };

const FONT_NAMES: Record<FontRole, Record<FontWeight, string>> = {
  main: { regular: 'tb-main', bold: 'tb-main-bold' },
  arabic: { regular: 'tb-arabic', bold: 'tb-arabic-bold' },
};

export class PdfCanvas {
  readonly doc: PDFKit.PDFDocument;
  y: number;

  constructor(options: { title: string; author?: string; creationDate?: Date; lang?: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margins: { top: 40, bottom: 44, left: 40, right: 40 },
      bufferPages: true,
      autoFirstPage: true,
      lang: options.lang ?? 'en',
      displayTitle: true,
      info: {
        Title: options.title,
        Author: options.author ?? 'TechBridge',
        Creator: 'TechBridge reports',
        CreationDate: options.creationDate,
      },
    });
    for (const role of ['main', 'arabic'] as const)
      for (const weight of ['regular', 'bold'] as const)
        this.doc.registerFont(FONT_NAMES[role][weight], fontBuffer(role, weight));
    this.y = this.top;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }
  get top(): number {
    return this.doc.page.margins.top;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  addPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensureSpace(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.addPage();
    return true;
  }

  private use(role: FontRole, bold: boolean, size: number): void {
    this.doc.font(FONT_NAMES[role][bold ? 'bold' : 'regular']).fontSize(size);
  }

  /** Width of a piece of logical text (font chosen per character class; Arabic shaped as one run). */
  measure(text: string, size: number, bold = false): number {
    let w = 0;
    for (const seg of fontSegments(text)) {
      this.use(seg.font, bold, size);
      w += this.doc.widthOfString(seg.text, seg.font === 'arabic' ? { features: [] } : {});
    }
    return w;
  }

  lineHeight(text: string, size: number): number {
    return size * (hasArabicScript(text) ? 1.75 : 1.4);
  }

  /** Logical lines of `text` wrapped to `width` (explicit newlines kept). */
  wrap(text: string, width: number, size: number, bold = false): string[] {
    return text.split(/\r?\n/).flatMap((p) => wrapParagraph(p, width, (s) => this.measure(s, size, bold)));
  }

  /** Height `text` takes in a box of `width`. */
  textHeight(text: string, width: number, style: TextStyle = {}): number {
    const size = style.size ?? 9;
    return this.wrap(text, width, size, style.bold).reduce((h, l) => h + this.lineHeight(l, size), 0);
  }

  /** Draws one already-wrapped line with its baseline at `baseline`. */
  drawLine(
    line: string,
    x: number,
    baseline: number,
    width: number,
    style: TextStyle & { direction?: 'ltr' | 'rtl' } = {},
  ): void {
    const size = style.size ?? 9;
    const bold = style.bold ?? false;
    const direction = style.direction ?? paragraphDirection(line);
    const runs = visualRuns(line, direction);
    const widths = runs.map((r) => {
      this.use(r.font, bold, size);
      return this.doc.widthOfString(r.text, r.shapeRtl ? { features: [] } : {});
    });
    const total = widths.reduce((a, b) => a + b, 0);
    const align = style.align ?? (direction === 'rtl' ? 'right' : 'left');
    let cx = align === 'right' ? x + width - total : align === 'center' ? x + (width - total) / 2 : x;
    this.doc.fillColor(style.color ?? '#1d2733');
    runs.forEach((r, i) => {
      this.use(r.font, bold, size);
      this.doc.text(r.text, cx, baseline, {
        lineBreak: false,
        baseline: 'alphabetic',
        ...(r.shapeRtl ? { features: [] } : {}),
      });
      cx += widths[i];
    });
  }

  /** Draws wrapped text in a box starting at (x, top); returns the height used. */
  textBox(text: string, x: number, top: number, width: number, style: TextStyle = {}): number {
    const size = style.size ?? 9;
    let y = top;
    for (const paragraph of text.split(/\r?\n/)) {
      const direction = paragraphDirection(paragraph);
      for (const line of wrapParagraph(paragraph, width, (s) => this.measure(s, size, style.bold))) {
        const lh = this.lineHeight(line, size);
        this.drawLine(line, x, y + lh * 0.5 + size * 0.36, width, { ...style, size, direction });
        y += lh;
      }
    }
    return y - top;
  }

  /** A paragraph across the full width at the cursor, breaking pages as needed. */
  paragraph(text: string, style: TextStyle = {}, gapAfter = 4): void {
    const size = style.size ?? 9;
    for (const paragraph of text.split(/\r?\n/)) {
      const direction = paragraphDirection(paragraph);
      for (const line of wrapParagraph(paragraph, this.width, (s) => this.measure(s, size, style.bold))) {
        const lh = this.lineHeight(line, size);
        this.ensureSpace(lh);
        this.drawLine(line, this.left, this.y + lh * 0.5 + size * 0.36, this.width, {
          ...style,
          size,
          direction,
        });
        this.y += lh;
      }
    }
    this.y += gapAfter;
  }

  /** A table at the cursor; rows never split, the header repeats on every page. */
  table(
    columns: TableColumn[],
    rows: TableCell[][],
    options: { size?: number; headerFill?: string; zebra?: boolean } = {},
  ): void {
    const size = options.size ?? 8;
    const pad = 3;
    const doc = this.doc;
    const totalW = columns.reduce((a, c) => a + c.width, 0);
    const scale = this.width / totalW; // columns are relative widths: the table spans the text width
    const widths = columns.map((c) => c.width * scale);
    const cellText = (c: TableCell) => (typeof c === 'string' ? c : c.text);
    const cellHeight = (c: TableCell, w: number, bold = false) =>
      this.textHeight(cellText(c), w - 2 * pad, { size, bold }) + 2 * pad;

    const drawHeader = () => {
      const h = Math.max(...columns.map((c, i) => cellHeight(c.header, widths[i], true)));
      let x = this.left;
      doc
        .save()
        .rect(
          this.left,
          this.y,
          widths.reduce((a, b) => a + b, 0),
          h,
        )
        .fill(options.headerFill ?? '#1f4e79')
        .restore();
      columns.forEach((c, i) => {
        this.textBox(c.header, x + pad, this.y + pad, widths[i] - 2 * pad, {
          size,
          bold: true,
          color: '#ffffff',
          align: c.align,
        });
        x += widths[i];
      });
      this.y += h;
    };

    const rowHeight = (row: TableCell[]) =>
      Math.max(...row.map((c, i) => cellHeight(c, widths[i], typeof c !== 'string' && c.bold)));
    const headerHeight = Math.max(...columns.map((c, i) => cellHeight(c.header, widths[i], true)));
    // never leave a header alone at the foot of a page
    this.ensureSpace(headerHeight + (rows.length ? rowHeight(rows[0]) : 0));
    drawHeader();
    rows.forEach((row, ri) => {
      const h = rowHeight(row);
      if (this.ensureSpace(h)) drawHeader();
      const rowW = widths.reduce((a, b) => a + b, 0);
      if (options.zebra !== false && ri % 2 === 1)
        doc.save().rect(this.left, this.y, rowW, h).fill('#f3f6fa').restore();
      let x = this.left;
      row.forEach((c, i) => {
        const styled = typeof c === 'string' ? { text: c } : c;
        this.textBox(styled.text, x + pad, this.y + pad, widths[i] - 2 * pad, {
          size,
          bold: styled.bold,
          color: styled.color,
          align: columns[i].align,
        });
        x += widths[i];
      });
      doc
        .save()
        .moveTo(this.left, this.y + h)
        .lineTo(this.left + rowW, this.y + h)
        .lineWidth(0.4)
        .strokeColor('#c9d2dc')
        .stroke()
        .restore();
      this.y += h;
    });
    this.y += 8;
  }

  /** Page numbers and a footer line on every buffered page. */
  footer(text: string): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const saved = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      const y = this.doc.page.height - 22;
      this.drawLine(text, this.left, y, this.width, { size: 7, color: '#6b7785', align: 'left' });
      this.drawLine(`${i + 1} / ${range.count}`, this.left, y, this.width, {
        size: 7,
        color: '#6b7785',
        align: 'right',
      });
      this.doc.page.margins.bottom = saved;
    }
  }

  /**
   * Text extraction (copy-paste, search, pdf.js, pdftotext) reads an RTL line in visual order and
   * reverses it character by character. A ligature glyph (لا) maps to several characters, which that
   * reversal would swap (اسلام → اسالم), so in the Arabic fonts' ToUnicode maps a multi-character glyph
   * is written reversed. pdfkit builds those maps from the `unicode` table of its embedded fonts when
   * the document ends; there is no public hook, hence the guarded access to `_fontFamilies`.
   */
  private reverseArabicLigatureMappings(): void {
    const families =
      (this.doc as unknown as { _fontFamilies?: Record<string, { unicode?: (number[] | undefined)[] }> })
        ._fontFamilies ?? {};
    for (const name of [FONT_NAMES.arabic.regular, FONT_NAMES.arabic.bold]) {
      const font = families[name];
      if (!font || !Array.isArray(font.unicode)) continue;
      font.unicode = font.unicode.map((cps) =>
        Array.isArray(cps) && cps.length > 1 ? [...cps].reverse() : cps,
      );
    }
  }

  /** Finishes the document and resolves with its bytes. */
  end(): Promise<Buffer> {
    this.reverseArabicLigatureMappings();
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}

/** Splits logical text into maximal pieces drawn with one font (Arabic script vs the rest). */
export function fontSegments(text: string): { text: string; font: FontRole }[] {
  const out: { text: string; font: FontRole }[] = [];
  for (const ch of text) {
    if (/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(ch)) continue; // bidi controls are not drawn
    // spaces and joiners stay with the Arabic piece they sit in, so that Arabic is measured as it is drawn
    const f = /[\s\u200C\u200D]/.test(ch) && out.length ? out[out.length - 1].font : fontForChar(ch);
    const last = out[out.length - 1];
    if (last && last.font === f) last.text += ch;
    else out.push({ text: ch, font: f });
  }
  return out;
}
