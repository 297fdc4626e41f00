// Integration tests for the local provisioning (deploy/local/*.cjs) — run by `npm test` against the test broker.
import * as net from 'node:net';

/* eslint-disable @typescript-eslint/no-require-imports */
const kafkaLib = require('./kafka.cjs') as {
  ensureKafka(opts: { instance: string; env?: NodeJS.ProcessEnv; log?: (m: string) => void }): Promise<{
    brokers: string;
    startedByUs: boolean;
    pid?: number;
    port?: number;
    stop(): Promise<void>;
  }>;
  pickPort(preferred: number, opts?: { span?: number }): Promise<{ port: number; busyPorts: number[] }>;
  probeKafka(brokers: string): Promise<string[]>;
};
const pgLib = require('./postgres.cjs') as {
  ensurePostgres(opts: { env?: NodeJS.ProcessEnv; log?: (m: string) => void }): Promise<{ baseUrl: string }>;
  ensureDatabases(baseUrl: string, names: string[], opts?: { log?: (m: string) => void }): Promise<string[]>;
  ensureServiceRoles(baseUrl: string, names: string[], opts?: { log?: (m: string) => void }): Promise<Record<string, { ownerUrl: string; appUrl: string }>>;
};
const { Client } = require('pg') as typeof import('pg');
/* eslint-enable @typescript-eslint/no-require-imports */

/** The environment as the provisioning sees it when no external broker is configured. */
function localEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.KAFKA_BROKERS;
  delete env.TEST_KAFKA_PORT;
  return env;
}

describe('local provisioning', () => {
  const quiet: string[] = [];
  const log = (m: string) => quiet.push(m);

  it('reuses the test broker that is already running instead of starting another', async () => {
    const first = await kafkaLib.ensureKafka({ instance: 'test', env: localEnv(), log });
    try {
      const second = await kafkaLib.ensureKafka({ instance: 'test', env: localEnv(), log });
      expect(second.startedByUs).toBe(false);
      expect(second.brokers).toBe(first.brokers);
      expect(second.pid).toBeDefined();
      if (first.pid !== undefined) expect(second.pid).toBe(first.pid);
      expect(quiet.some((m) => /Reusing Kafka broker .* started earlier \(pid \d+\)/.test(m))).toBe(true);
      await expect(kafkaLib.probeKafka(second.brokers)).resolves.toEqual(expect.any(Array));
      await second.stop(); // a no-op: it did not start the broker
      await expect(kafkaLib.probeKafka(second.brokers)).resolves.toEqual(expect.any(Array));
    } finally {
      await first.stop(); // only stops it if this test started it
    }
  }, 90000);

  it('detects a busy port and picks the next free one', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const busy = (server.address() as net.AddressInfo).port;
    try {
      const picked = await kafkaLib.pickPort(busy, { span: 1 });
      expect(picked.port).not.toBe(busy);
      expect(picked.port).toBeGreaterThan(busy);
      expect(picked.busyPorts).toContain(busy);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('explains an unreachable DATABASE_URL in one sentence without exiting', async () => {
    const env = { ...process.env, DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/techbridge' };
    const attempt = pgLib.ensurePostgres({ env, log });
    await expect(attempt).rejects.toMatchObject({ name: 'ProvisionError' });
    const message = await attempt.then(
      () => '',
      (e: Error) => e.message,
    );
    expect(message).toMatch(
      /^DATABASE_URL=postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/techbridge does not answer \(.+\): start that server or unset DATABASE_URL to use a local one\.$/,
    );
    expect(message).not.toContain('secret');
  });

  it('gives each service database an owner role for migrations and an app role with data rights only', async () => {
    const base = (process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');
    const names = ['techbridge_roles_a_test', 'techbridge_roles_b_test'];
    const admin = new Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    for (const n of names) await admin.query(`DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`);
    await admin.end();
    await pgLib.ensureDatabases(base, names, { log });
    const roles = await pgLib.ensureServiceRoles(base, names, { log });
    const connect = async (url: string) => {
      const c = new Client({ connectionString: url });
      await c.connect();
      return c;
    };
    const owner = await connect(roles[names[0]].ownerUrl);
    await owner.query(`CREATE TABLE things (id int PRIMARY KEY, name text)`);
    await owner.end();
    const app = await connect(roles[names[0]].appUrl);
    try {
      await app.query(`INSERT INTO things VALUES (1, '光伏')`);
      expect((await app.query(`SELECT name FROM things`)).rows).toEqual([{ name: '光伏' }]);
      await expect(app.query(`CREATE TABLE evil (id int)`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`DROP TABLE things`)).rejects.toThrow(/must be owner|permission denied/);
    } finally {
      await app.end();
    }
    // A service's role cannot even connect to another service's database.
    const wrongDb = roles[names[0]].appUrl.replace(`/${names[0]}`, `/${names[1]}`);
    await expect(connect(wrongDb)).rejects.toThrow(/permission denied|not permitted/);
  });
});
