/** Small Postgres helpers shared by the bench sections that run real services on the `_bench` databases. */
import { Client } from 'pg';

/** An empty `public` schema: the next migration run starts from nothing. */
export async function resetDatabase(url: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('DROP SCHEMA IF EXISTS public CASCADE');
    await c.query('CREATE SCHEMA public');
  } finally {
    await c.end();
  }
}

/** The first column of the first row. */
export async function scalar<T = number>(url: string, sql: string, params: unknown[] = []): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(sql, params);
    return Object.values(r.rows[0] ?? {})[0] as T;
  } finally {
    await c.end();
  }
}
