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
};
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
});
