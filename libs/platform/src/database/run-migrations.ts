import { DataSource } from 'typeorm';
import { DatabaseOptions, dataSourceOptions } from './typeorm-options';

const PLAIN_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * What the service's run-time role may do, granted by the schema owner right after its migrations: data
 * rights only (no DDL, no other database), on today's tables and on those later migrations create. The
 * deployments (deploy/docker, deploy/k8s) run migrations as `<service>` and the service as
 * `<service>_app` (DATABASE_APP_ROLE), like `npm start`'s `<db>_owner` / `<db>_app` roles.
 */
export function appRoleGrants(role: string, database: string): string[] {
  if (!PLAIN_NAME.test(role)) throw new Error(`DATABASE_APP_ROLE "${role}" is not a plain lower-case role name`);
  if (!PLAIN_NAME.test(database)) throw new Error(`database "${database}" is not a plain lower-case name`);
  const r = `"${role}"`;
  return [
    `REVOKE ALL ON DATABASE "${database}" FROM PUBLIC`,
    `GRANT CONNECT, TEMPORARY ON DATABASE "${database}" TO ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
  ];
}

/**
 * Body of every app's `migrate.ts` (run by `npm start` before the services start, and by the TypeORM
 * CLI through `data-source.ts`). An advisory lock makes concurrent runs (several instances) safe. With
 * `appRole`, the migrating (owner) role then grants that role its data rights (appRoleGrants).
 */
export async function runMigrations(o: DatabaseOptions, service: string, { appRole }: { appRole?: string } = {}): Promise<void> {
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
    if (appRole) {
      const [{ db }] = await dataSource.query('SELECT current_database() AS db');
      for (const sql of appRoleGrants(appRole, db)) await dataSource.query(sql);
      console.log(`${service}: ${appRole} may read and write the data (no DDL)`);
    }
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
  runMigrations(o, service, { appRole: process.env.DATABASE_APP_ROLE || undefined }).then(
    () => process.exit(0),
    (err) => {
      console.error(String((err as Error).message ?? err));
      process.exit(1);
    },
  );
}
