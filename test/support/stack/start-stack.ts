import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { DataSource, DataSourceOptions } from 'typeorm';
import { freshTestDatabase } from '@techbridge/testing';
import { testBrokers } from '@techbridge/testing';
import { SERVICE_TABLE, ServiceName } from './services';

/** The operator key every test stack is configured with (≥ 32 characters, as production requires). */
export const TEST_ADMIN_API_KEY = 'test-admin-4b1f0c2e9d8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c';

/** Nothing listens on port 1: a service the stack did not start answers 503 through the gateway. */
const ABSENT_SERVICE_URL = 'http://127.0.0.1:1';

export interface StackOptions {
  services: ServiceName[];
  /** Extra environment for every service (e.g. REGISTRATION_RATE_LIMIT). */
  env?: Record<string, string>;
  /** Extra environment per service, applied after `env`. */
  serviceEnv?: Partial<Record<ServiceName, Record<string, string>>>;
  /** Distinguishes the databases of two stacks alive at the same time (default 'e2e'). */
  name?: string;
}

export interface Stack {
  gatewayUrl: string;
  /** Direct URLs of the started services (bypassing the gateway). */
  urls: Partial<Record<ServiceName, string>>;
  databaseUrls: Partial<Record<ServiceName, string>>;
  apps: Partial<Record<ServiceName, INestApplication>>;
  adminKey: string;
  stop(): Promise<void>;
}

async function migrate(url: string, entities: any, migrations: any): Promise<void> {
  const ds = new DataSource({ type: 'postgres', url, entities, migrations, synchronize: false, logging: false } as DataSourceOptions);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

/**
 * Starts the requested services in this process, each on a fresh `_test` database with its
 * migrations applied and on a free port, then the gateway in front of them. Kafka is the shared test
 * broker (KAFKA_BROKERS). Call `stop()` in afterAll.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const tag = (options.name ?? 'e2e').replace(/[^a-z0-9_]/gi, '_');
  const apps: Partial<Record<ServiceName, INestApplication>> = {};
  const urls: Partial<Record<ServiceName, string>> = {};
  const databaseUrls: Partial<Record<ServiceName, string>> = {};
  let gateway: { close(): Promise<unknown> } | undefined;

  const stop = async () => {
    await gateway?.close().catch(() => undefined);
    for (const name of [...options.services].reverse()) await apps[name]?.close().catch(() => undefined);
  };

  try {
    for (const name of options.services) {
      const service = await SERVICE_TABLE[name]();
      const databaseUrl = await freshTestDatabase(`${tag}_${name}`);
      databaseUrls[name] = databaseUrl;
      await migrate(databaseUrl, service.entities, service.migrations);
      const config = service.loadConfig({
        NODE_ENV: 'test',
        PORT: '1', // the schema wants a valid port; we listen on 0 below
        HOST: '127.0.0.1',
        LOG_LEVEL: process.env.STACK_LOG_LEVEL ?? 'warn',
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: testBrokers(),
        ADMIN_API_KEY: TEST_ADMIN_API_KEY,
        ...options.env,
        ...options.serviceEnv?.[name],
      });
      const app = await service.createApp(config);
      apps[name] = app;
      await app.listen(0, '127.0.0.1');
      urls[name] = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    }

    // Imported from the app (test-only code may import apps; see .dependency-cruiser.cjs).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createGatewayApp } = require('../../../apps/gateway/src/main');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { gatewayConfigSchema } = require('../../../apps/gateway/src/config');
    const gw = await createGatewayApp(
      gatewayConfigSchema.parse({
        PORT: '0',
        LOG_LEVEL: process.env.STACK_LOG_LEVEL ?? 'silent',
        PROFILES_URL: urls.profiles ?? ABSENT_SERVICE_URL,
        CATALOG_URL: urls.catalog ?? ABSENT_SERVICE_URL,
        MATCHING_URL: urls.matching ?? ABSENT_SERVICE_URL,
        WORKSHOPS_URL: urls.workshops ?? ABSENT_SERVICE_URL,
      }),
    );
    gateway = gw;
    await gw.listen({ port: 0, host: '127.0.0.1' });
    const gatewayUrl = `http://127.0.0.1:${(gw.server.address() as AddressInfo).port}`;
    return { gatewayUrl, urls, databaseUrls, apps, adminKey: TEST_ADMIN_API_KEY, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
