/** The result model every section fills in, its Markdown / console rendering, and docs/benchmarks.md merging. */

/** A numeric bar: `value op target`, in `unit` (the unit of the row's value). */
export interface Target {
  op: '<=' | '>=';
  value: number;
  unit?: string;
}

export interface Row {
  metric: string;
  value: string;
  /** the baseline measured in the same run, if the row has one */
  baseline?: string;
  target?: string;
  /**
   * The target as numbers, when it is one bound on the value ("≤ 30 ms"): the report then says by how
   * much a failing row missed it. Without it, a `target` string of that shape is parsed instead.
   */
  goal?: Target;
  /** what the profile says limits a failing row (its top frames, in a few words) */
  limitedBy?: string;
  /** true = pass, false = fail, null = informational (no target) */
  pass: boolean | null;
}

export interface SectionResult {
  id: string;
  title: string;
  rows: Row[];
  /** free Markdown paragraphs / bullet lines: method, caveats, observations */
  notes: string[];
  /** extra Markdown tables or blocks rendered after the notes */
  extra?: string[];
  error?: string;
  seconds: number;
}

export function newSection(id: string, title: string): SectionResult {
  return { id, title, rows: [], notes: [], seconds: 0 };
}

// ---- numbers in the row strings -----------------------------------------------------------------

/**
 * The number of a figure that is one number: "12.3", "836 req/s", "9.5 %", "1.20 s", "48.79 (PG FTS)",
 * "3 (of 1,000)". Anything else ("2.8 / 6.5", "brute force 3.2, …", "ready after 3 s") is not one.
 */
export function parseFigure(s: string | undefined): { value: number; unit?: string } | undefined {
  if (s === undefined) return undefined;
  const m = /^\s*([-+]?\d[\d,]*(?:\.\d+)?)\s*(%|[^\s\d(),][^\s(),]*)?\s*(\([^)]*\))?\s*$/.exec(s);
  if (!m) return undefined;
  const value = Number(m[1].replace(/,/g, ''));
  return Number.isFinite(value) ? { value, unit: m[2] } : undefined;
}

const OPS: Record<string, Target['op']> = {
  '≤': '<=',
  '<=': '<=',
  '<': '<=',
  '≥': '>=',
  '>=': '>=',
  '>': '>=',
};

/**
 * The numeric bound at the start of a target string: "≤ 30 ms", "≥ 2,000 needs/s", "≥ 2,000/s",
 * "≤ 5 ms and < PG" (only its first clause), "0" (read as ≤ 0). Targets relative to something else
 * ("≥ 50 % of baseline", "> baseline", "all") have no bound of their own: undefined.
 */
