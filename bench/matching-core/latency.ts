/** Latency of MatchingEngine.matchNeed (top-20) over a synthetic corpus of n offers. */
import { MatchingEngine } from '@techbridge/matching-core';
import { syntheticNeeds, syntheticOffers } from './synthetic';

export interface LatencyResult {
  offers: number;
  queries: number;
  p50: number;
  p95: number;
  p99: number;
  /**
   * the same percentiles of the CPU time the process spent on each query (process.cpuUsage): close
   * to the wall time on a quiet machine, and much less disturbed than it when other processes share
   * the cores (the wall time then includes waiting for a core)
   */
  cpuP50: number;
  cpuP95: number;
  /** mean upsert time per offer while building the index, ms */
  upsertMeanMs: number;
  /** mean time of remove + re-upsert of one offer, ms */
  updateMeanMs: number;
  buildSeconds: number;
  heapMb: number;
  /** heap used right after the build, after a full GC (only with `node --expose-gc`, else null), MB */
  heapAfterGcMb: number | null;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function measureLatency(n: number, queries = 300): LatencyResult {
  const now = new Date('2026-02-01T00:00:00Z');
  const engine = new MatchingEngine({ now: () => now });
  const t0 = performance.now();
  for (const o of syntheticOffers(n)) engine.upsertOffer(o);
  const buildMs = performance.now() - t0;
  // The generated documents are garbage now: what a full GC leaves is the index (and the module state).
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapAfterGcMb = gc ? process.memoryUsage().heapUsed / 1e6 : null;
  const needs = syntheticNeeds(queries + 50);
  for (const nd of needs.slice(0, 50)) engine.matchNeed(nd, { limit: 20 }); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  for (const nd of needs.slice(50)) {
    const c = process.cpuUsage();
    const s = performance.now();
    engine.matchNeed(nd, { limit: 20 });
    times.push(performance.now() - s);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const u0 = performance.now();
  const updates = Math.min(500, n);
  const offers = syntheticOffers(updates); // deterministic: the first `updates` offers of the corpus
  for (let i = 0; i < updates; i++) {
    const o = offers[i];
    engine.removeOffer(o.id);
    engine.upsertOffer({ ...o, version: 2 });
  }
  const updateMeanMs = (performance.now() - u0) / updates;
  return {
    offers: n,
    queries: times.length,
    p50: pct(times, 50),
    p95: pct(times, 95),
    p99: pct(times, 99),
    cpuP50: pct(cpu, 50),
    cpuP95: pct(cpu, 95),
    upsertMeanMs: buildMs / n,
    updateMeanMs,
    buildSeconds: buildMs / 1000,
    heapMb: process.memoryUsage().heapUsed / 1e6,
    heapAfterGcMb,
  };
}

/**
 * Paired comparison with another build of the engine (e.g. main's, exported with
 * `git archive main libs | tar -x -C /tmp/main`): both engines index the same offers in this process
 * and answer each query in turn (the order alternating), so that other load on the machine falls on
 * both alike; each query is timed `repeat` times per engine and its fastest time kept. Returns the
 * percentiles of each and of the per-query difference (this − other).
 */
export function compareLatency(
  n: number,
  otherIndexTs: string,
  queries = 300,
  repeat = 5,
): { self: number[]; other: number[]; diff: number[] } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Other = (require(otherIndexTs) as { MatchingEngine: typeof MatchingEngine }).MatchingEngine;
  const now = new Date('2026-02-01T00:00:00Z');
  const a = new MatchingEngine({ now: () => now });
  const b = new Other({ now: () => now });
  for (const o of syntheticOffers(n)) {
    a.upsertOffer(o);
    b.upsertOffer(o);
  }
  const needs = syntheticNeeds(queries + 50);
  for (const nd of needs.slice(0, 50)) {
    a.matchNeed(nd, { limit: 20 });
    b.matchNeed(nd, { limit: 20 });
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const diff: number[] = [];
  needs.slice(50).forEach((nd, i) => {
    const time = (e: MatchingEngine) => {
      const s = performance.now();
      e.matchNeed(nd, { limit: 20 });
      return performance.now() - s;
    };
    // each query `repeat` times per engine, the fastest kept: interference from other processes only
    // ever adds time, so the minimum estimates the time on a quiet machine
    let x = Infinity;
    let y = Infinity;
    for (let k = 0; k < repeat; k++) {
      if ((i + k) % 2 === 0) {
        x = Math.min(x, time(a));
        y = Math.min(y, time(b));
      } else {
        y = Math.min(y, time(b));
        x = Math.min(x, time(a));
      }
    }
    ta.push(x);
    tb.push(y);
    diff.push(x - y);
  });
  const q = (xs: number[]) => {
    const s = [...xs].sort((u, v) => u - v);
    return [pct(s, 50), pct(s, 95), pct(s, 99)];
  };
  return { self: q(ta), other: q(tb), diff: q(diff) };
}

if (require.main === module && process.argv.includes('--against')) {
  const n = Number(process.argv[2]) || 10_000;
  const other = process.argv[process.argv.indexOf('--against') + 1];
  const r = compareLatency(n, other);
  const f = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' / ');
  console.log(
    `offers ${n}, p50 / p95 / p99 ms — this: ${f(r.self)}; other: ${f(r.other)}; per-query difference (this − other): ${f(r.diff)}`,
  );
} else if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  for (const n of sizes.length ? sizes : [10_000, 100_000]) {
    const r = measureLatency(n);
    console.log(JSON.stringify(r, (_, v) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v)));
  }
}
