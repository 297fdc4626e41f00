import { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { DataSourceOptions, MixedList } from 'typeorm';
import { QuietQueryLogger } from './quiet-query.logger';

export interface DatabaseOptions {
  url: string;
  entities: MixedList<any>;
  migrations: MixedList<any>;
  poolSize?: number;
}

/**
 * Every pooled connection keeps an 'error' listener for its whole life. pg-pool listens only while a
 * connection is idle and TypeORM only until it releases the query runner, so a session terminated
 * under a checked-out connection (pg_terminate_backend, a failover) emitted a second 'error' nobody
 * listened to, and the process crashed. The statement in flight still fails (→ 503, or an inbox
 * retry) and the pool drops the dead connection when it is released.
 */
function keepErrorsHandled(client: { on(event: 'error', listener: (err: Error) => void): unknown }): void {
  client.on('error', () => undefined);
}

/** Schema comes only from migrations: synchronize is off, migrations run from `migrate.ts`. */
export function dataSourceOptions(o: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: o.url,
    entities: o.entities,
    migrations: o.migrations,
    synchronize: false,
    migrationsRun: false,
    // Failed queries, without their parameters (contact details) and without the ones answered as 4xx.
    logging: ['error', 'warn', 'migration'],
    logger: new QuietQueryLogger(),
    maxQueryExecutionTime: 1000,
    // Fail fast when Postgres is down so the API answers 503 instead of hanging.
    extra: { max: o.poolSize ?? 20, connectionTimeoutMillis: 2000, idleTimeoutMillis: 30000, onConnect: keepErrorsHandled },
  } as DataSourceOptions;
}

export function typeOrmModuleOptions(o: DatabaseOptions): TypeOrmModuleOptions {
  return { ...dataSourceOptions(o), retryAttempts: 3, retryDelay: 1000 } as TypeOrmModuleOptions;
}
