import { DataSource } from 'typeorm';
import { DatabaseOptions, dataSourceOptions } from './typeorm-options';

/**
 * Body of every app's `migrate.ts` (run by `npm start` before the services start, and by the TypeORM
 * CLI through `data-source.ts`). An advisory lock makes concurrent runs (several instances) safe.
 */
export async function runMigrations(o: DatabaseOptions, service: string): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(o));
  try {
    await dataSource.initialize();
  } catch (err) {
    throw new Error(`${service}: cannot connect to ${redact(o.url)} (${(err as Error).message}). Is Postgres running and does the database exist?`, { cause: err });
  }
  try {
    await dataSource.query(`SELECT pg_advisory_lock(hashtext('techbridge-migrations'))`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(`${service}: ${applied.length} migration(s) applied${applied.length ? `: ${applied.map((m) => m.name).join(', ')}` : ''}`);
  } finally {
    await dataSource.query(`SELECT pg_advisory_unlock(hashtext('techbridge-migrations'))`).catch(() => undefined);
    await dataSource.destroy();
  }
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

/** Entry point helper: run, print one sentence on failure, exit with a status. */
export function migrateMain(o: DatabaseOptions, service: string): void {
  runMigrations(o, service).then(
    () => process.exit(0),
    (err) => {
      console.error(String((err as Error).message ?? err));
      process.exit(1);
    },
  );
}
