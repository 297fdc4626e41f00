/**
 * One point of the cost-growth curve (issue 14 §3), run in a child process of its own so that the heap
 * it reports belongs to this corpus alone: `node --expose-gc dist/bench/matching-core/scaling.js <n>`
 * prints one JSON line — the engine's top-20 latency (measureLatency), its heap after a full GC, and a
 * brute-force scan over the same analysed offers (concept overlap with every offer, top 20 kept) as the
 * no-index baseline.
 */
import { analyze, type NeedDoc, type OfferDoc } from '@techbridge/matching-core';
import { measureLatency, type LatencyResult } from './latency';
import { syntheticNeeds, syntheticOffers } from './synthetic';

export interface ScalingPoint extends LatencyResult {
  bruteForce: { queries: number; p50: number; p95: number; p99: number };
}

const textOf = (d: OfferDoc | NeedDoc) => [d.title, d.summary, d.description, ...d.keywords].join(' \n ');

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Every offer scored by the number of concepts it shares with the need; the best 20 kept. */
function bruteForce(n: number, queries: number): ScalingPoint['bruteForce'] {
  const offers = syntheticOffers(n).map((o) => ({
    id: o.id,
    country: o.country,
    concepts: new Set(analyze(textOf(o))),
  }));
  const times: number[] = [];
  for (const need of syntheticNeeds(queries + 50).slice(50)) {
    const t = performance.now();
    const q = analyze(textOf(need));
    const top: { id: string; s: number }[] = [];
    for (const o of offers) {
      if (o.country === need.country) continue;
      let s = 0;
      for (const c of q) if (o.concepts.has(c)) s++;
      if (s === 0 || (top.length === 20 && s <= top[19].s)) continue;
      top.push({ id: o.id, s });
      top.sort((a, b) => b.s - a.s);
      if (top.length > 20) top.pop();
    }
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { queries: times.length, p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99) };
}

export function measureScalingPoint(n: number, queries: number, bruteQueries: number): ScalingPoint {
  return { ...measureLatency(n, queries), bruteForce: bruteForce(n, bruteQueries) };
}

if (require.main === module) {
  const n = Number(process.argv[2]);
  if (!Number.isInteger(n) || n < 1) {
    console.error('usage: node --expose-gc scaling.js <offers> [queries] [bruteForceQueries]');
    process.exit(2);
  }
  const queries = Number(process.argv[3]) || 300;
  const brute = Number(process.argv[4]) || 50;
  console.log(JSON.stringify(measureScalingPoint(n, queries, brute)));
}
