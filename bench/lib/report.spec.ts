import {
  mergeReport,
  missOf,
  missText,
  parseFigure,
  parseSections,
  parseTarget,
  ratioOf,
  ratioText,
  resultLine,
  sectionCounts,
  sectionMarkdown,
  type Row,
  type SectionResult,
  type StoredSection,
} from './report';

const row = (r: Partial<Row>): Row => ({ metric: 'm', value: '0', pass: null, ...r });

describe('bench report: figures and targets', () => {
  it.each([
    ['12.3', 12.3, undefined],
    ['836 req/s', 836, 'req/s'],
    ['9.5 %', 9.5, '%'],
    ['1.20 s', 1.2, 's'],
    ['48.79 (PG FTS)', 48.79, undefined],
    ['3 (of 1,000)', 3, undefined],
    ['2,345', 2345, undefined],
  ])('reads %p as one number', (s, value, unit) => {
    expect(parseFigure(s)).toEqual({ value, unit });
  });

  it.each(['2.84 / 6.50', 'brute force 3.2, PG FTS 4.5', 'ready after 3.1 s', '1.2×; 1.1×', '', 'n/a'])(
    'does not read %p as one number',
    (s) => expect(parseFigure(s)).toBeUndefined(),
  );

  it.each([
    ['≤ 30 ms', { op: '<=', value: 30, unit: 'ms' }],
    ['≥ 2,000 needs/s', { op: '>=', value: 2000, unit: 'needs/s' }],
    ['≥ 2,000/s', { op: '>=', value: 2000, unit: '/s' }],
    ['≤ 5 ms and < PG', { op: '<=', value: 5, unit: 'ms' }],
    ['≥ 0.85 and > baseline', { op: '>=', value: 0.85 }],
    ['≥ 50 %', { op: '>=', value: 50, unit: '%' }],
    ['≤ 60 s (k8s startupProbe: 60 × 2 s)', { op: '<=', value: 60, unit: 's' }],
    ['0', { op: '<=', value: 0 }],
  ])('reads the bound of %p', (s, t) => expect(parseTarget(s)).toEqual(t));

  it.each(['≥ 50 % of baseline', '> baseline', 'all', '2× is perfect; ≤ 2 cores here', '10000 / 10000'])(
    'finds no bound of its own in %p',
    (s) => expect(parseTarget(s)).toBeUndefined(),
  );

  it('ratio is value / baseline when both are one number in the same unit', () => {
    expect(ratioOf(row({ value: '55.88', baseline: '430.50 (PG FTS)' }))).toBeCloseTo(0.1298, 4);
    expect(ratioOf(row({ value: '836 req/s', baseline: '8,819 req/s' }))).toBeCloseTo(0.0948, 4);
    expect(ratioOf(row({ value: '1.2 s', baseline: '900 ms' }))).toBeUndefined();
    expect(ratioOf(row({ value: '2.8 / 6.5', baseline: '29 / 57' }))).toBeUndefined();
    expect(ratioOf(row({ value: '3', baseline: '0 (of 9000)' }))).toBeUndefined();
    expect(ratioOf(row({ value: '3' }))).toBeUndefined();
    expect(ratioText(0.12984)).toBe('0.13×');
    expect(ratioText(15.04)).toBe('15×');
    expect(ratioText(1234.5)).toBe('1,235×');
    expect(ratioText(undefined)).toBe('—');
  });

  it('says by how much an upper bound is missed', () => {
    const r = row({ value: '106.3', target: '≤ 30 ms', pass: false });
    const m = missOf(r)!;
    expect(m.by).toBeCloseTo(76.3, 6);
    expect(m.percent).toBeCloseTo(254.33, 2);
    expect(missText(m, '<=')).toBe('missed by 76.3 ms (254 % over the target)');
  });

  it('says by how much a lower bound is missed, structured goal first', () => {
    const r = row({
      value: '1,500',
      target: 'at least two thousand',
      goal: { op: '>=', value: 2000, unit: 'needs/s' },
    });
    expect(missText(missOf(r)!, '>=')).toBe('missed by 500 needs/s (25 % under the target)');
    const pct = missOf(row({ value: '9.5 %', target: '≥ 50 %' }))!;
    expect(missText(pct, '>=')).toBe('missed by 40.5 points (81 % under the target)');
  });

  it('has no miss when the bound is met, absent, or in another unit', () => {
    expect(missOf(row({ value: '4.31', target: '≤ 5 ms and < PG' }))).toBeUndefined();
    expect(missOf(row({ value: '0.5', target: '> baseline' }))).toBeUndefined();
    expect(missOf(row({ value: '7 s', target: '≤ 30 ms' }))).toBeUndefined();
    expect(missOf(row({ value: '2.8 / 6.5', target: '≤ 5 ms' }))).toBeUndefined();
  });

  it('a bound of 0 gives the absolute miss only', () => {
    const m = missOf(row({ value: '3 (of 1000)', target: '0' }))!;
    expect(m).toEqual({ by: 3, percent: undefined, unit: undefined });
    expect(missText(m)).toBe('missed by 3');
  });

  it('renders the ratio column and the miss in the verdict cell', () => {
    const s: SectionResult = {
      id: 'core',
      title: '1. core',
      rows: [
        {
          metric: 'p95 | 100k',
          value: '55.88',
          baseline: '430.50 (PG FTS)',
          target: '≤ 30 ms and < PG',
          pass: false,
          limitedBy: '`scoreOffer` 41 %',
        },
        { metric: 'p95 10k', value: '4.31', baseline: '48.79 (PG FTS)', target: '≤ 5 ms', pass: true },
      ],
      notes: [],
      seconds: 1,
    };
    const md = sectionMarkdown(s, {
      date: '2026-12-02T12:00:00.000Z',
      load: '1.00 / 1.00 / 1.00',
      kind: '--only=core',
    });
    expect(md).toContain(
      '_Measured 2026-12-02T12:00:00.000Z (--only=core), load average at start 1.00 / 1.00 / 1.00._',
    );
    expect(md).toContain('| Metric | Value | Baseline (same run) | Ratio | Target | Pass/fail |');
    expect(md).toContain(
      '| p95 \\| 100k | 55.88 | 430.50 (PG FTS) | 0.13× | ≤ 30 ms and < PG | **FAIL** — missed by 25.9 ms (86.3 % over the target); limited by `scoreOffer` 41 % |',
    );
    expect(md).toContain('| p95 10k | 4.31 | 48.79 (PG FTS) | 0.0883× | ≤ 5 ms | **pass** |');
    expect(sectionCounts(s)).toEqual({ pass: 1, fail: 1, error: 0 });
  });
});

