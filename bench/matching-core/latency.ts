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
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function measureLatency(n: number, queries = 300): LatencyResult {
  const now = new Date('2026-02-01T00:00:00Z');
  const engine = new MatchingEngine({ now: () => now });
  const offers = syntheticOffers(n);
  const t0 = performance.now();
  for (const o of offers) engine.upsertOffer(o);
  const buildMs = performance.now() - t0;
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
  };
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  for (const n of sizes.length ? sizes : [10_000, 100_000]) {
    const r = measureLatency(n);
    console.log(JSON.stringify(r, (_, v) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v)));
  }
}
