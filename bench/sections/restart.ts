/**
 * Issue 14 §3, matching restart: time from spawning matching to `/health/ready` = 200 (index rebuilt
 * from the projections, consumers joined) with 100k published offers and 100k open needs in its
 * projections, and its RSS then. Baseline in the same run: the same start on an empty database.
 * The projections are written with SQL (one INSERT … SELECT per 1,000 rows, the row shape matching's
 * own handlers write) — the start-up path reads only those rows, and producing 200k events would
 * measure event ingestion, not the restart.
 */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import type { NeedDoc, OfferDoc } from '@techbridge/matching-core';
import { syntheticNeeds, syntheticOffers } from '../matching-core/synthetic';
import {
  CATALOG_TOPICS,
  MATCHING_GROUP,
  setGroupPositions,
  topicEnds,
  withUuids,
} from '../lib/catalog-events';
import { rssMb } from '../lib/proc-stats';
import { freePort, runNode, startService, stopProc } from '../lib/procs';
import type { Progress } from '../lib/progress';
import { SectionResult } from '../lib/report';
import { fmt, summarize } from '../lib/stats';

export interface RestartOptions {
  serverUrl: string;
  brokers: string;
  offers: number;
  needs: number;
  runs: number;
  log: (s: string) => void;
  progress?: Progress;
}

/** The k8s startupProbe of matching (deploy/k8s/base/apps/matching.yaml): 60 × 2 s on /health/live. */
const STARTUP_BUDGET_S = 120;

interface Start {
  seconds: number;
  rssMb: number;
  index?: { offers?: number; needs?: number };
}

async function insertProjections(
  pg: Client,
  table: 'offer_projections' | 'need_projections',
  docs: (OfferDoc | NeedDoc)[],
): Promise<void> {
  for (let i = 0; i < docs.length; i += 1000) {
    await pg.query(
      `INSERT INTO ${table} (id, enterprise_id, version, status, snapshot)
       SELECT (d->>'id')::uuid, (d->>'enterpriseId')::uuid, (d->>'version')::int, d->>'status', d
       FROM jsonb_array_elements($1::jsonb) d`,
      [JSON.stringify(docs.slice(i, i + 1000))],
    );
  }
}

async function startOnce(name: string, env: Record<string, string>, kafka: Kafka): Promise<Start> {
  // Nothing waiting on the catalog topics for it: the time is the start-up alone.
  await setGroupPositions(kafka, MATCHING_GROUP, await topicEnds(kafka, CATALOG_TOPICS));
  const t0 = performance.now();
  const proc = await startService(
    name,
    'dist/apps/matching/src/main.js',
    env,
    await freePort(),
    '/health/ready',
    300_000,
  );
  try {
    const seconds = (performance.now() - t0) / 1000;
    const rss = rssMb(proc.child.pid);
    const ready = (await fetch(`${proc.url}/health/ready`).then((r) => r.json())) as {
      details?: { index?: { offers?: number; needs?: number } };
    };
    return { seconds, rssMb: rss, index: ready?.details?.index };
  } finally {
    await stopProc(proc);
  }
}

