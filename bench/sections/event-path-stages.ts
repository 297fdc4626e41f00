/**
 * The event path's stage table (issue 14 §2): where the time between `POST /v1/needs?publish=true` and
 * the `need.matched` event goes. Each measured need carries a `traceparent` the bench chose; catalog
 * and matching export their spans to the bench's OTLP receiver, so one trace holds the HTTP server
 * span, catalog's relay send, matching's consumer span, its scoring span and matching's relay send.
 * Clocks: spans use each process's `performance.timeOrigin + now()`, the bench the same on its side —
 * one machine, so stages across processes agree to about a millisecond.
 */
import { randomBytes } from 'node:crypto';
import type { OtlpReceiver, ReceivedSpan } from '../lib/otlp-receiver';
import { fmt, summarize } from '../lib/stats';

/** Epoch milliseconds with sub-millisecond resolution, the clock OpenTelemetry spans use in Node. */
export const epochNow = (): number => performance.timeOrigin + performance.now();

export interface TracedNeed {
  traceId: string;
  /** epoch ms: just before fetch(), 201 received, need.matched seen by the observer */
  posted: number;
  answered: number;
  seen?: number;
}

export function newTraceparent(): { traceId: string; header: string } {
  const traceId = randomBytes(16).toString('hex');
  return { traceId, header: `00-${traceId}-${randomBytes(8).toString('hex')}-01` };
}

export const STAGES = [
  ['http', 'HTTP: POST → 201 (catalog: validation, one INSERT of need + outbox row)'],
  ['catalogRelay', "catalog's relay: 201 → need.published acknowledged by Kafka (NOTIFY wake-up, read, produce)"],
  ['consume', 'Kafka → matching: acknowledged → matching starts the event (fetch, inbox dispatch)'],
  ['prepare', 'matching before scoring: inbox row, lock, projection, index update'],
  ['score', 'score: `matchNeed` against the index (top-20 + near-misses, reasons)'],
  ['commit', 'store + commit: match set, matches, outbox row, inbox, COMMIT, offset'],
  ['matchingRelay', "matching's relay: commit → need.matched acknowledged by Kafka"],
  ['observe', 'Kafka → observer: acknowledged → the bench consumer has it'],
] as const;
export type Stage = (typeof STAGES)[number][0];

const find = (spans: ReceivedSpan[], service: string, kind: number, prefix: string) =>
  spans.find((s) => s.service === `techbridge-${service}` && s.kind === kind && s.name.startsWith(prefix));

/** One need's stages in ms, or undefined when a span is missing (not exported, or another path taken). */
export function stagesOf(n: TracedNeed, spans: ReceivedSpan[]): Record<Stage, number> | undefined {
  const relay1 = find(spans, 'catalog', 4, 'send catalog.need');
  const consume = find(spans, 'matching', 5, 'process techbridge.catalog.need.published');
  const score = find(spans, 'matching', 1, 'score need');
  const relay2 = find(spans, 'matching', 4, 'send matching.match');
  if (!relay1 || !consume || !score || !relay2 || n.seen === undefined) return undefined;
  return {
    http: n.answered - n.posted,
    catalogRelay: relay1.endMs - n.answered,
    consume: consume.startMs - relay1.endMs,
    prepare: score.startMs - consume.startMs,
    score: score.endMs - score.startMs,
    commit: consume.endMs - score.endMs,
    matchingRelay: relay2.endMs - consume.endMs,
    observe: n.seen - relay2.endMs,
  };
}

export function tracesComplete(needs: TracedNeed[], receiver: OtlpReceiver): number {
  return needs.filter((n) => stagesOf(n, receiver.trace(n.traceId)) !== undefined).length;
}

/** Markdown: one row per stage (p50 / p95 / p99 / mean), their sum and the measured total. */
export function stageTable(title: string, needs: TracedNeed[], receiver: OtlpReceiver): string {
  const rows = needs.map((n) => stagesOf(n, receiver.trace(n.traceId))).filter((r) => r !== undefined);
  const totals = needs.filter((n) => n.seen !== undefined).map((n) => n.seen! - n.posted);
  const lines = [
    `| ${title} (ms) | n | p50 | p95 | p99 | mean | share of mean |`,
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  const total = summarize(totals);
  for (const [key, label] of STAGES) {
    const s = summarize(rows.map((r) => r[key]));
    lines.push(
      `| ${label} | ${s.n} | ${fmt(s.p50, 1)} | ${fmt(s.p95, 1)} | ${fmt(s.p99, 1)} | ${fmt(s.mean, 1)} | ${fmt((100 * s.mean) / total.mean, 0)} % |`,
    );
  }
  lines.push(
    `| **POST → need.matched seen** | ${total.n} | ${fmt(total.p50, 1)} | ${fmt(total.p95, 1)} | ${fmt(total.p99, 1)} | ${fmt(total.mean, 1)} | 100 % |`,
  );
  return lines.join('\n');
}
