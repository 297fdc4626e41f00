import { Client } from 'pg';
import { DataSource, DataSourceOptions, MixedList } from 'typeorm';

/** Server URL without a database; `deploy/local/test.mjs` exports it as TEST_DATABASE_URL. */
export function testServerUrl(): string {
  return (process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');
}

/**
 * Drops and re-creates `techbridge_<name>_test` so every test file starts from an empty schema.
 * Test databases always end in `_test`: tests never touch what `npm start` uses. TEST_DB_TAG, when set,
 * goes into every name so that two test runs on one Postgres (two checkouts) do not drop each other's.
 */
export async function freshTestDatabase(name: string): Promise<string> {
  const tag = process.env.TEST_DB_TAG ? `${process.env.TEST_DB_TAG}_` : '';
  const database = `techbridge_${`${tag}${name}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_test`;
  const admin = new Client({ connectionString: `${testServerUrl()}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  return `${testServerUrl()}/${database}`;
}

export interface TestDataSourceOptions {
  entities: MixedList<any>;
  migrations: MixedList<any>;
}

/** A migrated DataSource on a fresh test database (schema from migrations, as in production). */
export async function createTestDataSource(
  name: string,
  options: TestDataSourceOptions,
): Promise<{ dataSource: DataSource; url: string }> {
  const url = await freshTestDatabase(name);
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: options.entities,
    migrations: options.migrations,
    synchronize: false,
    logging: false,
  } as DataSourceOptions);
  await dataSource.initialize();
  await dataSource.runMigrations();
  return { dataSource, url };
}
