/**
 * Issue 14 §3: how the matching engine's cost grows — top-20 p50/p95/p99, index build time and heap at
 * 1k, 10k, 100k and 1M offers, beside Postgres full-text search (up to 100k, where it still finishes in
 * reasonable time) and a brute-force scan; a log-log SVG plot of p95 and heap against corpus size.
 * Each engine size runs in a child process of its own (`dist/bench/matching-core/scaling.js`, with
 * `--expose-gc`) so that the heap it reports belongs to that index alone.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { ScalingPoint } from '../matching-core/scaling';
import { syntheticNeeds, syntheticOffers } from '../matching-core/synthetic';
import { logLogSvg } from '../lib/log-log-plot';
import { measureFts } from '../lib/pg-fts';
import { ROOT } from '../lib/procs';
import type { Progress } from '../lib/progress';
import { SectionResult } from '../lib/report';
import { fmt, summarize } from '../lib/stats';

export interface ScalingOptions {
  baselineDbUrl: string;
  sizes: number[];
  /** sizes up to this one are also loaded into Postgres */
  pgMax: number;
  queries: number;
  bruteQueries: number;
  /** where the SVG goes (docs/ on a full run) */
  svgPath: string;
  log: (s: string) => void;
  progress?: Progress;
}

const run = promisify(execFile);
const TARGETS = {
  p95: [
    { n: 100_000, ms: 10 },
    { n: 1_000_000, ms: 100 },
  ],
  heap: [
    { n: 100_000, mb: 300 },
    { n: 1_000_000, mb: 2000 },
  ],
};
const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