describe('bench report: merging a partial run into docs/benchmarks.md', () => {
  const header = (t: { pass: number; fail: number; error: number }) =>
    `# Benchmarks\n\nheader\n\n${resultLine(t)}`;
  const stored = (id: string, pass: number, fail: number, body: string, error = 0): StoredSection => ({
    id,
    pass,
    fail,
    error,
    markdown: `## ${id}\n\n${body}\n`,
  });
  const order = ['core', 'quality', 'e2e', 'scheduler'];

  it('replaces only the sections of the run, keeps the others, recomputes the result line', () => {
    const first = mergeReport({
      existing: undefined,
      fresh: [
        stored('core', 1, 1, 'old core'),
        stored('quality', 6, 0, 'quality'),
        stored('scheduler', 3, 0, 'sched'),
      ],
      order,
      header,
    });
    expect(first).toContain('**Result: 10 pass, 1 fail.**');

    const second = mergeReport({ existing: first, fresh: [stored('core', 2, 0, 'new core')], order, header });
    expect(second).toContain('**Result: 11 pass, 0 fail.**');
    expect(second).toContain('new core');
    expect(second).not.toContain('old core');
    const ids = parseSections(second).map((s) => s.id);
    expect(ids).toEqual(['core', 'quality', 'scheduler']);
    // untouched sections are byte for byte what they were
    expect(parseSections(second).find((s) => s.id === 'quality')).toEqual(
      parseSections(first).find((s) => s.id === 'quality'),
    );
    expect(second.match(/^# Benchmarks$/gm)).toHaveLength(1);
  });

  it('puts a section not in the file yet in its place in the order, errors counted', () => {
    const a = mergeReport({
      existing: undefined,
      fresh: [stored('scheduler', 3, 0, 's'), stored('core', 1, 0, 'c')],
      order,
      header,
    });
    const b = mergeReport({ existing: a, fresh: [stored('quality', 0, 0, 'boom', 1)], order, header });
    expect(parseSections(b).map((s) => s.id)).toEqual(['core', 'quality', 'scheduler']);
    expect(b).toContain('**Result: 4 pass, 0 fail, 1 section(s) with errors.**');
  });

  it('merging is idempotent', () => {
    const a = mergeReport({
      existing: undefined,
      fresh: [stored('core', 1, 0, 'c'), stored('e2e', 0, 2, 'e')],
      order,
      header,
    });
    expect(mergeReport({ existing: a, fresh: [stored('core', 1, 0, 'c')], order, header })).toBe(a);
  });

  it('reads a file written before the markers by its numbered headings', () => {
    const legacy = [
      '# Benchmarks',
      '',
      '## Machine',
      '',
      '| Date | 2026-12-02T11:19:09.570Z |',
      '| Load average at start (1 / 5 / 15 min) | 2.64 / 2.61 / 4.65 |',
      '',
      '**Result: 3 pass, 1 fail.**',
      '',
      '## 1. matching-core latency',
      '',
      '| a | 1 | 2 | ≤ 5 ms | **pass** |',
      '| b | 1 | 2 | ≤ 5 ms | **FAIL** |',
      '',
      '## 2. Ranking quality',
      '',
      '| c | 1 | 2 | > baseline | **pass** |',
      '| d | 1 | 2 | > baseline | **pass** |',
      '',
    ].join('\n');
    const legacyId = (t: string) => ({ '1': 'core', '2': 'quality' })[/^(\d+)\./.exec(t)?.[1] ?? ''];
    expect(
      parseSections(legacy, legacyId).map(({ id, pass, fail, error }) => ({ id, pass, fail, error })),
    ).toEqual([
      { id: 'core', pass: 1, fail: 1, error: 0 },
      { id: 'quality', pass: 2, fail: 0, error: 0 },
    ]);
    const merged = mergeReport({
      existing: legacy,
      fresh: [stored('core', 2, 0, 'new core')],
      order,
      header,
      legacyId,
    });
    expect(merged).toContain('**Result: 4 pass, 0 fail.**');
    expect(merged).toContain('## 2. Ranking quality');
    expect(merged).not.toContain('## Machine'); // the old header is replaced, not kept as a section
    // the kept section says which run measured it
    expect(merged).toContain(
      '## 2. Ranking quality\n\n_Measured 2026-12-02T11:19:09.570Z (full run), load average at start 2.64 / 2.61 / 4.65._\n\n| c |',
    );
  });
});
