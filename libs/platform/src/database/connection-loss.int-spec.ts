import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { freshTestDatabase, testServerUrl, waitFor } from '@techbridge/testing';
import { isDependencyOutage } from '../errors/dependency-outage';
import { dataSourceOptions } from './typeorm-options';

/**
 * Found by `npm run test:faults` (pg-terminate): an operator's pg_terminate_backend under a request's
 * transaction crashed catalog and matching (an 'error' event on a checked-out pg client with no
 * listener) and answered 500 before that (TypeORM's "query runner already released" was not seen as an
 * outage); a database refusing connections answered 500 too.
 */
describe('Postgres connections lost or refused under a service (real Postgres)', () => {
  let url: string;
  let database: string;
  let ds: DataSource;
  const uncaught: unknown[] = [];
  const onUncaught = (err: unknown) => uncaught.push(err);

  const admin = async (sql: string, params: unknown[] = []) => {
    const c = new Client({ connectionString: `${testServerUrl()}/postgres` });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows;
    } finally {
      await c.end();
    }
  };
  const terminateAll = () =>
    admin(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database],
    );

  beforeAll(async () => {
    url = await freshTestDatabase('platform_connection_loss');
    database = new URL(url).pathname.slice(1);
    process.on('uncaughtException', onUncaught);
    ds = new DataSource(dataSourceOptions({ url, entities: [], migrations: [] }));
    await ds.initialize();
    await ds.query('CREATE TABLE items (id int PRIMARY KEY)');
  });

  afterAll(async () => {
    await admin(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
    await ds?.destroy().catch(() => undefined);
    process.off('uncaughtException', onUncaught);
  });

  it('a session terminated inside a transaction fails that transaction as an outage, the process survives, the next request succeeds', async () => {
    let seen: unknown;
    const tx = ds.transaction(async (m) => {
      await m.query('INSERT INTO items (id) VALUES (1)');
      await terminateAll();
      // The connection is gone while this transaction holds it: its next statement must fail.
      await waitFor(
        () =>
          m.query('SELECT 1').then(
            () => false,
            () => true,
          ),
        Boolean,
        { timeoutMs: 5000, what: 'the terminated session to surface' },
      );
      await m.query('INSERT INTO items (id) VALUES (2)');
    });
    await tx.then(
      () => undefined,
      (err) => (seen = err),
    );
    expect(seen).toBeDefined();
    expect(isDependencyOutage(seen)).toBe(true);
    // Give the dead client's trailing events time to arrive: none may escape as an uncaught error.
    await waitFor(
      () => ds.query('SELECT 1 AS ok'),
      (rows: any) => rows?.[0]?.ok === 1,
      { what: 'a fresh connection from the pool' },
    );
    await terminateAll();
    await waitFor(
      () => ds.query('SELECT count(*)::int AS n FROM items'),
      (rows: any) => rows?.[0]?.n === 0,
      { what: 'the pool after a second termination' },
    );
    expect(uncaught).toEqual([]);
  });

  it('sessions terminated again and again under busy transactions never crash the process, and the pool serves again afterwards', async () => {
    let stop = false;
    const failures: unknown[] = [];
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        await ds
          .transaction(async (m) => {
            await m.query('INSERT INTO items (id) VALUES ($1) ON CONFLICT DO NOTHING', [
              1000 + w * 100000 + i,
            ]);
            await m.query(`SELECT pg_notify('connection_loss_test', $1)`, [String(i)]);
            await new Promise((r) => setImmediate(r));
            await m.query('SELECT count(*) FROM items');
          })
          .catch((err) => failures.push(err));
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    for (let round = 0; round < 20; round++) {
      await terminateAll();
      await new Promise((r) => setTimeout(r, 50));
    }
    stop = true;
    await Promise.all(workers);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.filter((f) => !isDependencyOutage(f)).map(String)).toEqual([]);
    await waitFor(
      () => ds.query('SELECT 1 AS ok'),
      (rows: any) => rows?.[0]?.ok === 1,
      { what: 'a fresh connection from the pool' },
    );
    expect(uncaught).toEqual([]);
  });

  it('a database refusing connections is an outage (503), and the pool recovers once it accepts them again', async () => {
    await admin(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS false`);
    await terminateAll();
    const err = await ds.query('SELECT 1').then(
      () => undefined,
      (e) => e,
    );
    expect(err).toBeDefined();
    expect(isDependencyOutage(err)).toBe(true);
    await admin(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS true`);
    await expect(ds.query('SELECT 1 AS ok')).resolves.toEqual([{ ok: 1 }]);
    expect(uncaught).toEqual([]);
  });
});
