import { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { NeedSnapshotV1, OfferSnapshotV1, createEnvelope, encodeEvent, sourceOf } from '@techbridge/contracts';
import { createKafka } from '@techbridge/messaging';
import { OutageBroker, freshTestDatabase } from '@techbridge/testing';
import { loadMatchingConfig } from '../../../apps/matching/src/config';
import { MATCHING_ENTITIES, MATCHING_MIGRATIONS } from '../../../apps/matching/src/database';
import { createMatchingApp } from '../../../apps/matching/src/main';

export type MatchingApp = Awaited<ReturnType<typeof createMatchingApp>>;

/** Deterministic shuffle (a seeded LCG), so a failing run can be reproduced. */
export function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * What matching's integration tests share: a private broker (so a test's group offsets and topics are
 * its own), an idempotent producer that publishes catalog events as catalog would, a fresh migrated
 * matching database, and the matching app on both.
 */
export class MatchingHarness {
  readonly broker: OutageBroker;
  kafka!: Kafka;
  producer!: Producer;
  db!: DataSource;
  databaseUrl!: string;
  app?: MatchingApp;

  constructor(
    private readonly name: string,
    port: number,
  ) {
    this.broker = new OutageBroker(`matching-${name}`, port);
  }

  /** Broker, producer and database; the app is started separately (a test may seed the database first). */
  async start(): Promise<this> {
    await this.broker.start({ fresh: true });
    this.kafka = createKafka(this.broker.brokers, `matching-${this.name}`, quiet);
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await this.producer.connect();
    this.databaseUrl = await freshTestDatabase(`matching_${this.name.replace(/-/g, '_')}`);
    this.db = new DataSource({ type: 'postgres', url: this.databaseUrl, entities: MATCHING_ENTITIES, migrations: MATCHING_MIGRATIONS } as any);
    await this.db.initialize();
    await this.db.runMigrations();
    return this;
  }

  async startApp(env: Record<string, string> = {}): Promise<MatchingApp> {
    this.app = await createMatchingApp(
      loadMatchingConfig({
        NODE_ENV: 'test',
        PORT: '1',
        HOST: '127.0.0.1',
        DATABASE_URL: this.databaseUrl,
        KAFKA_BROKERS: this.broker.brokers,
        ADMIN_API_KEY: `test-admin-key-for-matching-${this.name}-0123456789`,
        LOG_LEVEL: 'warn',
        ...env,
      }),
    );
    await this.app.listen(0, '127.0.0.1');
    return this.app;
  }

  /** A catalog event keyed by its item, as catalog's relay sends it. */
  publish(topic: string, type: string, data: OfferSnapshotV1 | NeedSnapshotV1) {
    return this.producer.send({
      topic,
      acks: -1,
      messages: [{ key: data.id, value: encodeEvent(createEnvelope({ type, source: sourceOf('catalog'), subject: data.id, data })) }],
    });
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.producer?.disconnect();
    await this.db?.destroy();
    await this.broker.stop();
  }
}
