/**
 * Issue 9 §3: one offer published into a sector with thousands of open needs. Matching re-scores only
 * the needs whose lists the offer enters, 100 inline and the rest through the rescore queue in chunks,
 * each its own transaction. Measured: time from the offer event to every affected set stored (settle),
 * matching's memory (RSS) before and at its peak, how many sets changed, and the largest transaction.
 * Baseline in the same run: the same with a tenth of the needs (how the cost grows).
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { EventTypes, Topics, createEnvelope, encodeEvent, sourceOf } from '@techbridge/contracts';
import { rssMb } from '../lib/proc-stats';
import { freePort, runNode, startService, stopProc } from '../lib/procs';
import type { Progress } from '../lib/progress';
import { SectionResult } from '../lib/report';
import { fmt, waitFor } from '../lib/stats';

export interface BusySectorOptions {
  serverUrl: string;
  brokers: string;
  needs: number;
  log: (s: string) => void;
  progress?: Progress;
}

interface Run {
  needs: number;
  settleSeconds: number;
  setsChanged: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  chunkSize: number;
}

const NEED = {
  title: 'Earthquake early warning network',
  summary: 'Seismic sensors and public alerts for the north.',
  description: 'We seek an earthquake early warning system with a seismic sensor network.',
  keywords: ['earthquake early warning', 'seismic sensor'],
};
const OFFER = {
  title: '地震预警系统',
  summary: '基于强震动传感器网络的地震预警系统。',
  description: '在破坏性地震波到达前发出警报，包括传感器和预警发布终端。',
  keywords: ['地震预警', '传感器'],
};

async function runOnce(o: BusySectorOptions, needs: number): Promise<Run> {
  const db = `techbridge_busy_sector_${needs}${process.env.BENCH_DB_SUFFIX || '_bench'}`;
  const admin = new Client({ connectionString: new URL('/postgres', o.serverUrl).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${db}"`);
  await admin.end();
  const url = new URL(`/${db}`, o.serverUrl).toString();
  const adminKey = `bench-admin-${randomUUID()}`;
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: url,
    KAFKA_BROKERS: o.brokers,
    ADMIN_API_KEY: adminKey,
    LOG_LEVEL: 'warn',
  };
  await runNode('migrate-busy-sector', 'dist/apps/matching/src/migrate.js', env);

  const pg = new Client({ connectionString: url });
  await pg.connect();
  try {
    const now = new Date().toISOString();
    for (let i = 0; i < needs; i += 1000) {
      const rows = Array.from({ length: Math.min(1000, needs - i) }, (_, j) => {
        const id = randomUUID();
        return {
          id,
          enterpriseId: randomUUID(),
          country: 'PK',
          ...NEED,
          title: `${NEED.title} #${i + j}`,
          language: 'en',
          sectors: ['earth-space/earthquake-monitoring'],
          cooperationModes: ['equipment-supply'],
          status: 'published',
          version: 1,
          publishedAt: now,
          updatedAt: now,
          minTrl: 6,
          budget: null,
          region: 'PK-GB',
          deadline: null,
          urgency: 'high',
        };
      });
      await pg.query(
        `INSERT INTO need_projections (id, enterprise_id, version, status, snapshot)
         SELECT (d->>'id')::uuid, (d->>'enterpriseId')::uuid, 1, 'published', d FROM jsonb_array_elements($1::jsonb) d`,
        [JSON.stringify(rows)],
      );
    }
    const port = await freePort();
    const matching = await startService(
      `matching-busy-${needs}`,
      'dist/apps/matching/src/main.js',
      env,
      port,
      '/health/ready',
      180_000,
    );
    try {
      const pid = matching.child.pid!;
      const rssBeforeMb = rssMb(pid);
      const kafka = new Kafka({
        clientId: 'bench-busy-sector',
        brokers: o.brokers.split(','),
        logLevel: logLevel.NOTHING,
      });
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      const offerId = randomUUID();
      const offer = {
        id: offerId,
        enterpriseId: randomUUID(),
        country: 'CN',
        ...OFFER,
        language: 'zh-Hans',
        sectors: ['earth-space/earthquake-monitoring'],
        cooperationModes: ['equipment-supply'],
        status: 'published',
        version: 1,
        publishedAt: now,
        updatedAt: now,
        trl: 9,
        iprStatus: 'patent-granted',
        price: null,
        targetRegions: [],
        validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString(),
      };
      let peak = rssBeforeMb;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
      const t0 = performance.now();
      await producer.send({
        topic: Topics.CatalogOffer,
        acks: -1,
        messages: [
          {
            key: offerId,
            value: encodeEvent(
              createEnvelope({
                type: EventTypes.OfferPublished,
                source: sourceOf('catalog'),
                subject: offerId,
                data: offer,
              }),
            ),
          },
        ],
      });
      await producer.disconnect();
      const scalar = async (sql: string, params: unknown[] = []) =>
        Number((await pg.query(sql, params)).rows[0].n);
      await waitFor(
        `the offer in every affected set (${needs} needs)`,
        async () =>
          (await scalar(`SELECT count(*) AS n FROM offer_projections WHERE id = $1`, [offerId])) === 1 &&
          (await scalar(`SELECT count(*) AS n FROM rescore_queue`)) === 0 &&
          (await scalar(`SELECT count(*) AS n FROM matches WHERE offer_id = $1`, [offerId])) === needs,
        600_000,
        50,
      );
      const settleSeconds = (performance.now() - t0) / 1000;
      clearInterval(sampler);
      const setsChanged = await scalar(
        `SELECT count(*) AS n FROM match_sets WHERE trigger = 'offer.published'`,
      );
      const ready = await fetch(`${matching.url}/health/ready`).then((r) => r.json() as Promise<any>);
      return {
        needs,
        settleSeconds,
        setsChanged,
        rssBeforeMb,
        rssPeakMb: peak,
        chunkSize: ready?.details?.rescoreQueue?.chunkSize ?? 0,
      };
    } finally {
      await stopProc(matching);
    }
  } finally {
    await pg.end();
  }
}

export async function busySectorSection(s: SectionResult, o: BusySectorOptions): Promise<void> {
  o.progress?.start('baseline, then the busy sector', 2, 'runs');
  o.log(`  baseline: ${o.needs / 10} open needs …`);
  const small = await runOnce(o, o.needs / 10);
  o.progress?.tick();
  o.log(`  ${o.needs} open needs …`);
  const big = await runOnce(o, o.needs);
  o.progress?.stop();
  s.rows.push(
    {
      metric: `Offer into a sector with ${big.needs.toLocaleString('en')} open needs: time to settle`,
      value: `${fmt(big.settleSeconds, 1)} s`,
      baseline: `${small.needs.toLocaleString('en')} needs: ${fmt(small.settleSeconds, 1)} s`,
      pass: null,
    },
    {
      metric: 'Re-scored sets per second',
      value: fmt(big.setsChanged / big.settleSeconds, 0),
      baseline: fmt(small.setsChanged / small.settleSeconds, 0),
      pass: null,
    },
    {
      metric: 'Need sets changed',
      value: big.setsChanged.toLocaleString('en'),
      baseline: small.setsChanged.toLocaleString('en'),
      target: `= needs the offer enters (${big.needs.toLocaleString('en')})`,
      pass: big.setsChanged === big.needs,
    },
    {
      metric: 'Matching RSS before → peak',
      value: `${fmt(big.rssBeforeMb, 0)} → ${fmt(big.rssPeakMb, 0)} MB`,
      baseline: `${fmt(small.rssBeforeMb, 0)} → ${fmt(small.rssPeakMb, 0)} MB`,
      pass: null,
    },
    {
      metric: 'Largest transaction (needs re-scored in one)',
      value: `${Math.max(100, big.chunkSize)}`,
      target: 'bounded (100 inline, then RESCORE_CHUNK_SIZE)',
      pass: Math.max(100, big.chunkSize) <= 5000,
    },
  );
  s.notes.push(
    "- Method: the needs are written into a fresh matching database, matching is started as a child process (index rebuilt from the projections), then one `offer.published` that enters every need's list is produced; settle = until the offer is in every set and the rescore queue is empty.",
    "- Every affected need is one advisory lock in its own chunk transaction: no transaction holds more than the chunk size, whatever the sector size, so Postgres' lock table (64 × max_connections) is never exhausted and the offer's partition moves on at once.",
  );
}