async function enginePoint(n: number, o: ScalingOptions): Promise<ScalingPoint> {
  const script = path.join(ROOT, 'dist', 'bench', 'matching-core', 'scaling.js');
  const { stdout } = await run(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=12288',
      script,
      String(n),
      String(o.queries),
      String(o.bruteQueries),
    ],
    { cwd: ROOT, maxBuffer: 1 << 20, timeout: 30 * 60_000 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ScalingPoint;
}

export async function scalingSection(s: SectionResult, o: ScalingOptions): Promise<void> {
  const points: ScalingPoint[] = [];
  const fts = new Map<number, ReturnType<typeof summarize>>();
  const needs = syntheticNeeds(o.queries + 50);
  const pg = new Client({ connectionString: o.baselineDbUrl });
  await pg.connect();
  try {
    o.progress?.start('corpus sizes', o.sizes.length, 'sizes');
    for (const n of o.sizes) {
      o.log(`  matching-core at ${label(n)} offers (child process) …`);
      points.push(await enginePoint(n, o));
      if (n <= o.pgMax) {
        o.log(`  Postgres FTS at ${label(n)} offers …`);
        const r = await measureFts(
          pg,
          `bench_scaling_${n}`,
          syntheticOffers(n),
          needs.slice(0, 20),
          needs.slice(50, 50 + Math.min(o.queries, 100)),
        );
        fts.set(n, summarize(r.times));
      }
      o.progress?.tick();
    }
    o.progress?.stop();
  } finally {
    await pg.end().catch(() => undefined);
  }

  const at = (n: number) => points.find((p) => p.offers === n);
  for (const t of TARGETS.p95) {
    const p = at(t.n);
    if (!p) continue;
    s.rows.push({
      metric: `top-20 p95 at ${label(t.n)} offers (ms)`,
      value: fmt(p.p95),
      baseline: `brute force ${fmt(p.bruteForce.p95)}${fts.has(t.n) ? `, PG FTS ${fmt(fts.get(t.n)!.p95)}` : ''}; CPU-time p95 ${fmt(p.cpuP95)}`,
      target: `≤ ${t.ms} ms`,
      goal: { op: '<=', value: t.ms, unit: 'ms' },
      pass: p.p95 <= t.ms,
    });
  }
  for (const t of TARGETS.heap) {
    const p = at(t.n);
    if (!p || p.heapAfterGcMb === null) continue;
    s.rows.push({
      metric: `heap of the index at ${label(t.n)} offers (MB, after GC)`,
      value: fmt(p.heapAfterGcMb, 0),
      baseline: `heap at the end of the run, garbage included: ${fmt(p.heapMb, 0)}`,
      target: `≤ ${t.mb} MB`,
      goal: { op: '<=', value: t.mb, unit: 'MB' },
      pass: p.heapAfterGcMb <= t.mb,
    });
  }
  s.extra = [
    [
      '| Offers | Engine p50 / p95 / p99 (ms) | Brute force p50 / p95 (ms) | PG FTS p50 / p95 / p99 (ms) | Index build (s) | Heap after GC (MB) |',
      '|---:|---|---|---|---:|---:|',
      ...points.map((p) => {
        const f = fts.get(p.offers);
        return `| ${label(p.offers)} | ${fmt(p.p50)} / ${fmt(p.p95)} / ${fmt(p.p99)} | ${fmt(p.bruteForce.p50)} / ${fmt(p.bruteForce.p95)} | ${f ? `${fmt(f.p50)} / ${fmt(f.p95)} / ${fmt(f.p99)}` : 'not run'} | ${fmt(p.buildSeconds, 1)} | ${fmt(p.heapAfterGcMb, 0)} |`;
      }),
    ].join('\n'),
    `![p95 latency and heap against corpus size, log-log](${path.basename(o.svgPath)})`,
  ];
  const svg = logLogSvg(
    [
      {
        title: 'top-20 latency, p95',
        yLabel: 'ms (log)',
        series: [
          {
            label: 'matching-core',
            colour: '#1565c0',
            points: points.map((p) => ({ x: p.offers, y: p.p95 })),
          },
          {
            label: 'brute-force scan',
            colour: '#6d4c41',
            dashed: true,
            points: points.map((p) => ({ x: p.offers, y: p.bruteForce.p95 })),
          },
          {
            label: 'Postgres FTS',
            colour: '#2e7d32',
            dashed: true,
            points: [...fts].map(([x, f]) => ({ x, y: f.p95 })),
          },
        ],
        targets: TARGETS.p95.map((t) => ({ y: t.ms, label: `target at ${label(t.n)}: ${t.ms} ms` })),
      },
      {
        title: 'index heap after GC',
        yLabel: 'MB (log)',
        series: [
          {
            label: 'matching-core',
            colour: '#1565c0',
            points: points
              .filter((p) => p.heapAfterGcMb !== null)
              .map((p) => ({ x: p.offers, y: p.heapAfterGcMb! })),
          },
        ],
        targets: TARGETS.heap.map((t) => ({ y: t.mb, label: `target at ${label(t.n)}: ${t.mb} MB` })),
      },
    ],
    `npm run bench (scaling section), ${new Date().toISOString().slice(0, 10)}`,
  );
  fs.mkdirSync(path.dirname(o.svgPath), { recursive: true });
  fs.writeFileSync(o.svgPath, svg);
  s.notes.push(
    `- Corpus \`syntheticOffers(n)\` (seed 42, ~45 % Chinese); ${o.queries} measured English needs after 50 warm-up ones, one query at a time, wall time per call; each size in its own process (\`node --expose-gc dist/bench/matching-core/scaling.js <n>\`), heap measured after a full GC with the index built and the generated documents released (it includes the dictionaries — glossary, CC-CEDICT, jieba — about 35 MB, which is why 1k offers already show that much).`,
    `- Brute force: the same needs, every offer of the other country scored by the number of analysed concepts it shares with the need (offers analysed once beforehand, ${o.bruteQueries} queries), best 20 kept — the cost of answering without an inverted index. Postgres FTS as in section 1, ${Math.min(o.queries, 100)} queries, up to ${label(o.pgMax)} offers.`,
  );
}