export async function restartSection(s: SectionResult, o: RestartOptions): Promise<void> {
  const db = `techbridge_restart${process.env.BENCH_DB_SUFFIX || '_bench'}`;
  const url = new URL(`/${db}`, o.serverUrl).toString();
  const admin = new Client({ connectionString: new URL('/postgres', o.serverUrl).toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${db}"`);
  } finally {
    await admin.end();
  }
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: url,
    KAFKA_BROKERS: o.brokers,
    ADMIN_API_KEY: `bench-admin-${randomBytes(24).toString('hex')}`,
    LOG_LEVEL: 'warn',
  };
  const kafka = new Kafka({
    clientId: 'bench-restart',
    brokers: o.brokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  await runNode('migrate-restart', 'dist/apps/matching/src/migrate.js', env);

  o.log(`  baseline: ${o.runs} start(s) on an empty database …`);
  const empty: Start[] = [];
  o.progress?.start('matching starts (empty, then full)', 2 * o.runs, 'starts');
  for (let i = 0; i < o.runs; i++) {
    empty.push(await startOnce(`matching-restart-empty-${i + 1}`, env, kafka));
    o.progress?.tick();
  }

  o.log(`  writing ${o.offers} offer and ${o.needs} need projections …`);
  const f0 = performance.now();
  const pg = new Client({ connectionString: url });
  await pg.connect();
  try {
    await insertProjections(pg, 'offer_projections', syntheticOffers(o.offers).map(withUuids));
    await insertProjections(pg, 'need_projections', syntheticNeeds(o.needs, 19).map(withUuids));
    await pg.query('ANALYZE offer_projections, need_projections');
  } finally {
    await pg.end();
  }
  const fillS = (performance.now() - f0) / 1000;

  o.log(`  ${o.runs} start(s) with ${o.offers} offers and ${o.needs} open needs …`);
  const full: Start[] = [];
  for (let i = 0; i < o.runs; i++) {
    full.push(await startOnce(`matching-restart-full-${i + 1}`, env, kafka));
    o.progress?.tick();
    o.log(`    ready after ${fmt(full[i].seconds, 1)} s, RSS ${fmt(full[i].rssMb, 0)} MB`);
  }

  o.progress?.stop();
  const F = summarize(full.map((x) => x.seconds));
  const E = summarize(empty.map((x) => x.seconds));
  const FR = summarize(full.map((x) => x.rssMb));
  const ER = summarize(empty.map((x) => x.rssMb));
  const idx = full[0].index;
  const loaded = idx?.offers === o.offers && idx?.needs === o.needs;
  s.rows.push(
    {
      metric: `spawn → /health/ready, ${o.offers.toLocaleString('en')} offers + ${o.needs.toLocaleString('en')} open needs (median of ${o.runs})`,
      value: `${fmt(F.p50, 1)} s`,
      baseline: `${fmt(E.p50, 1)} s (empty database)`,
      target: `≤ ${STARTUP_BUDGET_S} s (k8s startupProbe: 60 × 2 s)`,
      pass: F.max <= STARTUP_BUDGET_S,
    },
    {
      metric: 'start-up cost of the projections (full − empty)',
      value: `${fmt(F.p50 - E.p50, 1)} s`,
      pass: null,
    },
    {
      metric: 'matching RSS at ready (median)',
      value: `${fmt(FR.p50, 0)} MB`,
      baseline: `${fmt(ER.p50, 0)} MB (empty database)`,
      pass: null,
    },
    {
      metric: 'index size reported by /health/ready (offers / needs)',
      value: `${idx?.offers ?? 'n/a'} / ${idx?.needs ?? 'n/a'}`,
      target: `${o.offers} / ${o.needs}`,
      pass: loaded,
    },
  );
  s.extra = [
    [
      '| Start | database | spawn → ready (s) | RSS at ready (MB) |',
      '|---|---|---:|---:|',
      ...empty.map((x, i) => `| ${i + 1} | empty | ${fmt(x.seconds, 1)} | ${fmt(x.rssMb, 0)} |`),
      ...full.map(
        (x, i) =>
          `| ${i + 1} | ${o.offers} offers + ${o.needs} needs | ${fmt(x.seconds, 1)} | ${fmt(x.rssMb, 0)} |`,
      ),
    ].join('\n'),
  ];
  s.notes.push(
    `- Method: a fresh database \`${db}\`, matching's migrations; matching (\`node dist/apps/matching/src/main.js\`, NODE_ENV=production, LOG_LEVEL=warn) spawned ${o.runs}× on it empty, then ${o.runs}× after ${o.offers.toLocaleString('en')} \`syntheticOffers\` and ${o.needs.toLocaleString('en')} \`syntheticNeeds(…, seed 19)\` (ids mapped to UUIDs, status published) were written straight into \`offer_projections\` / \`need_projections\` with SQL (${fmt(fillS, 1)} s) — the rows matching's own handlers write; no match sets, which the start does not read. Before each start matching's consumer group is set to the end of the catalog topics, so nothing is consumed: the time is Node + Nest start-up, the index rebuild (every published offer and need read in one REPEATABLE READ transaction and indexed) and the Kafka group join, until \`GET /health/ready\` answers 200 (polled every 250 ms; the HTTP server listens only once the index is built). RSS from /proc at that moment.`,
  );
}
