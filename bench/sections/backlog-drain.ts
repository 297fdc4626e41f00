/**
 * Issue 14 §3, backlog drain: 100,000 `need.published` events already waiting on catalog.need.v1,
 * matching started cold with 10,000 offers in its projections. Measured: time from spawning matching
 * to every need having a match set, needs/s, and the CPU seconds of each matching process, Postgres and
 * the broker — once with one instance, then (same database state, same offsets) with two instances of
 * the one consumer group, so the scale-out ratio and what bounds it on this machine are both visible.
 * Baseline in the same run: matching-core alone scoring the same kind of need in-process
 * (measureLatency at the same offer count), i.e. what one core could do without Kafka and Postgres.
 */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { measureLatency } from '../matching-core/latency';
import { syntheticNeeds, syntheticOffers } from '../matching-core/synthetic';
import { resetDatabase, scalar } from '../lib/bench-db';
import {
  CATALOG_TOPICS,
  GroupPositions,
  MATCHING_GROUP,
  produceCatalogEvents,
  setGroupPositions,
  topicEnds,
  withUuids,
} from '../lib/catalog-events';
import { cpuOf, kafkaPid, postgresCpu, postgresCpuDelta, rssMb } from '../lib/proc-stats';
import { Proc, freePort, runNode, startService, stopProc } from '../lib/procs';
import type { Progress } from '../lib/progress';
import { SectionResult } from '../lib/report';
import { fmt, waitFor } from '../lib/stats';

export interface BacklogDrainOptions {
  databases: Record<string, string>;
  brokers: string;
  offers: number;
  needs: number;
  log: (s: string) => void;
  progress?: Progress;
}

interface DrainRun {
  instances: number;
  /** spawn → every need has a match set */
  seconds: number;
  /** spawn → /health/ready = 200 on every instance */
  readySeconds: number;
  /** sets stored per second between 10 % and 90 % of the backlog (the steady rate, start-up excluded) */
  steadyRate: number;
  cpuPerProcess: number[];
  rssPeakMb: number[];
  postgresCpu: number;
  kafkaCpu: number;
}

const dbName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
const serverDb = (url: string) => new URL('/postgres', url).toString();

/** DROP + CREATE DATABASE, optionally as a copy of `template` (nobody may be connected to either). */
async function recreateDatabase(url: string, db: string, template?: string): Promise<void> {
  const c = new Client({ connectionString: serverDb(url) });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${db}"${template ? ` TEMPLATE "${template}"` : ''}`);
  } finally {
    await c.end();
  }
}

async function dropDatabase(url: string, db: string): Promise<void> {
  const c = new Client({ connectionString: serverDb(url) });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  } finally {
    await c.end();
  }
}

