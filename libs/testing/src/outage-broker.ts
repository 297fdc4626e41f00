import path from 'node:path';

/* eslint-disable @typescript-eslint/no-require-imports */
const kafkaLib = require(path.resolve(__dirname, '../../../deploy/local/kafka.cjs'));
const TOPICS_JSON = path.resolve(__dirname, '../../contracts/src/topics.json');

/**
 * A private Kafka broker (instance `outage-<name>` of deploy/local/kafka.cjs, on its own port) that a
 * test may stop and start again without disturbing the shared test broker. Topics survive a restart
 * (same data directory); the first start is from an empty one. ~8–10 s per start.
 */
export class OutageBroker {
  brokers = '';
  private stopFn?: () => Promise<void>;
  private readonly instance: string;

  constructor(
    name: string,
    private readonly preferredPort: number,
    /** Extra server.properties lines, e.g. `{ 'log.cleaner.backoff.ms': 100 }` for compaction tests. */
    private readonly overrides: Record<string, string | number> = {},
    /** SASL/SCRAM-SHA-512 on the client listener, with this super user (created at format time). */
    private readonly sasl?: { username: string; password: string },
  ) {
    this.instance = `outage-${name}`;
  }

  async start({ fresh = false } = {}): Promise<string> {
    const env = { ...process.env };
    delete env.KAFKA_BROKERS;
    delete env.KAFKA_PORT;
    const started = await kafkaLib.ensureKafka({ instance: this.instance, preferredPort: this.preferredPort, env, fresh, overrides: this.overrides, sasl: this.sasl, log: () => undefined });
    this.brokers = started.brokers;
    this.stopFn = started.stop;
    await kafkaLib.ensureTopics(this.brokers, TOPICS_JSON, { log: () => undefined, sasl: this.sasl });
    return this.brokers;
  }

  /** Stops the broker process (graceful). */
  async stop(): Promise<void> {
    await this.stopFn?.();
    this.stopFn = undefined;
    await kafkaLib.stopKafka(this.instance, { log: () => undefined });
  }
}
