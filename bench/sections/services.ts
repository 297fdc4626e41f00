/**
 * Bars 3 and 4, on real services started as child processes (`node dist/apps/<svc>/src/main.js`) on
 * the `_bench` databases and the bench broker:
 *   3. need published (POST /v1/needs?publish=true on catalog) → `need.matched` on matching.match.v1,
 *      with 10,000 live offers in matching, next to a bare kafkajs produce → consume round trip;
 *   4. POST /v1/needs?publish=true through the gateway under autocannon, next to a bare Nest +
 *      Fastify one-row insert.
 */
import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { EventTypes, Topics } from '@techbridge/contracts';
import type { OfferDoc } from '@techbridge/matching-core';
import { syntheticNeeds, syntheticOffers } from '../matching-core/synthetic';
import { resetDatabase, scalar } from '../lib/bench-db';
import { produceCatalogEvents, withUuids } from '../lib/catalog-events';
import { needBody } from '../lib/catalog-bodies';
import { monotonicMicros, profileMarkdown } from '../lib/cpu-profile';
import { cpuOf, kafkaPid, postgresCpu, postgresCpuDelta } from '../lib/proc-stats';
import { Proc, freePort, profileFile, runNode, startService, stopProc, tail } from '../lib/procs';
import type { Progress } from '../lib/progress';
import { SectionResult } from '../lib/report';
import { fmt, sleep, summarize, waitFor } from '../lib/stats';
import { OtlpReceiver } from '../lib/otlp-receiver';
import { TracedNeed, epochNow, newTraceparent, stageTable, tracesComplete } from './event-path-stages';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AUTOCANNON_VERSION: string = require('autocannon/package.json').version;

export interface ServicesOptions {
  databases: Record<string, string>;
  baselineDbUrl: string;
  brokers: string;
  offers: number;
  needs: number;
  warmupNeeds: number;
  loadSeconds: number;
  connections: number;
  /** the steady-load pass: needs per second and for how long */
  steadyRate: number;
  steadySeconds: number;
  log: (s: string) => void;
  progress?: Progress;
}

/** When the throughput load ran (CLOCK_MONOTONIC µs, the clock of V8's profile timestamps on Linux). */
const loadWindow: [number, number] = [0, 0];

function enterpriseBody(): Record<string, unknown> {
  const t = randomBytes(4).toString('hex');
  return {
    legalName: `پنجاب بینچ ${t} ٹیکنالوجیز`,
    englishName: `Punjab Bench ${t} Technologies (Pvt) Ltd.`,
    country: 'PK',
    region: 'PK-PB',
    organisationType: 'company',
    sizeBand: 'medium',
    sectors: ['agriculture/irrigation', 'energy/solar-pv'],
    website: `https://${t}.example.pk`,
    languages: ['ur', 'en'],
    contact: { name: 'Ayesha Khan', email: `bench-${t}@example.pk`, phone: '+923001234567' },
  };
}

interface Stack {
  profiles?: Proc;
  catalog?: Proc;
  matching?: Proc;
  gateway?: Proc;
  bare?: Proc;
}

