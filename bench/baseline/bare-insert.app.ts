/**
 * The throughput baseline: a bare NestJS 12 + Fastify app with one endpoint that inserts one row in
 * Postgres. No validation, no auth, no outbox — only what every POST needs at the bottom.
 *   PORT=… DATABASE_URL=postgres://…/db node dist/bench/baseline/bare-insert.app.js
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Module, OnApplicationShutdown, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';

const POOL = Symbol('POOL');

@Controller()
class BareController {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  @Post('items')
  @HttpCode(201)
  async create(@Body() body: Record<string, unknown>) {
    const id = randomUUID();
    await this.pool.query('INSERT INTO bare_items (id, body) VALUES ($1, $2)', [
      id,
      JSON.stringify(body ?? {}),
    ]);
    return { id };
  }

  @Get('health')
  health() {
    return { status: 'ok' };
  }
}

@Module({
  controllers: [BareController],
  // The same pool size the services use (libs/platform typeorm-options: max 20).
  providers: [
    { provide: POOL, useFactory: () => new Pool({ connectionString: process.env.DATABASE_URL, max: 20 }) },
  ],
})
class BareModule implements OnApplicationShutdown {
  constructor(@Inject(POOL) private readonly pool: Pool) {}
  async onApplicationShutdown() {
    await this.pool.end();
  }
}

export async function createBareInsertApp(): Promise<NestFastifyApplication> {
  const setup = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  await setup.query(
    'CREATE TABLE IF NOT EXISTS bare_items (id uuid PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())',
  );
  await setup.end();
  const app = await NestFactory.create<NestFastifyApplication>(
    BareModule,
    new FastifyAdapter({ bodyLimit: 1_048_576 }),
    { logger: ['error', 'warn'] },
  );
  app.enableShutdownHooks();
  return app;
}

if (require.main === module) {
  createBareInsertApp()
    .then((app) => app.listen(Number(process.env.PORT ?? 3999), process.env.HOST ?? '127.0.0.1'))
    .catch((err) => {
      console.error(`bare-insert: cannot start — ${(err as Error).message}`);
      process.exit(1);
    });
}
