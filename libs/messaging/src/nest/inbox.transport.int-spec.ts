import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Controller, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EnterpriseSnapshotV1, EventEnvelope, EventTypes, Topics, createEnvelope, dlqTopicOf, encodeEvent, sourceOf } from '@techbridge/contracts';
import { serviceCoreImports } from '@techbridge/platform';
import { TopicCollector, freshTestDatabase, testBrokers, waitFor } from '@techbridge/testing';
import { InboxConsumerRegistry, InboxContext, InboxTransport, MESSAGING_ENTITIES, MESSAGING_MIGRATIONS, MessagingModule, createKafka, startInboxTransport } from '../index';

jest.setTimeout(120_000);

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
let service = '';

/** Handlers the way every service declares them. */
@Controller()
class EnterpriseEventsController {
  @EventPattern([EventTypes.EnterpriseRegistered])
  async registered(@Payload() event: EventEnvelope<EnterpriseSnapshotV1>, @Ctx() ctx: InboxContext): Promise<void> {
    await ctx.manager.query(`INSERT INTO seen (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, [event.data.enterpriseId, event.data.englishName]);
    // A failing handler: its write above must roll back, and its error reach the inbox consumer as is.
    if (event.data.englishName.startsWith('FAIL')) throw Object.assign(new Error('handler bug: cannot apply'), { name: 'HandlerBug' });
  }

  @EventPattern([EventTypes.EnterpriseUpdated], { group: 'audit' })
  async updated(@Payload() event: EventEnvelope<EnterpriseSnapshotV1>, @Ctx() ctx: InboxContext): Promise<void> {
    await ctx.manager.query(`INSERT INTO seen (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`, [event.data.enterpriseId, `audit:${event.data.englishName}`]);
  }
}

function snapshot(name: string): EnterpriseSnapshotV1 {
  return {
    enterpriseId: randomUUID(),
    legalName: '测试有限公司',
    englishName: name,
    country: 'CN',
    region: 'CN-YN',
    organisationType: 'company',
    sizeBand: null,
    sectors: ['energy/solar-pv'],
    languages: ['zh-Hans'],
    website: null,
    status: 'active',
    version: 1,
    updatedAt: new Date().toISOString(),
  };
}

/**
 * The Nest transport keeps the inbox consumer's guarantees: @EventPattern handlers run in the inbox
 * transaction (ctx.manager), a handler error is retried and dead-lettered with its own message (not
 * Nest's "Internal server error"), and `group` extras make consumer groups of their own.
 */
describe('inbox transport for @EventPattern handlers (integration)', () => {
  let app: INestApplication;
  let db: DataSource;
  let producer: Producer;
  let dlq: TopicCollector;

  beforeAll(async () => {
    service = `transport-test-${randomUUID().slice(0, 8)}`;
    const url = await freshTestDatabase('messaging_transport');
    @Module({
      imports: [
        ...serviceCoreImports(service, { LOG_LEVEL: 'error', DATABASE_URL: url }, { entities: MESSAGING_ENTITIES, migrations: MESSAGING_MIGRATIONS }),
        MessagingModule.forRootAsync({ useFactory: () => ({ service, brokers: testBrokers(), databaseUrl: url }) }),
      ],
      controllers: [EnterpriseEventsController],
    })
    class TestModule {}
    app = await NestFactory.create(TestModule, new FastifyAdapter(), { logger: false });
    db = app.get(DataSource);
    await db.runMigrations();
    await db.query(`CREATE TABLE seen (id uuid PRIMARY KEY, name text NOT NULL)`);
    await app.init();
    const kafka = createKafka(testBrokers(), 'transport-test', quiet);
    dlq = await new TopicCollector(kafka, [dlqTopicOf(Topics.ProfilesEnterprise)]).start();
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await startInboxTransport(app);
  });
  afterAll(async () => {
    await producer?.disconnect();
    await dlq?.stop();
    await app?.close();
  });

  /** Returns the event's id. */
  const send = async (type: string, data: EnterpriseSnapshotV1): Promise<string> => {
    const envelope = createEnvelope({ type, source: sourceOf('profiles'), subject: data.enterpriseId, data });
    await producer.send({ topic: Topics.ProfilesEnterprise, acks: -1, messages: [{ key: data.enterpriseId, value: encodeEvent(envelope) }] });
    return envelope.id;
  };

  it('builds one consumer per group, with the topics of its event types', () => {
    const options = app.get(InboxTransport).consumerOptions();
    expect(options.map((o) => [o.consumer, o.topics, Object.keys(o.handlers)])).toEqual([
      [service, [Topics.ProfilesEnterprise], [EventTypes.EnterpriseRegistered]],
      [`${service}.audit`, [Topics.ProfilesEnterprise], [EventTypes.EnterpriseUpdated]],
    ]);
    expect(app.get(InboxConsumerRegistry).consumers.map((c) => c.name).sort()).toEqual([service, `${service}.audit`]);
  });

  it('applies a handler’s writes in the inbox transaction, once', async () => {
    const ok = snapshot('Yunnan Solar');
    const registered = await send(EventTypes.EnterpriseRegistered, ok);
    const updated = await send(EventTypes.EnterpriseUpdated, { ...ok, englishName: 'Yunnan Solar Co.', version: 2 });
    // The two groups run independently (and the shared topic may hold earlier tests' events before
    // these): wait until each group committed its own event of these two.
    const inbox = await waitFor(
      () => db.query(`SELECT consumer, event_id FROM inbox_messages WHERE event_id = ANY($1::uuid[]) ORDER BY consumer`, [[registered, updated]]),
      (r: unknown[]) => r.length === 2,
      { what: 'both groups applied their event', timeoutMs: 60_000 },
    );
    expect(inbox).toEqual([
      { consumer: service, event_id: registered },
      { consumer: `${service}.audit`, event_id: updated },
    ]);
    // The registration handler inserts (DO NOTHING on conflict), the audit handler upserts: whatever the order, this.
    expect(await db.query(`SELECT name FROM seen WHERE id = $1`, [ok.enterpriseId])).toEqual([{ name: 'audit:Yunnan Solar Co.' }]);
  });

  it('rolls a failing handler back and dead-letters it with its own error after the retries', async () => {
    const bad = snapshot('FAIL on purpose');
    await send(EventTypes.EnterpriseRegistered, bad);
    const [dead] = await waitFor(
      () => dlq.of(dlqTopicOf(Topics.ProfilesEnterprise)).filter((m) => m.key === bad.enterpriseId),
      (l) => l.length === 1,
      { what: 'the dead letter', timeoutMs: 60_000 },
    );
    expect(dead.headers['x-error']).toBe('handler bug: cannot apply');
    expect(dead.headers['x-error-class']).toBe('HandlerBug');
    expect(dead.headers['x-attempts']).toBe('5');
    expect(await db.query(`SELECT 1 FROM seen WHERE id = $1`, [bad.enterpriseId])).toEqual([]);
  });
});