export async function servicesSections(
  e2e: SectionResult,
  tput: SectionResult,
  o: ServicesOptions,
): Promise<void> {
  const stack: Stack = {};
  const kafka = new Kafka({
    clientId: 'techbridge-bench',
    brokers: o.brokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const adminKey = `bench-admin-${randomBytes(24).toString('hex')}`;
  const common = {
    NODE_ENV: 'production',
    KAFKA_BROKERS: o.brokers,
    ADMIN_API_KEY: adminKey,
    LOG_LEVEL: 'warn',
  };
  // Catalog and matching export their spans to the bench for the stage table (section 3 only: catalog is
  // restarted without it before the throughput test, which measures the write path as deployed).
  const receiver = new OtlpReceiver();
  const tracing = {
    OTEL_TRACES_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: await receiver.start(),
    OTEL_BSP_SCHEDULE_DELAY: '500',
    OTEL_BSP_MAX_QUEUE_SIZE: '65536',
  };
  const consumers: Consumer[] = [];
  let apiKey = '';
  let stackError: string | undefined;
  const t0 = performance.now();
  try {
    // ---- stack: fresh schemas, migrations, services --------------------------------------------
    o.log('  resetting the _bench databases and migrating …');
    for (const svc of ['profiles', 'catalog', 'matching']) {
      const url = o.databases[svc];
      if (!url) throw new Error(`BENCH_DATABASES has no database for ${svc}`);
      await resetDatabase(url);
      await runNode(`migrate-${svc}`, `dist/apps/${svc}/src/migrate.js`, { ...common, DATABASE_URL: url });
    }
    o.log('  starting profiles, catalog, matching …');
    const [pp, cp, mp] = [await freePort(), await freePort(), await freePort()];
    [stack.profiles, stack.catalog, stack.matching] = await Promise.all([
      startService(
        'profiles',
        'dist/apps/profiles/src/main.js',
        { ...common, DATABASE_URL: o.databases.profiles },
        pp,
      ),
      startService(
        'catalog',
        'dist/apps/catalog/src/main.js',
        { ...common, ...tracing, DATABASE_URL: o.databases.catalog },
        cp,
      ),
      startService(
        'matching',
        'dist/apps/matching/src/main.js',
        { ...common, ...tracing, DATABASE_URL: o.databases.matching },
        mp,
      ),
    ]);

    // ---- a PK enterprise, registered through profiles (the real path) -----------------------------
    const reg = await fetch(`${stack.profiles.url}/v1/enterprises`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(enterpriseBody()),
    });
    const regBody = (await reg.json()) as { id: string; apiKey: string };
    if (reg.status !== 201)
      throw new Error(`enterprise registration answered ${reg.status}: ${JSON.stringify(regBody)}`);
    apiKey = regBody.apiKey;
    const enterpriseId = regBody.id;
    await waitFor(
      'catalog to learn the enterprise and its key from profiles.enterprise.v1',
      async () =>
        (await scalar<boolean>(
          o.databases.catalog,
          `SELECT EXISTS (SELECT 1 FROM known_enterprises WHERE enterprise_id = $1) AND EXISTS (SELECT 1 FROM credentials WHERE principal_id = $1)`,
          [enterpriseId],
        )) === true,
      60_000,
      250,
    );
    o.log(`  enterprise ${enterpriseId} known to catalog`);
  } catch (err) {
    stackError = `stack start-up failed: ${(err as Error).message}`;
  }

  try {
    if (stackError) throw new Error(stackError);
    await needMatchedSection(e2e, o, kafka, stack, apiKey, consumers, receiver);
  } catch (err) {
    e2e.error = (err as Error).message;
    o.log(`  ERROR: ${e2e.error}`);
  } finally {
    for (const c of consumers.splice(0)) await c.disconnect().catch(() => undefined);
    e2e.seconds = (performance.now() - t0) / 1000;
  }

  const t1 = performance.now();
  try {
    if (stackError) throw new Error(stackError);
    // Matching is not part of the POST path; left running it would score every need the load test
    // publishes against 10k offers and compete for the same 2 cores.
    o.log('  stopping matching before the throughput test …');
    await stopProc(stack.matching);
    stack.matching = undefined;
    o.log('  restarting catalog without span export …');
    const catalogPort = Number(new URL(stack.catalog!.url).port);
    await stopProc(stack.catalog);
    stack.catalog = await startService(
      'catalog',
      'dist/apps/catalog/src/main.js',
      { ...common, DATABASE_URL: o.databases.catalog },
      catalogPort,
    );
    await throughputSection(tput, o, stack, apiKey);
  } catch (err) {
    tput.error = (err as Error).message;
    o.log(`  ERROR: ${tput.error}`);
  } finally {
    tput.seconds = (performance.now() - t1) / 1000;
    await receiver.stop();
    o.log('  stopping the services …');
    for (const p of [stack.gateway, stack.bare, stack.matching, stack.catalog, stack.profiles]) {
      const lines = p ? tail(p.logFile, 600) : '';
      await stopProc(p);
      if (p && /error|exception/i.test(lines) && !/Request aborted/.test(lines))
        o.log(`  (${p.name} log tail: ${lines.split('\n').slice(-3).join(' | ')})`);
    }
    // BENCH_CPU_PROF=catalog,gateway: the profiles are complete once the processes have exited.
    for (const name of ['catalog', 'gateway', 'profiles']) {
      const table = profileMarkdown(name, profileFile(name), loadWindow[1] > 0 ? loadWindow : undefined);
      if (table) tput.extra = [...(tput.extra ?? []), table];
    }
  }
}

async function needMatchedSection(
  s: SectionResult,
  o: ServicesOptions,
  kafka: Kafka,
  stack: Stack,
  apiKey: string,
  consumers: Consumer[],
  receiver: OtlpReceiver,
): Promise<void> {
  const catalog = stack.catalog!;
  // ---- the observer: a kafkajs consumer on matching.match.v1 (new group, latest offsets) ----------
  const arrivals = new Map<string, number>(); // need id → epoch ms of the first need.matched seen
  const waiters = new Map<string, () => void>();
  let matchedEvents = 0;
  const observer = kafka.consumer({
    groupId: `bench-observer-${Date.now()}`,
    minBytes: 1,
    maxWaitTimeInMs: 20,
    allowAutoTopicCreation: false,
  });
  consumers.push(observer);
  const joined = new Promise<void>((resolve) => observer.on(observer.events.GROUP_JOIN, () => resolve()));
  await observer.connect();
  await observer.subscribe({ topic: Topics.MatchingMatch, fromBeginning: false });
  await observer.run({
    eachMessage: async ({ message }) => {
      const at = epochNow();
      try {
        const ev = JSON.parse(message.value!.toString());
        if (ev.type !== EventTypes.NeedMatched) return;
        matchedEvents++;
        const id = ev.data?.needId as string;
        if (!arrivals.has(id)) arrivals.set(id, at);
        waiters.get(id)?.();
      } catch {
        /* not ours */
      }
    },
  });

  // ---- seed 10k live offers as catalog.offer.v1 offer.published events ------------------------
  o.log(`  producing ${o.offers} offer.published events to ${Topics.CatalogOffer} …`);
  const offers: OfferDoc[] = syntheticOffers(o.offers).map(withUuids);
  const seedStart = performance.now();
  await produceCatalogEvents(kafka, 'offer', offers, 500);
  const producedS = (performance.now() - seedStart) / 1000;
  let lastCount = 0;
  let lastProgress = Date.now();
  o.progress?.start('offers projected by matching', o.offers, 'offers');
  await waitFor(
    `matching's offer_projections to reach ${o.offers}`,
    async () => {
      const n = Number(
        await scalar(
          o.databases.matching,
          `SELECT count(*)::int AS n FROM offer_projections WHERE status = 'published'`,
        ),
      );
      o.progress?.set(n);
      if (n !== lastCount) {
        lastCount = n;
        if (Date.now() - lastProgress > 10_000) {
          o.log(`    … ${n} offers projected`);
          lastProgress = Date.now();
        }
      }
      return n >= o.offers;
    },
    240_000,
    500,
  );
  o.progress?.stop();
  const seededS = (performance.now() - seedStart) / 1000;
  o.log(`  ${o.offers} offers live in matching after ${seededS.toFixed(1)} s`);
  await Promise.race([joined, sleep(30_000)]);

  // ---- need published → need.matched -------------------------------------------------------
  let httpErrors = 0;
  /** POST one need with a traceparent of ours; undefined (and counted) when it is not a 201. */
  const post = async (body: unknown): Promise<{ id: string; need: TracedNeed } | undefined> => {
    const tp = newTraceparent();
    const posted = epochNow();
    const res = await fetch(`${catalog.url}/v1/needs?publish=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}`, traceparent: tp.header },
      body: JSON.stringify(body),
    });
    const answered = epochNow();
    const json = (await res.json()) as { id?: string };
    if (res.status !== 201 || !json.id) {
      httpErrors++;
      if (httpErrors === 1) o.log(`    POST /v1/needs answered ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
      if (httpErrors > 10) throw new Error(`POST /v1/needs keeps failing (${res.status}: ${JSON.stringify(json).slice(0, 300)})`);
      return undefined;
    }
    return { id: json.id, need: { traceId: tp.traceId, posted, answered } };
  };
  const bodies = syntheticNeeds(o.warmupNeeds + o.needs, 11).map(needBody);
  const sequential: TracedNeed[] = [];
  let timeouts = 0;
  o.log(`  ${o.warmupNeeds} warm-up + ${o.needs} measured needs, one at a time …`);
  o.progress?.start('needs published → need.matched', bodies.length, 'needs');
  for (let i = 0; i < bodies.length; i++) {
    o.progress?.tick();
    const measured = i >= o.warmupNeeds;
    const r = await post(bodies[i]);
    if (!r) continue;
    if (!arrivals.has(r.id)) {
      const ok = await Promise.race([
        new Promise<boolean>((resolve) => waiters.set(r.id, () => resolve(true))),
        sleep(10_000).then(() => false),
      ]);
      waiters.delete(r.id);
      if (!ok) {
        if (measured) timeouts++;
        continue;
      }
    }
    if (measured) sequential.push({ ...r.need, seen: arrivals.get(r.id) });
  }
  o.progress?.stop();
  if (sequential.length === 0)
    throw new Error(`no need.matched event observed (${timeouts} timeouts, ${httpErrors} HTTP errors)`);

  // ---- the same under a steady open-loop load (a POST every 1/rate s, not waiting for answers) --------
  const steadyCount = Math.round(o.steadyRate * o.steadySeconds);
  const steadyBodies = syntheticNeeds(steadyCount, 29).map(needBody);
  o.log(`  steady load: ${steadyCount} needs at ${o.steadyRate}/s …`);
  const steadyPosts: Promise<{ id: string; need: TracedNeed } | undefined>[] = [];
  const steadyStart = epochNow();
  let lateStarts = 0;
  o.progress?.start(`steady ${o.steadyRate} needs/s`, steadyCount, 'needs');
  for (let i = 0; i < steadyCount; i++) {
    o.progress?.tick();
    const due = steadyStart + (i * 1000) / o.steadyRate;
    const wait = due - epochNow();
    if (wait > 0) await sleep(wait);
    else if (wait < -5) lateStarts++;
    steadyPosts.push(post(steadyBodies[i]).catch(() => undefined));
  }
  o.progress?.stop();
  const steadyPosted = (await Promise.all(steadyPosts)).filter((x) => x !== undefined);
  const steadyWall = (epochNow() - steadyStart) / 1000;
  await waitFor('need.matched for every need of the steady load', async () => steadyPosted.every((r) => arrivals.has(r.id)), 60_000, 100).catch(
    () => undefined,
  );
  const steady: TracedNeed[] = steadyPosted.map((r) => ({ ...r.need, seen: arrivals.get(r.id) }));
  const steadyTimeouts = steady.filter((n) => n.seen === undefined).length;

  // Spans leave the services in batches (every 500 ms): wait until every observed need has its trace.
  const observed = [...sequential, ...steady].filter((n) => n.seen !== undefined);
  await waitFor('the services to export every trace', async () => tracesComplete(observed, receiver) >= observed.length, 20_000, 250).catch(
    () => undefined,
  );

  // ---- baseline: bare kafkajs produce (acks=-1) → consume on the same broker ----------------------
  o.log('  baseline: bare kafkajs produce → consume round trip …');
  const rtTopic = 'bench.roundtrip.v1';
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = await admin.listTopics();
    if (!existing.includes(rtTopic))
      await admin.createTopics({
        topics: [{ topic: rtTopic, numPartitions: 1, replicationFactor: 1 }],
        waitForLeaders: true,
      });
  } finally {
    await admin.disconnect();
  }
  const rtArrivals = new Map<string, number>();
  const rtWaiters = new Map<string, () => void>();
  const rtConsumer = kafka.consumer({
    groupId: `bench-roundtrip-${Date.now()}`,
    minBytes: 1,
    maxWaitTimeInMs: 20,
    allowAutoTopicCreation: false,
  });
  consumers.push(rtConsumer);
  const rtJoined = new Promise<void>((resolve) =>
    rtConsumer.on(rtConsumer.events.GROUP_JOIN, () => resolve()),
  );
  await rtConsumer.connect();
  await rtConsumer.subscribe({ topic: rtTopic, fromBeginning: false });
  await rtConsumer.run({
    eachMessage: async ({ message }) => {
      const at = performance.now();
      const k = message.key!.toString();
      rtArrivals.set(k, at);
      rtWaiters.get(k)?.();
    },
  });
  await Promise.race([rtJoined, sleep(30_000)]);
  await sleep(1000);
  const rtProducer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await rtProducer.connect();
  const rt: number[] = [];
  let rtTimeouts = 0;
  try {
    for (let i = 0; i < o.warmupNeeds + o.needs; i++) {
      const key = `rt-${Date.now()}-${i}`;
      const got = new Promise<boolean>((resolve) => rtWaiters.set(key, () => resolve(true)));
      const start = performance.now();
      await rtProducer.send({
        topic: rtTopic,
        acks: -1,
        messages: [{ key, value: JSON.stringify({ i, at: Date.now(), pad: 'x'.repeat(512) }) }],
      });
      const ok = rtArrivals.has(key) || (await Promise.race([got, sleep(5000).then(() => false)]));
      rtWaiters.delete(key);
      if (!ok) {
        if (i >= o.warmupNeeds) rtTimeouts++;
        continue;
      }
      if (i >= o.warmupNeeds) rt.push(rtArrivals.get(key)! - start);
    }
  } finally {
    await rtProducer.disconnect().catch(() => undefined);
  }

  const totalOf = (needs: TracedNeed[]) => summarize(needs.filter((n) => n.seen !== undefined).map((n) => n.seen! - n.posted));
  const T = totalOf(sequential);
  const S = totalOf(steady);
  const K = summarize(rt);
  const traced = tracesComplete(observed, receiver);
  s.rows.push(
    {
      metric: `p50, POST start → need.matched, one at a time (ms, n=${T.n})`,
      value: fmt(T.p50, 1),
      baseline: `${fmt(K.p50, 1)} (bare Kafka round trip)`,
      target: '≤ 15 ms',
      pass: T.p50 <= 15,
    },
    {
      metric: 'p99, POST start → need.matched, one at a time (ms)',
      value: fmt(T.p99, 1),
      baseline: `${fmt(K.p99, 1)} (bare Kafka round trip)`,
      target: '≤ 50 ms',
      pass: T.p99 <= 50,
    },
    {
      metric: `p50, POST start → need.matched at a steady ${o.steadyRate} needs/s (ms, n=${S.n})`,
      value: fmt(S.p50, 1),
      baseline: `${fmt(K.p50, 1)} (bare Kafka round trip)`,
      target: '≤ 15 ms',
      pass: S.p50 <= 15,
    },
    {
      metric: `p99, POST start → need.matched at a steady ${o.steadyRate} needs/s (ms)`,
      value: fmt(S.p99, 1),
      baseline: `${fmt(K.p99, 1)} (bare Kafka round trip)`,
      target: '≤ 50 ms',
      pass: S.p99 <= 50,
    },
    {
      metric: 'ratio to bare Kafka round trip, p50 / p99 (one at a time)',
      value: `${fmt(T.p50 / K.p50, 1)}× / ${fmt(T.p99 / K.p99, 1)}×`,
      pass: null,
    },
    {
      metric: 'need.matched never seen (10 s one at a time; 60 s after the steady load)',
      value: `${timeouts} / ${steadyTimeouts}`,
      target: '0',
      pass: timeouts === 0 && steadyTimeouts === 0,
    },
  );
  s.extra = [
    stageTable('One at a time: stage', sequential, receiver),
    stageTable(`Steady ${o.steadyRate} needs/s: stage`, steady, receiver),
    [
      '| Baseline (ms) | n | p50 | p95 | p99 | max |',
      '|---|---:|---:|---:|---:|---:|',
      `| bare kafkajs produce (acks=-1, idempotent) → consume | ${K.n} | ${fmt(K.p50, 1)} | ${fmt(K.p95, 1)} | ${fmt(K.p99, 1)} | ${fmt(K.max, 1)} |`,
    ].join('\n'),
  ];
  s.notes.push(
    `- Stack: profiles, catalog and matching as child processes (\`node dist/apps/<svc>/src/main.js\`, NODE_ENV=production, LOG_LEVEL=warn) on freshly reset \`_bench\` databases (schema dropped, each service's \`migrate.js\` run), bench broker ${o.brokers}. One PK enterprise registered through profiles' \`POST /v1/enterprises\`; its key reached catalog over \`profiles.enterprise.v1\` (the real credential projection).`,
    `- Offers: ${o.offers} \`syntheticOffers\` (ids mapped to UUIDs) produced as \`${EventTypes.OfferPublished}\` envelopes (\`createEnvelope\`, key = offer id, idempotent producer, acks=-1) to \`${Topics.CatalogOffer}\` in ${fmt(producedS, 1)} s; matching had all ${o.offers} in \`offer_projections\` (and its in-memory index) after ${fmt(seededS, 1)} s (${fmt(o.offers / seededS, 0)} offers/s, each one its own inbox transaction plus reverse matching).`,
    `- One at a time: ${o.warmupNeeds} warm-up needs, then ${o.needs} \`syntheticNeeds(…, seed 11)\` bodies (English, realistic sectors/modes/budgets), each \`POST /v1/needs?publish=true\` straight to catalog (no gateway) after the previous need's event arrived. Steady: ${steadyCount} \`syntheticNeeds(…, seed 29)\` bodies, one POST every ${fmt(1000 / o.steadyRate, 0)} ms whether or not earlier ones were answered (open loop; ${steadyPosted.length} answered 201 in ${fmt(steadyWall, 1)} s, ${lateStarts} POSTs started more than 5 ms late). Time from just before \`fetch()\` to the arrival of the \`need.matched\` event for that need id at a kafkajs consumer (own group, minBytes 1, maxWait 20 ms) on \`${Topics.MatchingMatch}\` in the bench process. Path: catalog (need + outbox row, one statement) → outbox relay (LISTEN/NOTIFY) → \`${Topics.CatalogNeed}\` → matching inbox transaction (projection, score against the index, match set, outbox row) → matching relay → \`${Topics.MatchingMatch}\` → observer: two Kafka hops, so the floor is about 2× the bare round trip.`,
    `- Stages: every POST carries a \`traceparent\` chosen by the bench; catalog and matching run with \`OTEL_TRACES_EXPORTER=otlp\` to an OTLP/HTTP receiver in the bench process (batch export every 500 ms), so one trace holds catalog's relay PRODUCER span, matching's CONSUMER span, its \`score need\` span and matching's relay PRODUCER span (${traced} of ${observed.length} observed needs had all four). A stage is the gap between two of these timestamps (span clocks: \`performance.timeOrigin + now()\` per process, ≈ 1 ms agreement); the stages of one need add up to its total exactly. Span export is on for this section only (catalog is restarted without it for section 4).`,
    `- Baseline: ${K.n} sequential messages (512 B), kafkajs idempotent producer \`send({ acks: -1 })\` → a consumer with the same settings as the observer, one-partition topic \`bench.roundtrip.v1\`, same broker, same process; ${rtTimeouts} lost.`,
    `- ${matchedEvents} need.matched events observed in total (warm-up and measured); ${httpErrors} HTTP errors.`,
  );
}

function cpuSnapshot(stack: Stack): CpuSnap {
  return { procs: procCpu(stack), pg: postgresCpu() };
}

function procCpu(stack: Stack): Record<string, number> {
  const u = process.cpuUsage();
  return {
    'bench process (autocannon)': (u.user + u.system) / 1e6,
    gateway: cpuOf(stack.gateway?.child.pid),
    catalog: cpuOf(stack.catalog?.child.pid),
    'Kafka broker (java)': cpuOf(kafkaPid()),
  };
}

interface CpuSnap {
  procs: Record<string, number>;
  pg: Map<number, number>;
}

/** Per-process deltas; Postgres = sum over the postgres pids alive at the end (a new pid counts in full). */
function cpuDelta(a: CpuSnap, b: CpuSnap): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(
    Object.keys(a.procs).map((k) => [k, b.procs[k] - a.procs[k]]),
  );
  out['Postgres (every postgres process on the machine)'] = postgresCpuDelta(a.pg, b.pg);
  return out;
}

async function throughputSection(
  s: SectionResult,
  o: ServicesOptions,
  stack: Stack,
  apiKey: string,
): Promise<void> {
  // Bare baseline app on its own database.
  const [bp, gp] = [await freePort(), await freePort()];
  o.log('  starting the gateway and the bare Nest + Fastify insert app …');
  [stack.bare, stack.gateway] = await Promise.all([
    startService(
      'bare-insert',
      'dist/bench/baseline/bare-insert.app.js',
      { NODE_ENV: 'production', DATABASE_URL: o.baselineDbUrl },
      bp,
    ),
    startService(
      'gateway',
      'dist/apps/gateway/src/main.js',
      {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        CATALOG_URL: stack.catalog!.url,
        PROFILES_URL: stack.profiles!.url,
        MATCHING_URL: 'http://127.0.0.1:1',
        WORKSHOPS_URL: 'http://127.0.0.1:1',
      },
      gp,
    ),
  ]);
  const body = JSON.stringify(needBody(syntheticNeeds(1, 23)[0]));
  // One request through the gateway first: it must be a 201, or the load test would measure errors.
  const probe = await fetch(`${stack.gateway.url}/v1/needs?publish=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body,
  });
  if (probe.status !== 201)
    throw new Error(
      `probe POST /v1/needs through the gateway answered ${probe.status}: ${(await probe.text()).slice(0, 300)}`,
    );

  const run = async (url: string, headers: Record<string, string>, seconds: number) => {
    const r = await autocannon({
      url,
      method: 'POST',
      connections: o.connections,
      duration: seconds,
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return r as {
      requests: { average: number; total: number };
      latency: { p50: number; p99: number; average: number };
      errors: number;
      timeouts: number;
      non2xx: number;
      '2xx': number;
    };
  };
  const baselineUrl = `${stack.bare.url}/items`;
  const targetUrl = `${stack.gateway.url}/v1/needs?publish=true`;
  const auth = { authorization: `Bearer ${apiKey}` };
  const loadBefore = os.loadavg()[0];
  o.log('  warm-up 3 s each …');
  await run(baselineUrl, {}, 3);
  await run(targetUrl, auth, 3);
  o.log(`  baseline: bare insert, ${o.loadSeconds} s × ${o.connections} connections …`);
  const base = await run(baselineUrl, {}, o.loadSeconds);
  await sleep(1000);
  o.log(
    `  target: gateway → catalog POST /v1/needs?publish=true, ${o.loadSeconds} s × ${o.connections} connections …`,
  );
  const needsBefore = Number(await scalar(o.databases.catalog, 'SELECT count(*)::int FROM needs'));
  const cpu0 = cpuSnapshot(stack);
  loadWindow[0] = monotonicMicros();
  const tgt = await run(targetUrl, auth, o.loadSeconds);
  const cpu = cpuDelta(cpu0, cpuSnapshot(stack));
  const needsAfter = Number(await scalar(o.databases.catalog, 'SELECT count(*)::int FROM needs'));
  await sleep(1000);
  o.log(`  diagnostic: catalog directly (no gateway), ${o.loadSeconds} s × ${o.connections} connections …`);
  const direct = await run(`${stack.catalog!.url}/v1/needs?publish=true`, auth, o.loadSeconds);
  await sleep(1000);
  o.log(
    `  diagnostic: catalog directly, drafts (no outbox row, no NOTIFY), ${o.loadSeconds} s × ${o.connections} connections …`,
  );
  const drafts = await run(`${stack.catalog!.url}/v1/needs`, auth, o.loadSeconds);
  loadWindow[1] = monotonicMicros();
  // The outbox must drain: every accepted need becomes one need.published on catalog.need.v1.
  let backlog = -1;
  try {
    backlog = Number(
      await scalar(
        o.databases.catalog,
        'SELECT count(*)::int FROM outbox_messages WHERE published_at IS NULL',
      ),
    );
  } catch {
    /* outbox table name differs; reported as n/a */
  }
  const errs = (r: typeof tgt) => r.errors + r.timeouts + r.non2xx;
  const ratio = tgt.requests.average / base.requests.average;
  s.rows.push(
    {
      metric: 'throughput (req/s, mean)',
      value: fmt(tgt.requests.average, 0),
      baseline: `${fmt(base.requests.average, 0)} (bare insert)`,
      target: '≥ 50 % of baseline',
      pass: ratio >= 0.5,
    },
    {
      metric: 'throughput ratio to baseline',
      value: `${fmt(ratio * 100, 1)} %`,
      target: '≥ 50 %',
      pass: ratio >= 0.5,
    },
    {
      metric: 'latency p99 (ms)',
      value: fmt(tgt.latency.p99, 1),
      baseline: fmt(base.latency.p99, 1),
      target: '≤ 30 ms',
      pass: tgt.latency.p99 <= 30,
    },
    {
      metric: 'latency p50 (ms)',
      value: fmt(tgt.latency.p50, 1),
      baseline: fmt(base.latency.p50, 1),
      pass: null,
    },
    {
      metric: 'errors + timeouts + non-2xx',
      value: `${errs(tgt)} (of ${tgt.requests.total})`,
      baseline: `${errs(base)} (of ${base.requests.total})`,
      target: '0',
      pass: errs(tgt) === 0,
    },
    {
      metric: 'diagnostic: catalog directly, no gateway, publish=true (req/s, p50 / p99 ms)',
      value: `${fmt(direct.requests.average, 0)}, ${fmt(direct.latency.p50, 1)} / ${fmt(direct.latency.p99, 1)}`,
      pass: null,
    },
    {
      metric: 'diagnostic: catalog directly, drafts (req/s, p50 / p99 ms)',
      value: `${fmt(drafts.requests.average, 0)}, ${fmt(drafts.latency.p50, 1)} / ${fmt(drafts.latency.p99, 1)}`,
      pass: null,
    },
  );
  s.extra = [
    [
      '| Process during the measured gateway run | CPU seconds | share of one core |',
      '|---|---:|---:|',
      ...Object.entries(cpu).map(
        ([k, v]) => `| ${k} | ${fmt(v, 2)} | ${fmt((v / o.loadSeconds) * 100, 0)} % |`,
      ),
    ].join('\n'),
  ];
  s.notes.push(
    `- autocannon ${AUTOCANNON_VERSION} (programmatic API, in the bench process), ${o.connections} connections, ${o.loadSeconds} s per target after a 3 s warm-up of each; the same JSON need body (${body.length} B) for both. Target: \`POST /v1/needs?publish=true\` through the gateway (child process) → catalog (child process) with a PK enterprise key — validation, auth (credential cache), need row + outbox row in one transaction, 201; the outbox relay publishes \`need.published\` to Kafka meanwhile. Baseline: \`bench/baseline/bare-insert.app.ts\` (NestJS 12 + Fastify, one \`INSERT\` of the body as jsonb, pg pool of 20 like the services), called directly.`,
    `- ${needsAfter - needsBefore} needs written during the measured run (autocannon counted ${tgt['2xx']} 2xx); outbox rows still unpublished right after the run: ${backlog >= 0 ? backlog : 'n/a'}.`,
    `- Diagnostics (no target, run after the measured one, same settings): the same load straight at catalog (without the gateway hop), once with \`?publish=true\` and once as drafts (no outbox row, no \`pg_notify\`, no relay work) — they split the gap to the baseline between the gateway, the publish path and the rest of catalog's request handling. The CPU table is the CPU time each process used during the measured gateway run (from /proc; Postgres = every \`postgres\` process on the machine, so other users of the server count too).`,
    `- Matching was stopped for this test (it would otherwise score each published need against 10k offers on the same 2 cores). On this 2-core machine the load generator, the gateway, catalog, Postgres and the Kafka broker all share the two cores (load average before the run: ${loadBefore.toFixed(2)}); the baseline has one process fewer (no gateway) and no Kafka traffic, so the ratio is pessimistic for the real system and both absolute numbers are lower than on a machine where the load generator runs elsewhere.`,
  );
}
