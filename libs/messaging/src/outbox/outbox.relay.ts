import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { IHeaders, Kafka, Message, Producer } from 'kafkajs';
import { MessagingLogger, consoleLogger } from '../kafka/kafka.factory';
import { OUTBOX_CHANNEL } from './outbox.publisher';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  /** Connection string of the same database, used for the dedicated LISTEN connection. */
  databaseUrl: string;
  kafka: Kafka;
  logger?: MessagingLogger;
  batchSize?: number;
  /** Safety net for a missed NOTIFY (e.g. while the LISTEN connection was reconnecting). */
  fallbackPollMs?: number;
  /** Published rows are kept this long for diagnosis, then deleted. */
  retentionHours?: number;
}

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  payload: unknown;
  headers: Record<string, string>;
}

/** Any constant works; it only has to be the same for every relay of one database. */
const RELAY_LOCK_KEY = 748_201_117;

/**
 * Publishes committed outbox rows to Kafka, in `seq` order, with the idempotent producer and acks=all.
 *
 * Ordering across several relay instances: each drain runs under a transaction-scoped advisory lock, so
 * only one relay publishes at a time and rows go out in commit order per key. The others skip (they
 * were woken too and will drain once the lock is free). A row is marked published only after Kafka
 * acknowledged it; a crash in between republishes it, which consumers absorb through their inbox.
 */
export class OutboxRelay {
  private readonly logger: MessagingLogger;
  private readonly batchSize: number;
  private producer?: Producer;
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private wakeRequested = false;
  private stopped = true;
  private failures = 0;
  private lastCleanup = 0;
  private publishedCount = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? consoleLogger;
    this.batchSize = options.batchSize ?? 500;
  }

  get published(): number {
    return this.publishedCount;
  }

  async start(): Promise<void> {
    this.stopped = false;
    // Bounded retries (instead of kafkajs' infinite ones for idempotent producers) so that a broker
    // outage surfaces here, the transaction rolls back and the rows are retried from the table.
    this.producer = this.options.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2000 },
    });
    await this.producer.connect();
    await this.listen();
    this.timer = setInterval(() => this.wake(), this.options.fallbackPollMs ?? 1000);
    this.timer.unref();
    this.wake();
  }

  /** Stop waking, publish what is already committed (best effort), disconnect. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.retryTimer);
    await this.draining;
    try {
      await this.drainOnce();
    } catch (err) {
      this.logger.warn(`outbox relay: final flush failed, rows stay pending for the next start: ${String(err)}`);
    }
    await this.listener?.end().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
  }

  /** Resolves once everything committed before the call has been published (tests, shutdown). */
  async flush(): Promise<void> {
    while (!this.stopped) {
      await this.draining;
      const [{ pending }] = await this.options.dataSource.query(
        `SELECT count(*)::int AS pending FROM outbox_messages WHERE published_at IS NULL`,
      );
      if (pending === 0) return;
      this.wake();
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.wakeRequested = true;
      return;
    }
    this.draining = this.drainLoop().finally(() => {
      this.draining = undefined;
    });
  }

  private async drainLoop(): Promise<void> {
    do {
      this.wakeRequested = false;
      try {
        let sent: number;
        do {
          sent = await this.drainOnce();
        } while (sent === this.batchSize && !this.stopped);
        if (this.failures > 0) this.logger.log(`outbox relay: publishing again after ${this.failures} failed attempt(s)`);
        this.failures = 0;
        await this.cleanup();
      } catch (err) {
        this.failures += 1;
        const delay = Math.min(100 * 2 ** (this.failures - 1), 5000);
        if (this.failures === 1 || this.failures % 10 === 0) {
          this.logger.warn(`outbox relay: publish failed (attempt ${this.failures}), retrying in ${delay} ms: ${String(err)}`);
        }
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => this.wake(), delay);
        return;
      }
    } while (this.wakeRequested && !this.stopped);
  }

  private async drainOnce(): Promise<number> {
    const producer = this.producer;
    if (!producer) return 0;
    return this.options.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [RELAY_LOCK_KEY]);
      if (!locked) return 0;
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, topic, key, payload, headers FROM outbox_messages
          WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      await producer.sendBatch({ acks: -1, topicMessages: groupByTopic(rows) });
      await manager.query(`UPDATE outbox_messages SET published_at = now() WHERE id = ANY($1::uuid[])`, [
        rows.map((r) => r.id),
      ]);
      this.publishedCount += rows.length;
      return rows.length;
    });
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.options.databaseUrl });
    client.on('notification', () => this.wake());
    client.on('error', (err) => {
      this.logger.warn(`outbox relay: LISTEN connection lost (${err.message}); polling until it is back`);
      this.reconnectListener();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
    } catch (err) {
      await client.end().catch(() => undefined);
      this.logger.warn(`outbox relay: cannot LISTEN (${String(err)}); polling until it can`);
      this.reconnectListener();
    }
  }

  private reconnectListener(): void {
    if (this.stopped) return;
    const old = this.listener;
    this.listener = undefined;
    old?.end().catch(() => undefined);
    setTimeout(() => void this.listen(), 1000).unref();
  }

  private async cleanup(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 3_600_000) return;
    this.lastCleanup = now;
    const hours = this.options.retentionHours ?? 72;
    await this.options.dataSource.query(
      `DELETE FROM outbox_messages WHERE published_at < now() - make_interval(hours => $1)`,
      [hours],
    );
  }
}

function groupByTopic(rows: OutboxRow[]): { topic: string; messages: Message[] }[] {
  const byTopic = new Map<string, Message[]>();
  for (const row of rows) {
    const payload = typeof row.payload === 'string' ? row.payload : JSON.stringify(row.payload);
    const parsed = typeof row.payload === 'string' ? JSON.parse(row.payload) : (row.payload as any);
    const headers: IHeaders = { ...row.headers, 'ce-type': String(parsed.type), 'ce-id': String(parsed.id) };
    const list = byTopic.get(row.topic) ?? [];
    list.push({ key: row.key, value: payload, headers });
    byTopic.set(row.topic, list);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