export async function backlogDrainSection(s: SectionResult, o: BacklogDrainOptions): Promise<void> {
  const url = o.databases.matching;
  if (!url) throw new Error('BENCH_DATABASES has no database for matching');
  const db = dbName(url);
  const seedDb = `${db}_drain_seed`;
  const kafka = new Kafka({
    clientId: 'bench-backlog-drain',
    brokers: o.brokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: url,
    KAFKA_BROKERS: o.brokers,
    ADMIN_API_KEY: `bench-admin-${randomBytes(24).toString('hex')}`,
    LOG_LEVEL: 'warn',
  };

  // ---- 1. matching's database with the offers, learnt from offer.published events ---------------
  o.log("  resetting matching's database and migrating …");
  await resetDatabase(url);
  await runNode('migrate-drain', 'dist/apps/matching/src/migrate.js', env);
  // Matching's group starts exactly where this section's events begin (earlier sections' are behind).
  await setGroupPositions(kafka, MATCHING_GROUP, await topicEnds(kafka, CATALOG_TOPICS));
  o.log(`  ${o.offers} offer.published events → matching (needs topic still empty for it) …`);
  await produceCatalogEvents(kafka, 'offer', syntheticOffers(o.offers).map(withUuids));
  const seeder = await startService(
    'matching-drain-seed',
    'dist/apps/matching/src/main.js',
    env,
    await freePort(),
    '/health/ready',
    180_000,
  );
  try {
    await waitFor(
      `matching's offer_projections to reach ${o.offers}`,
      async () =>
        Number(await scalar(url, `SELECT count(*)::int FROM offer_projections WHERE status = 'published'`)) >=
        o.offers,
      600_000,
      500,
    );
  } finally {
    await stopProc(seeder);
  }
  // The state both runs start from: this database (copied as a template) and these group offsets.
  const start: GroupPositions = await topicEnds(kafka, CATALOG_TOPICS);
  await recreateDatabase(url, seedDb, db);

  const runs: DrainRun[] = [];
  let produceS: number;
  try {
    // ---- 2. the backlog: needs produced while matching is stopped -------------------------------
    o.log(`  producing ${o.needs} need.published events with matching stopped …`);
    const p0 = performance.now();
    await produceCatalogEvents(kafka, 'need', syntheticNeeds(o.needs, 17).map(withUuids));
    produceS = (performance.now() - p0) / 1000;

    // ---- 3. drain with one, then two instances ---------------------------------------------------
    for (const instances of [1, 2]) {
      await recreateDatabase(url, db, seedDb);
      await setGroupPositions(kafka, MATCHING_GROUP, start);
      o.log(`  ${instances} matching instance(s) started cold on the ${o.needs}-need backlog …`);
      runs.push(await drain(o, env, instances));
      const r = runs[runs.length - 1];
      o.log(
        `    drained in ${fmt(r.seconds, 1)} s (${fmt(o.needs / r.seconds, 0)} needs/s), CPU ${r.cpuPerProcess.map((c) => fmt(c, 1)).join(' / ')} s`,
      );
    }
  } finally {
    await dropDatabase(url, seedDb).catch(() => undefined);
  }

  // ---- 4. baseline: matching-core alone, in this process ---------------------------------------
  o.log(`  baseline: matching-core alone at ${o.offers} offers …`);
  const core = measureLatency(o.offers, 300);
  const coreRate = 1000 / core.cpuP50;

  const [one, two] = runs;
  const rate1 = o.needs / one.seconds;
  const rate2 = o.needs / two.seconds;
  const cpuPerNeedMs = (r: DrainRun) => (r.cpuPerProcess.reduce((a, b) => a + b, 0) / o.needs) * 1000;
  s.rows.push(
    {
      metric: `1 instance: spawn → all ${o.needs.toLocaleString('en')} needs have a match set`,
      value: `${fmt(one.seconds, 1)} s`,
      baseline: `ready after ${fmt(one.readySeconds, 1)} s`,
      pass: null,
    },
    {
      metric: '1 instance: needs/s (whole drain, start-up included)',
      value: fmt(rate1, 0),
      baseline: `${fmt(coreRate, 0)} (matching-core alone, one core: 1000 / CPU p50 ${fmt(core.cpuP50, 2)} ms)`,
      target: '≥ 2,000/s',
      goal: { op: '>=', value: 2000, unit: 'needs/s' },
      pass: rate1 >= 2000,
    },
    {
      metric: '1 instance: steady needs/s (10 % → 90 % of the backlog)',
      value: fmt(one.steadyRate, 0),
      pass: null,
    },
    {
      metric: '1 instance: CPU s — matching / Postgres / broker',
      value: `${fmt(one.cpuPerProcess[0], 1)} / ${fmt(one.postgresCpu, 1)} / ${fmt(one.kafkaCpu, 1)}`,
      baseline: `${fmt(cpuPerNeedMs(one), 2)} ms matching CPU per need`,
      pass: null,
    },
    {
      metric: `2 instances: spawn → all needs have a match set`,
      value: `${fmt(two.seconds, 1)} s`,
      baseline: `1 instance: ${fmt(one.seconds, 1)} s`,
      pass: null,
    },
    {
      metric: '2 instances: needs/s, whole drain (steady 10 % → 90 %)',
      value: `${fmt(rate2, 0)} (${fmt(two.steadyRate, 0)})`,
      baseline: `1 instance: ${fmt(rate1, 0)} (${fmt(one.steadyRate, 0)})`,
      pass: null,
    },
    {
      metric: 'scale-out ratio, 2 instances / 1 instance (whole drain; steady)',
      value: `${fmt(rate2 / rate1, 2)}×; ${fmt(two.steadyRate / one.steadyRate, 2)}×`,
      target: '2× is perfect; ≤ 2 cores here',
      pass: null,
    },
    {
      metric: '2 instances: CPU s — matching A / matching B / Postgres / broker',
      value: `${two.cpuPerProcess.map((x) => fmt(x, 1)).join(' / ')} / ${fmt(two.postgresCpu, 1)} / ${fmt(two.kafkaCpu, 1)}`,
      baseline: `${fmt(cpuPerNeedMs(two), 2)} ms matching CPU per need`,
      pass: null,
    },
  );
  const coresBusy = (r: DrainRun) =>
    (r.cpuPerProcess.reduce((a, b) => a + b, 0) + r.postgresCpu + r.kafkaCpu) / r.seconds;
  s.extra = [
    [
      '| Run | drain (s) | ready (s) | needs/s | steady needs/s | matching CPU s (each) | matching RSS peak MB (each) | Postgres CPU s | broker CPU s | cores busy, of 2 (matching + PG + broker) |',
      '|---|---:|---:|---:|---:|---|---|---:|---:|---:|',
      ...runs.map(
        (r) =>
          `| ${r.instances} instance${r.instances > 1 ? 's' : ''} | ${fmt(r.seconds, 1)} | ${fmt(r.readySeconds, 1)} | ${fmt(o.needs / r.seconds, 0)} | ${fmt(r.steadyRate, 0)} | ${r.cpuPerProcess.map((x) => fmt(x, 1)).join(' / ')} | ${r.rssPeakMb.map((x) => fmt(x, 0)).join(' / ')} | ${fmt(r.postgresCpu, 1)} | ${fmt(r.kafkaCpu, 1)} | ${fmt(coresBusy(r), 2)} |`,
      ),
    ].join('\n'),
  ];
  s.notes.push(
    `- Method: matching's \`_bench\` database reset and migrated; its consumer group \`${MATCHING_GROUP}\` set to the end of \`${CATALOG_TOPICS.join('`, `')}\`; ${o.offers.toLocaleString('en')} \`syntheticOffers\` produced as \`offer.published\` events (\`createEnvelope\`, key = id, idempotent producer, acks=all) and consumed by one matching instance, which was then stopped — that database (copied with \`CREATE DATABASE … TEMPLATE\`) and those group offsets are the starting point of both runs. Then ${o.needs.toLocaleString('en')} \`syntheticNeeds(…, seed 17)\` produced as \`need.published\` with matching stopped (${fmt(produceS, 1)} s, ${fmt(o.needs / produceS, 0)} events/s). Each run: database restored from the copy, group offsets set back, N matching processes spawned at once (\`node dist/apps/matching/src/main.js\`, NODE_ENV=production, LOG_LEVEL=warn); the clock runs from spawn until \`match_sets\` holds one row per need (polled every 250 ms), so the cold start (Nest, index build from ${o.offers.toLocaleString('en')} offer projections, group join) is inside it.`,
    "- Each need is one inbox transaction in matching (shared matching lock, index catch-up, projection row, score against the index, match set + matches, `need.matched` outbox row); the catalog topics have 6 partitions and matching handles 2 partitions of its group at a time per instance. CPU seconds from /proc (`utime + stime` of each matching pid since spawn; Postgres = every `postgres` process on the machine during the run; broker = the bench broker's JVM).",
    `- Baseline: \`measureLatency(${o.offers})\` of bench/matching-core — the engine alone in the bench process, top-20 per need, CPU p50 per need ${fmt(core.cpuP50, 2)} ms (wall p50 ${fmt(core.p50, 2)} ms): the scoring ceiling of one core, without Kafka, Postgres or the match-set writes.`,
  );
}

async function drain(
  o: BacklogDrainOptions,
  env: Record<string, string>,
  instances: number,
): Promise<DrainRun> {
  const url = env.DATABASE_URL;
  const procs: Proc[] = [];
  const pg0 = postgresCpu();
  const broker = kafkaPid();
  const kafka0 = cpuOf(broker);
  const peaks = new Map<number, number>();
  let sampler: NodeJS.Timeout | undefined;
  try {
    const t0 = performance.now();
    const ports = await Promise.all(Array.from({ length: instances }, () => freePort()));
    // startService registers each process before it waits, so a failure below still stops them all.
    const started = await Promise.allSettled(
      ports.map((port, i) =>
        startService(
          `matching-drain-${instances}-${i + 1}`,
          'dist/apps/matching/src/main.js',
          env,
          port,
          '/health/ready',
          300_000,
        ),
      ),
    );
    for (const r of started) if (r.status === 'fulfilled') procs.push(r.value);
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    const readySeconds = (performance.now() - t0) / 1000;
    sampler = setInterval(() => {
      for (const p of procs)
        peaks.set(p.child.pid!, Math.max(peaks.get(p.child.pid!) ?? 0, rssMb(p.child.pid)));
    }, 500);
    let t10 = 0;
    let t90 = 0;
    let lastLog = Date.now();
    o.progress?.start(`${instances} instance(s): needs matched`, o.needs, 'needs');
    await waitFor(
      `${o.needs} match sets`,
      async () => {
        for (const p of procs)
          if (p.child.exitCode !== null) throw new Error(`${p.name} exited with ${p.child.exitCode}`);
        const n = Number(await scalar(url, `SELECT count(*)::int FROM match_sets`));
        const t = performance.now();
        o.progress?.set(n);
        if (!t10 && n >= o.needs * 0.1) t10 = t;
        if (!t90 && n >= o.needs * 0.9) t90 = t;
        if (Date.now() - lastLog > 15_000) {
          o.log(`    … ${n} of ${o.needs} needs matched`);
          lastLog = Date.now();
        }
        return n >= o.needs;
      },
      Math.max(600_000, o.needs * 20),
      250,
    );
    o.progress?.stop();
    const seconds = (performance.now() - t0) / 1000;
    return {
      instances,
      seconds,
      readySeconds,
      steadyRate: t90 > t10 ? (o.needs * 0.8) / ((t90 - t10) / 1000) : NaN,
      cpuPerProcess: procs.map((p) => cpuOf(p.child.pid)),
      rssPeakMb: procs.map((p) => Math.max(peaks.get(p.child.pid!) ?? 0, rssMb(p.child.pid))),
      postgresCpu: postgresCpuDelta(pg0, postgresCpu()),
      kafkaCpu: cpuOf(broker) - kafka0,
    };
  } finally {
    if (sampler) clearInterval(sampler);
    await Promise.all(procs.map((p) => stopProc(p)));
  }
}
