/** Test helpers that look inside a generated PDF: text as pdf.js extracts it, ToUnicode maps, shown glyphs. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

/** Text of every page, extracted by pdf.js in a child process (pdfjs-dist is ESM-only). */
export function extractPdfText(pdf: Buffer): string[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tb-pdf-')), 'report.pdf');
  fs.writeFileSync(file, pdf);
  try {
    const res = spawnSync(process.execPath, [path.join(__dirname, 'extract-pdf-text.mjs'), file], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (res.status !== 0) throw new Error(`pdf.js extraction failed: ${res.stderr}`);
    return (JSON.parse(res.stdout) as { pages: string[] }).pages;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

/** Every FlateDecode stream of the file, inflated (latin1, byte for byte). */
export function inflatedStreams(pdf: Buffer): string[] {
  const s = pdf.toString('latin1');
  const out: string[] = [];
  const re = /(?<!end)stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out.push(zlib.inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not deflated (e.g. font program already inflated) or not a stream we read
    }
    re.lastIndex = end + 'endstream'.length;
  }
  return out;
}

/** ToUnicode CMaps of the embedded fonts: glyph id → the text it stands for. */
export function toUnicodeMaps(pdf: Buffer): Map<number, string>[] {
  const maps: Map<number, string>[] = [];
  for (const text of inflatedStreams(pdf)) {
    if (!text.includes('begincmap')) continue;
    const map = new Map<number, string>();
    for (const r of text.matchAll(/<([0-9a-fA-F]{4})> <([0-9a-fA-F]{4})> \[([^\]]*)\]/g)) {
      const start = parseInt(r[1], 16);
      [...r[3].matchAll(/<([0-9a-fA-F ]+)>/g)].forEach((e, k) => {
        const units = e[1]
          .trim()
          .split(/\s+/)
          .map((h) => parseInt(h, 16));
        map.set(start + k, String.fromCharCode(...units));
      });
    }
    maps.push(map);
  }
  return maps;
}

/** Glyph ids shown by TJ/Tj operators (pdfkit writes 4-hex-digit glyph ids, Identity-H). */
export function shownGlyphIds(pdf: Buffer): number[] {
  const ids: number[] = [];
  for (const text of inflatedStreams(pdf)) {
    for (const tj of text.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      for (const hex of tj[1].matchAll(/<([0-9a-fA-F]+)>/g)) {
        for (let i = 0; i + 4 <= hex[1].length; i += 4) ids.push(parseInt(hex[1].slice(i, i + 4), 16));
      }
    }
  }
  return ids;
}
