/** The result model every section fills in, and its Markdown / console rendering. */

export interface Row {
  metric: string;
  value: string;
  /** the baseline measured in the same run, if the row has one */
  baseline?: string;
  target?: string;
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

const verdict = (p: boolean | null) => (p === null ? '—' : p ? '**pass**' : '**FAIL**');

export function sectionMarkdown(s: SectionResult): string {
  const out: string[] = [`## ${s.title}`, ''];
  if (s.error)
    out.push(
      `> **Section error** — the measurement did not complete: \`${s.error.replace(/`/g, "'").replace(/\s+/g, ' ').slice(0, 800)}\``,
      '',
    );
  if (s.rows.length) {
    out.push('| Metric | Value | Baseline (same run) | Target | Pass/fail |', '|---|---:|---:|---|---|');
    for (const r of s.rows)
      out.push(
        `| ${r.metric} | ${r.value} | ${r.baseline ?? '—'} | ${r.target ?? '—'} | ${verdict(r.pass)} |`,
      );
    out.push('');
  }
  for (const n of s.notes) out.push(n);
  if (s.notes.length) out.push('');
  for (const e of s.extra ?? []) out.push(e, '');
  out.push(`_Section time: ${s.seconds.toFixed(1)} s._`, '');
  return out.join('\n');
}

export function summaryLines(sections: SectionResult[]): string[] {
  const lines: string[] = [];
  for (const s of sections) {
    lines.push(`${s.title}${s.error ? `  [ERROR: ${s.error.split('\n')[0].slice(0, 200)}]` : ''}`);
    for (const r of s.rows) {
      const mark = r.pass === null ? '    ' : r.pass ? 'PASS' : 'FAIL';
      lines.push(
        `  ${mark}  ${r.metric}: ${r.value}${r.baseline ? `  (baseline ${r.baseline})` : ''}${r.target ? `  [target ${r.target}]` : ''}`,
      );
    }
  }
  return lines;
}
