import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { IHeaders, Kafka, Message, Producer } from 'kafkajs';
import { MessagingLogger, consoleLogger } from '../kafka/kafka.factory';
import { isPermanentProducerError, isProducerSessionError, producerErrorText } from '../kafka/producer-errors';
import { endProducerSpan, startProducerSpan } from '../tracing/event-trace';
import { OUTBOX_CHANNEL } from './outbox.publisher';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  /** Connection string of the same database, used for the dedicated LISTEN connection. */
  databaseUrl: string;
  kafka: Kafka;
  logger?: MessagingLogger;
  /** Rows read per drain (one database transaction). */
  batchSize?: number;
  /**
   * Bytes of message values per produce request. Kafka refuses a record batch over the broker's
   * `message.max.bytes` (1 MiB by default) as a whole, so one request stays below it.
   */
  maxRequestBytes?: number;
  /** A row that fails this many drains with a permanent broker error is parked. */
  parkAfterAttempts?: number;
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
  attempts: number;
}

interface PreparedRow {
  row: OutboxRow;
  message: Message;
  bytes: number;
  eventId: string;
  eventType: string;
}

interface DrainResult {
  /** Rows read from the table (the drain loop goes on while batches are full). */
  read: number;
  sent: number;
  /** Rows that failed permanently this time but are not parked yet: try again after a pause. */
  deferred: number;
  /** A connection-level failure: everything not yet sent stays pending. */
  transient?: unknown;
}

export interface OutboxStats {
  connected: boolean;
  pending: number;
  parked: number;
  /** Age of the oldest row waiting to be published (0 when none). */
  oldestPendingMs: number;
}

/** Any constant works; it only has to be the same for every relay of one database. */
const RELAY_LOCK_KEY = 748_201_117;

/**
 * Publishes committed outbox rows to Kafka with the idempotent producer and acks=all.
 *
 * Order: rows of one key are published in `seq` order, the order their transactions inserted them.
 * For one aggregate that is its commit order, because every writer here holds the aggregate's row
 * lock (or advisory lock) while it inserts the row. Across keys there is no order. Several relay
 * instances drain under a transaction-scoped advisory lock, so they never interleave.
 *
 * One bad row does not stop the others: a request that fails with a permanent broker error (topic
 * unknown, record too large …) is split into single rows; the rows that still fail are retried on
 * later drains and parked after `parkAfterAttempts` (a row larger than a request at once) — kept in
 * the table with the error, counted in `stats()`, skipped by the relay. Later rows of a parked row's
 * key still go out: every event on our compacted topics is a full snapshot, so the newest state
 * arrives. A row is marked published only after Kafka acknowledged it; a crash in between republishes
 * it, which consumers absorb through their inbox.
 *
 * The relay starts without Kafka: it connects in the background and drains once it can.
 */
