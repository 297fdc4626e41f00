import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { EventTypes, Topics, createEnvelope, encodeEvent, sourceOf } from '@techbridge/contracts';
import { freshTestDatabase, groupCaughtUp, testBrokers, testKafka, waitFor } from '@techbridge/testing';
import { MATCHING_ENTITIES, MATCHING_MIGRATIONS } from '../../apps/matching/src/database';
import { needSnapshot } from '../support/matching/catalog-snapshots';
import { TEST_ADMIN_API_KEY } from '../support/stack';

jest.setTimeout(180_000);

/** The key MatchingLock takes (apps/matching/src/index/matching-lock.ts): holding it stalls every handler. */
const MATCHING_LOCK_KEY = 748_201_301;
const ROOT = path.resolve(__dirname, '../..');
const GROUP = 'matching';
const CATALOG_TOPICS = [Topics.CatalogOffer, Topics.CatalogNeed];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

interface Running {
  child: ChildProcess;
  url: string;
  /** How the process ended: Nest re-raises the signal after a clean shutdown, so that is `signal: 'SIGTERM'`. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

/** The compiled matching service (`npm test` builds first), as `npm start` or a container runs it. */
async function startMatching(databaseUrl: string, graceMs: number): Promise<Running> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/apps/matching/src/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: testBrokers(),
      ADMIN_API_KEY: TEST_ADMIN_API_KEY,
      LOG_LEVEL: 'warn',
      SHUTDOWN_GRACE_MS: String(graceMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    () => fetch(`${url}/health/ready`).then((r) => r.status, () => 0),
    (s) => s === 200,
    { what: `matching ready (output so far: ${output.slice(-400)})`, timeoutMs: 90_000 },
  );
  return { child, url, exited, output: () => output };
}

/**
 * Issue 15, graceful shutdown, on a real process: SIGTERM makes the service unready at once, lets the
 * in-flight event handler finish and commit (inbox row and Kafka offset), leaves the group and ends;
 * a handler that outlasts SHUTDOWN_GRACE_MS is abandoned uncommitted and the process exits 1 anyway.
 */
describe('graceful shutdown of a service process (integration)', () => {
  const kafka = testKafka('graceful-shutdown-test');
  const producer = kafka.producer();
  let databaseUrl: string;
  let db: DataSource;
  let locker: Client;
  let running: Running | undefined;

  beforeAll(async () => {
    databaseUrl = await freshTestDatabase('graceful_matching');
    db = new DataSource({ type: 'postgres', url: databaseUrl, entities: MATCHING_ENTITIES, migrations: MATCHING_MIGRATIONS } as DataSourceOptions);
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    await producer.connect();
  });

  afterEach(async () => {
    await locker?.end().catch(() => undefined);
    if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
    await running?.exited;
    running = undefined;
  });

  afterAll(async () => {
    await producer.disconnect();
    await db?.destroy();
  });

  /** Publishes a need while the matching lock is held, and waits until its handler is stuck on it. */
  async function needStuckInHandler(): Promise<{ eventId: string; partition: number; offset: number }> {
    await waitFor(() => groupCaughtUp(kafka, GROUP, CATALOG_TOPICS), Boolean, { what: 'matching caught up with the catalog topics', timeoutMs: 90_000 });
    locker = new Client({ connectionString: databaseUrl });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT pg_advisory_xact_lock($1)', [MATCHING_LOCK_KEY]);
    const need = needSnapshot(randomUUID());
    const envelope = createEnvelope({ type: EventTypes.NeedPublished, source: sourceOf('catalog'), subject: need.id, data: need });
    const [sent] = await producer.send({ topic: Topics.CatalogNeed, messages: [{ key: need.id, value: encodeEvent(envelope) }] });
    await waitFor(
      async () => (await locker.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)).rows[0].n,
      (n) => n > 0,
      { what: 'the need handler waiting on the matching lock' },
    );
    return { eventId: envelope.id, partition: sent.partition, offset: Number(sent.baseOffset) };
  }

  const applied = async (eventId: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM inbox_messages WHERE consumer = 'matching' AND event_id = $1`, [eventId]))[0].n === 1;

  async function committedOffset(partition: number): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [t] = await admin.fetchOffsets({ groupId: GROUP, topics: [Topics.CatalogNeed] });
      return Number(t.partitions.find((p) => p.partition === partition)?.offset ?? -1);
    } finally {
      await admin.disconnect();
    }
  }

  async function groupMembers(): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups([GROUP]);
      return groups[0]?.members.length ?? 0;
    } finally {
      await admin.disconnect();
    }
  }

  it('on SIGTERM: unready at once, the in-flight handler finishes and commits, the group is left, clean exit', async () => {
    running = await startMatching(databaseUrl, 60_000);
    const { eventId, partition, offset } = await needStuckInHandler();

    running.child.kill('SIGTERM');
    const ready = await waitFor(
      () => fetch(`${running!.url}/health/ready`).then(async (r) => ({ status: r.status, body: (await r.json()) as any })),
      // (It may also be 503 earlier, for a database ping stuck behind the held lock: wait for the reason.)
      (r) => r.status === 503 && r.body?.details?.shutdown !== undefined,
      { what: 'readiness 503 after SIGTERM, saying why' },
    );
    expect(ready.body.details).toMatchObject({ shutdown: { status: 'down' } });
    expect(running.child.exitCode).toBeNull(); // still finishing its handler

    await locker.query('COMMIT'); // the handler can go on
    expect(await running.exited).toEqual({ code: null, signal: 'SIGTERM' }); // not the forced exit(1)
    expect(await applied(eventId)).toBe(true);
    expect(await committedOffset(partition)).toBeGreaterThan(offset);
    expect(await groupMembers()).toBe(0); // left the group, no session timeout to wait for
  });

  it('after SHUTDOWN_GRACE_MS a stuck handler is abandoned uncommitted and the process exits 1', async () => {
    running = await startMatching(databaseUrl, 1_000);
    const { eventId, partition, offset } = await needStuckInHandler();

    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 1, signal: null });
    expect(running.output()).toMatch(/still busy 1000 ms after SIGTERM/);
    await locker.query('ROLLBACK');
    expect(await applied(eventId)).toBe(false);
    expect(await committedOffset(partition)).toBeLessThanOrEqual(offset); // redelivered to the next member
  });
});