export function parseTarget(s: string | undefined): Target | undefined {
  if (!s) return undefined;
  const bare = /^\s*(\d[\d,]*(?:\.\d+)?)\s*$/.exec(s);
  if (bare) return { op: '<=', value: Number(bare[1].replace(/,/g, '')) };
  // After the unit only a parenthesis or a further clause ("and < PG") may follow: "≥ 50 % of baseline"
  // does not match, its words make it relative.
  const m =
    /^\s*(≤|<=|<|≥|>=|>)\s*(\d[\d,]*(?:\.\d+)?)\s*(%|\/[^\s(]+|[^\s\d,;(][^\s,;(]*)?\s*(?:\(.*\))?\s*(?:(?:and|;|,)\s.*)?$/.exec(
      s,
    );
  if (!m) return undefined;
  const unit = m[3];
  return { op: OPS[m[1]], value: Number(m[2].replace(/,/g, '')), ...(unit ? { unit } : {}) };
}

/** value / baseline when both are one number in the same unit (or one of them has none) and baseline ≠ 0 */
export function ratioOf(r: Row): number | undefined {
  const v = parseFigure(r.value);
  const b = parseFigure(r.baseline);
  if (!v || !b || b.value === 0) return undefined;
  if (v.unit && b.unit && v.unit !== b.unit) return undefined;
  return v.value / b.value;
}

export interface Miss {
  /** how far the value is on the wrong side of the bound, in the target's unit */
  by: number;
  /** the same relative to the bound, in percent (undefined for a bound of 0) */
  percent?: number;
  unit?: string;
}

/** by how much a row misses its numeric bound; undefined when it has none or meets it */
export function missOf(r: Row): Miss | undefined {
  const t = r.goal ?? parseTarget(r.target);
  const v = parseFigure(r.value);
  if (!t || !v) return undefined;
  // A value in another unit than the bound's (s vs ms) is not compared: better silent than wrong.
  if (v.unit && t.unit && !sameUnit(v.unit, t.unit)) return undefined;
  const by = t.op === '<=' ? v.value - t.value : t.value - v.value;
  if (!(by > 0)) return undefined;
  return { by, percent: t.value !== 0 ? (by / Math.abs(t.value)) * 100 : undefined, unit: t.unit };
}

const sameUnit = (a: string, b: string) => a === b || a.replace(/^\//, '') === b.replace(/^\//, '');

/** three significant figures below 100, whole numbers with thousands separators above */
const num = (x: number) =>
  Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en') : String(Number(x.toPrecision(3)));

export function missText(m: Miss, op: Target['op'] = '<='): string {
  const unit = !m.unit ? '' : m.unit === '%' ? ' points' : m.unit.startsWith('/') ? m.unit : ` ${m.unit}`;
  const rel =
    m.percent === undefined ? '' : ` (${num(m.percent)} % ${op === '<=' ? 'over' : 'under'} the target)`;
  return `missed by ${num(m.by)}${unit}${rel}`;
}

export function ratioText(x: number | undefined): string {
  if (x === undefined) return '—';
  return `${num(x)}×`;
}

// ---- Markdown -----------------------------------------------------------------------------------

function verdictCell(r: Row): string {
  if (r.pass === null) return '—';
  if (r.pass) return '**pass**';
  const t = r.goal ?? parseTarget(r.target);
  const m = missOf(r);
  const parts = [
    m && t ? missText(m, t.op) : undefined,
    r.limitedBy ? `limited by ${r.limitedBy}` : undefined,
  ];
  const why = parts.filter(Boolean).join('; ');
  return why ? `**FAIL** — ${why}` : '**FAIL**';
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export interface SectionRun {
  /** ISO date of the run that measured the section */
  date: string;
  /** load average when that run started */
  load: string;
  /** e.g. "full run" or "--only=core,quality" */
  kind: string;
}

export function sectionCounts(s: SectionResult): SectionCounts {
  return {
    pass: s.rows.filter((r) => r.pass === true).length,
    fail: s.rows.filter((r) => r.pass === false).length,
    error: s.error ? 1 : 0,
  };
}

export interface SectionCounts {
  pass: number;
  fail: number;
  error: number;
}

export function sectionMarkdown(s: SectionResult, run?: SectionRun): string {
  const out: string[] = [`## ${s.title}`, ''];
  if (run) out.push(`_Measured ${run.date} (${run.kind}), load average at start ${run.load}._`, '');
  if (s.error)
    out.push(
      `> **Section error** — the measurement did not complete: \`${s.error.replace(/`/g, "'").replace(/\s+/g, ' ').slice(0, 800)}\``,
      '',
    );
  if (s.rows.length) {
    out.push(
      '| Metric | Value | Baseline (same run) | Ratio | Target | Pass/fail |',
      '|---|---:|---:|---:|---|---|',
    );
    for (const r of s.rows)
      out.push(
        `| ${cell(r.metric)} | ${cell(r.value)} | ${cell(r.baseline ?? '—')} | ${ratioText(ratioOf(r))} | ${cell(r.target ?? '—')} | ${verdictCell(r)} |`,
      );
    out.push('');
  }
  for (const n of s.notes) out.push(n);
  if (s.notes.length) out.push('');
  for (const e of s.extra ?? []) out.push(e, '');
  out.push(`_Section time: ${s.seconds.toFixed(1)} s._`, '');
  return out.join('\n');
}

// ---- docs/benchmarks.md as sections between markers -----------------------------------------------

export interface StoredSection extends SectionCounts {
  id: string;
  /** the section's Markdown, markers excluded */
  markdown: string;
}

const OPEN = /^<!-- section:([a-z0-9-]+) pass=(\d+) fail=(\d+) error=(\d+) -->$/;

export function wrapSection(id: string, c: SectionCounts, markdown: string): string {
  return `<!-- section:${id} pass=${c.pass} fail=${c.fail} error=${c.error} -->\n${markdown.trimEnd()}\n<!-- /section:${id} -->`;
}

/**
 * The sections stored in a benchmarks.md: those between markers, or — a file written before the
 * markers — its `## ` headings after the machine table, identified by `legacyId(title)` and counted
 * from their pass/FAIL cells.
 */
export function parseSections(md: string, legacyId?: (title: string) => string | undefined): StoredSection[] {
  const lines = md.split('\n');
  const out: StoredSection[] = [];
  let cur: { id: string; c: SectionCounts; body: string[] } | undefined;
  for (const l of lines) {
    const m = OPEN.exec(l.trim());
    if (m) {
      cur = { id: m[1], c: { pass: +m[2], fail: +m[3], error: +m[4] }, body: [] };
    } else if (cur && l.trim() === `<!-- /section:${cur.id} -->`) {
      out.push({ id: cur.id, ...cur.c, markdown: cur.body.join('\n').trim() + '\n' });
      cur = undefined;
    } else if (cur) cur.body.push(l);
  }
  if (out.length || !legacyId) return out;
  // Before the markers: split on level-2 headings, skipping the machine table. That file came from one
  // full run: its date and load, from the old header, head each section as a newer run would.
  const date = /^\| Date \| (.+?) \|$/m.exec(md)?.[1];
  const load = /^\| Load average at start[^|]*\| (.+?) \|$/m.exec(md)?.[1];
  const measured = date
    ? ['', `_Measured ${date} (full run)${load ? `, load average at start ${load}` : ''}._`]
    : [];
  let sec: { id: string; body: string[] } | undefined;
  const flush = () => {
    if (!sec) return;
    const markdown = sec.body.join('\n').trim() + '\n';
    out.push({
      id: sec.id,
      pass: (markdown.match(/\| \*\*pass\*\*/g) ?? []).length,
      fail: (markdown.match(/\| \*\*FAIL\*\*/g) ?? []).length,
      error: markdown.includes('> **Section error**') ? 1 : 0,
      markdown,
    });
    sec = undefined;
  };
  for (const l of lines) {
    if (l.startsWith('## ')) {
      flush();
      const id = legacyId(l.slice(3).trim());
      if (id) sec = { id, body: [l, ...measured] };
    } else sec?.body.push(l);
  }
  flush();
  return out;
}

/**
 * The stored sections after a run: the run's sections replace those with the same id, the others stay
 * as they are; the result is in `order` (unknown ids after, in the order met).
 */
export function mergeSections(
  stored: StoredSection[],
  fresh: StoredSection[],
  order: string[],
): StoredSection[] {
  const byId = new Map(stored.map((s) => [s.id, s]));
  for (const s of fresh) byId.set(s.id, s);
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  const seen = [...byId.keys()];
  return [...byId.values()].sort(
    (a, b) => rank(a.id) - rank(b.id) || seen.indexOf(a.id) - seen.indexOf(b.id),
  );
}

export function totals(sections: SectionCounts[]): SectionCounts {
  return sections.reduce(
    (t, s) => ({ pass: t.pass + s.pass, fail: t.fail + s.fail, error: t.error + s.error }),
    { pass: 0, fail: 0, error: 0 },
  );
}

/** the header's result line, recomputed over every section in the file */
export function resultLine(t: SectionCounts): string {
  return `**Result: ${t.pass} pass, ${t.fail} fail${t.error ? `, ${t.error} section(s) with errors` : ''}.** Failing a target is reported as it is, with how far it missed.`;
}

export function summaryLines(sections: SectionResult[]): string[] {
  const lines: string[] = [];
  for (const s of sections) {
    lines.push(`${s.title}${s.error ? `  [ERROR: ${s.error.split('\n')[0].slice(0, 200)}]` : ''}`);
    for (const r of s.rows) {
      const mark = r.pass === null ? '    ' : r.pass ? 'PASS' : 'FAIL';
      const t = r.goal ?? parseTarget(r.target);
      const m = r.pass === false ? missOf(r) : undefined;
      const ratio = ratioOf(r);
      lines.push(
        `  ${mark}  ${r.metric}: ${r.value}${r.baseline ? `  (baseline ${r.baseline}${ratio !== undefined ? `, ${ratioText(ratio)}` : ''})` : ''}${r.target ? `  [target ${r.target}]` : ''}${m && t ? `  ${missText(m, t.op)}` : ''}`,
      );
    }
  }
  return lines;
}

/**
 * docs/benchmarks.md after a run: `fresh` (this run's sections, already wrapped Markdown and counts)
 * replace their namesakes in `existing` (the file as it was, or undefined), the others are kept, and the
 * header — written by `header(totals)` — is recomputed over every section in the result.
 */
export function mergeReport(o: {
  existing: string | undefined;
  fresh: StoredSection[];
  order: string[];
  header: (t: SectionCounts) => string;
  legacyId?: (title: string) => string | undefined;
}): string {
  const stored = o.existing ? parseSections(o.existing, o.legacyId) : [];
  const all = mergeSections(stored, o.fresh, o.order);
  return [o.header(totals(all)), '', ...all.map((s) => wrapSection(s.id, s, s.markdown) + '\n')].join('\n');
}