export class OutboxRelay {
  private readonly logger: MessagingLogger;
  private readonly batchSize: number;
  private readonly maxRequestBytes: number;
  private readonly parkAfterAttempts: number;
  private producer?: Producer;
  private connected = false;
  private connecting?: Promise<void>;
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private wakeRequested = false;
  private stopped = true;
  private failures = 0;
  private lastCleanup = 0;
  private publishedCount = 0;
  private parkedCount = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? consoleLogger;
    this.batchSize = options.batchSize ?? 500;
    this.maxRequestBytes = options.maxRequestBytes ?? 900_000;
    this.parkAfterAttempts = options.parkAfterAttempts ?? 3;
  }

  /** Rows this instance published since it started. */
  get published(): number {
    return this.publishedCount;
  }

  /** Rows this instance parked since it started. */
  get parked(): number {
    return this.parkedCount;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** Returns at once; the Kafka connection is made in the background (and retried) if the broker is down. */
  async start(): Promise<void> {
    this.stopped = false;
    this.producer = this.newProducer();
    await this.listen();
    this.timer = setInterval(() => this.wake(), this.options.fallbackPollMs ?? 1000);
    this.timer.unref();
    this.connecting = this.connectLoop();
  }

  private newProducer(): Producer {
    // Bounded retries (instead of kafkajs' infinite ones for idempotent producers) so that a broker
    // outage surfaces here, the drain stops and the rows are retried from the table.
    const producer = this.options.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2000 },
    });
    producer.on(producer.events.DISCONNECT, () => {
      if (producer !== this.producer) return; // a replaced session going away
      this.connected = false;
      if (!this.stopped && !this.connecting) this.connecting = this.connectLoop();
    });
    return producer;
  }

  /**
   * The broker no longer accepts this producer's sequence numbers: drop the session and start a new
   * one (a new producer id, sequences from 0). Rows the old session may have written without an ack
   * stay unpublished and go out again — at least once, as always; consumers absorb it in their inbox.
   */
  private async renewProducer(reason: string): Promise<void> {
    this.logger.warn(`outbox relay: the broker refused this producer session (${reason}); starting a new one`);
    const old = this.producer;
    this.connected = false;
    this.producer = this.newProducer();
    await old?.disconnect().catch(() => undefined);
    if (!this.stopped && !this.connecting) this.connecting = this.connectLoop();
  }

  /** A new producer session, connected now (inside a drain); the old one is disconnected. */
  private async freshSession(reason: string): Promise<Producer> {
    this.logger.warn(`outbox relay: the broker refused this producer session (${reason}); starting a new one`);
    const old = this.producer;
    const fresh = this.newProducer();
    await fresh.connect();
    this.producer = fresh;
    await old?.disconnect().catch(() => undefined);
    return fresh;
  }

  /** Stop waking, publish what is already committed (best effort), disconnect. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.retryTimer);
    await this.connecting;
    await this.draining;
    if (this.connected) {
      try {
        await this.drainOnce();
      } catch (err) {
        this.logger.warn(`outbox relay: final flush failed, rows stay pending for the next start: ${String(err)}`);
      }
    }
    await this.listener?.end().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    this.connected = false;
  }

  /** Resolves once everything committed before the call has been published or parked (tests, shutdown). */
  async flush(): Promise<void> {
    while (!this.stopped) {
      await this.draining;
      const [{ pending }] = await this.options.dataSource.query(
        `SELECT count(*)::int AS pending FROM outbox_messages WHERE published_at IS NULL AND parked_at IS NULL`,
      );
      if (pending === 0) return;
      this.wake();
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async stats(): Promise<OutboxStats> {
    const [row] = await this.options.dataSource.query(
      `SELECT count(*) FILTER (WHERE parked_at IS NULL)::int AS pending,
              count(*) FILTER (WHERE parked_at IS NOT NULL)::int AS parked,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE parked_at IS NULL)) * 1000, 0)::float8 AS oldest
         FROM outbox_messages WHERE published_at IS NULL`,
    );
    return { connected: this.connected, pending: row.pending, parked: row.parked, oldestPendingMs: Math.round(row.oldest) };
  }

  wake(): void {
    if (this.stopped || !this.connected) return;
    if (this.draining) {
      this.wakeRequested = true;
      return;
    }
    this.draining = this.drainLoop().finally(() => {
      this.draining = undefined;
    });
  }

  private async connectLoop(): Promise<void> {
    for (let attempt = 1; !this.stopped && !this.connected; attempt++) {
      try {
        await this.producer!.connect();
        this.connected = true;
        if (attempt > 1) this.logger.log(`outbox relay: connected to Kafka after ${attempt} attempts`);
      } catch (err) {
        if (attempt === 1 || attempt % 10 === 0) {
          this.logger.warn(`outbox relay: Kafka unavailable (${producerErrorText(err)}); writes stay in the outbox, retrying`);
        }
        await new Promise((r) => setTimeout(r, Math.min(500 * attempt, 5000)));
      }
    }
    this.connecting = undefined;
    this.wake();
  }

  private async drainLoop(): Promise<void> {
    do {
      this.wakeRequested = false;
      try {
        let r: DrainResult;
        do {
          r = await this.drainOnce();
          if (r.transient) throw r.transient;
        } while (r.read === this.batchSize && r.sent > 0 && !this.stopped);
        if (r.deferred > 0) {
          this.scheduleRetry(`${r.deferred} row(s) failed with a permanent broker error`);
          return;
        }
        if (this.failures > 0) this.logger.log(`outbox relay: publishing again after ${this.failures} failed attempt(s)`);
        this.failures = 0;
        await this.cleanup();
      } catch (err) {
        if (isProducerSessionError(err)) await this.renewProducer(producerErrorText(err));
        this.scheduleRetry(producerErrorText(err));
        return;
      }
    } while (this.wakeRequested && !this.stopped);
  }

  private scheduleRetry(reason: string): void {
    this.failures += 1;
    const delay = Math.min(100 * 2 ** (this.failures - 1), 5000);
    if (this.failures === 1 || this.failures % 10 === 0) {
      this.logger.warn(`outbox relay: publish failed (attempt ${this.failures}), retrying in ${delay} ms: ${reason}`);
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.wake(), delay);
  }

  private async drainOnce(): Promise<DrainResult> {
    const current = this.producer;
    if (!current || !this.connected) return { read: 0, sent: 0, deferred: 0 };
    let producer: Producer = current;
    return this.options.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [RELAY_LOCK_KEY]);
      if (!locked) return { read: 0, sent: 0, deferred: 0 };
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, topic, key, payload, headers, attempts FROM outbox_messages
          WHERE published_at IS NULL AND parked_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE`,
        [this.batchSize],
      );
      if (rows.length === 0) return { read: 0, sent: 0, deferred: 0 };

      const sent: string[] = [];
      const failed = new Map<string, { row: OutboxRow; error: string; park: boolean }>();
      /** topic + key of a row that failed in this drain: its later rows wait, to keep the key's order. */
      const held = new Set<string>();
      const keyOf = (r: OutboxRow) => `${r.topic}\u0000${r.key}`;
      let transient: unknown;

      const prepared = rows.map((row) => prepare(row));
      for (const chunk of this.chunks(prepared)) {
        const sendable = chunk.filter((p) => !held.has(keyOf(p.row)));
        if (sendable.length === 0) continue;
        const oversized = sendable.filter((p) => p.bytes > this.maxRequestBytes);
        for (const p of oversized) {
          failed.set(p.row.id, { row: p.row, error: `MESSAGE_TOO_LARGE: ${p.bytes} bytes, more than a request may carry (${this.maxRequestBytes})`, park: true });
          held.add(keyOf(p.row));
        }
        const batch = sendable.filter((p) => p.bytes <= this.maxRequestBytes);
        if (batch.length === 0) continue;
        try {
          await send(producer, batch);
          sent.push(...batch.map((p) => p.row.id));
          continue;
        } catch (err) {
          if (!isPermanentProducerError(err)) {
            transient = err;
            break;
          }
        }
        // Find the bad row(s): one request per row, in order. The refused request may have been appended
        // for some of its partitions while kafkajs rolled back their sequence numbers: a single row then
        // meets OUT_OF_ORDER_SEQUENCE_NUMBER, and only a new producer session gets past it.
        for (const p of batch) {
          if (held.has(keyOf(p.row))) continue;
          try {
            try {
              await send(producer, [p]);
            } catch (err) {
              if (!isProducerSessionError(err)) throw err;
              producer = await this.freshSession(producerErrorText(err));
              await send(producer, [p]);
            }
            sent.push(p.row.id);
          } catch (err) {
            if (!isPermanentProducerError(err)) {
              transient = err;
              break;
            }
            failed.set(p.row.id, { row: p.row, error: producerErrorText(err), park: p.row.attempts + 1 >= this.parkAfterAttempts });
            held.add(keyOf(p.row));
          }
        }
        if (transient) break;
      }

      if (sent.length > 0) {
        await manager.query(`UPDATE outbox_messages SET published_at = now() WHERE id = ANY($1::uuid[])`, [sent]);
        this.publishedCount += sent.length;
      }
      let deferred = 0;
      for (const f of failed.values()) {
        await this.recordFailure(manager, f.row, f.error, f.park);
        if (!f.park) deferred += 1;
      }
      return { read: rows.length, sent: sent.length, deferred, transient };
    });
  }

  private async recordFailure(manager: EntityManager, row: OutboxRow, error: string, park: boolean): Promise<void> {
    await manager.query(
      `UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2, parked_at = CASE WHEN $3 THEN now() END WHERE id = $1`,
      [row.id, error.slice(0, 2000), park],
    );
    if (park) {
      this.parkedCount += 1;
      this.logger.error(
        `outbox relay: parked ${row.id} (${row.topic}, key ${row.key}) after ${row.attempts + 1} attempt(s): ${error}; the other rows keep flowing`,
      );
    }
  }

  /** Consecutive rows (seq order) into requests of at most maxRequestBytes. */
  private *chunks(rows: PreparedRow[]): Generator<PreparedRow[]> {
    let chunk: PreparedRow[] = [];
    let bytes = 0;
    for (const p of rows) {
      if (chunk.length > 0 && bytes + p.bytes > this.maxRequestBytes) {
        yield chunk;
        chunk = [];
        bytes = 0;
      }
      chunk.push(p);
      bytes += p.bytes;
    }
    if (chunk.length > 0) yield chunk;
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

function prepare(row: OutboxRow): PreparedRow {
  const value = typeof row.payload === 'string' ? row.payload : JSON.stringify(row.payload);
  const parsed = typeof row.payload === 'string' ? JSON.parse(row.payload) : (row.payload as any);
  const headers: IHeaders = { ...row.headers, 'ce-type': String(parsed.type), 'ce-id': String(parsed.id) };
  return {
    row,
    message: { key: row.key, value, headers },
    bytes: Buffer.byteLength(value) + Buffer.byteLength(row.key),
    eventId: String(parsed.id),
    eventType: String(parsed.type),
  };
}

/** One produce request (acks from all in-sync replicas), each row traced as a PRODUCER span of its own trace. */
async function send(producer: Producer, rows: PreparedRow[]): Promise<void> {
  const spans = rows.map((p) => startProducerSpan(p.row.topic, p.row.headers, p.eventId, p.eventType));
  try {
    await producer.sendBatch({ acks: -1, topicMessages: byTopic(rows) });
    for (const span of spans) endProducerSpan(span);
  } catch (err) {
    for (const span of spans) endProducerSpan(span, err);
    throw err;
  }
}

function byTopic(rows: PreparedRow[]): { topic: string; messages: Message[] }[] {
  const grouped = new Map<string, Message[]>();
  for (const p of rows) {
    const list = grouped.get(p.row.topic) ?? [];
    list.push(p.message);
    grouped.set(p.row.topic, list);
  }
  return [...grouped].map(([topic, messages]) => ({ topic, messages }));
}
