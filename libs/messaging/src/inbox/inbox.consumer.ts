import { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope, InvalidEventError, UnknownEventTypeError, decodeEvent } from '@techbridge/contracts';
import { DeadLetterPublisher } from '../dead-letter/dead-letter.publisher';
import { MessagingLogger, consoleLogger } from '../kafka/kafka.factory';
import { eventParentContext, inConsumerSpan } from '../tracing/event-trace';
import { isTransientInfrastructureError } from './transient-error';

export interface HandlerContext {
  manager: EntityManager;
  topic: string;
  partition: number;
  offset: string;
  /** Runs after the transaction commits (e.g. update an in-memory index); never on rollback. */
  afterCommit(callback: () => void): void;
  /** Runs after the transaction rolled back (e.g. undo an in-memory change made inside it). */
  afterRollback(callback: () => void | Promise<void>): void;
}

export type EventHandler<T = any> = (event: EventEnvelope<T>, ctx: HandlerContext) => Promise<void>;

/** What a consumer reports as it goes (metrics); every callback is optional and must not throw. */
export interface InboxObserver {
  /** An event applied (or found already applied): handling time and the time since the event happened. */
  applied?(e: { consumer: string; topic: string; type: string; handleSeconds: number; sinceEventSeconds: number }): void;
  retried?(e: { consumer: string; topic: string }): void;
  deadLettered?(e: { consumer: string; topic: string }): void;
}

export interface InboxConsumerOptions {
  /** Inbox key: the same event is applied once per consumer name. */
  consumer: string;
  groupId: string;
  topics: string[];
  /** Event type → handler. Known types without a handler are acknowledged and skipped. */
  handlers: Record<string, EventHandler>;
  fromBeginning?: boolean;
  /** Attempts of a failing handler before its message is dead-lettered (infrastructure errors excepted). */
  maxAttempts?: number;
  /** Attempts while Postgres answers "insufficient resources" (SQLSTATE class 53) before dead-lettering. */
  maxResourceAttempts?: number;
  partitionsConsumedConcurrently?: number;
  observer?: InboxObserver;
}

export type ConsumerState = 'idle' | 'connecting' | 'running' | 'restarting' | 'stopped';

export interface InboxConsumerStats {
  consumer: string;
  state: ConsumerState;
  processed: number;
  /** Well-formed events of a type this build does not know (newer producers): skipped. */
  skippedUnknown: Record<string, number>;
  /** Tombstones (null values) on compacted topics: nothing to apply. */
  skippedTombstones: number;
  deadLettered: number;
  retries: number;
  /** Crashes of the kafkajs consumer (it restarts itself after retriable ones). */
  crashes: number;
  /** Restarts we did after a crash kafkajs would not recover from. */
  restarts: number;
}

/** SQLSTATE class 53: out of memory, disk full, too many connections, lock table exhausted. */
const RESOURCE_SQLSTATE = /^53/;

/**
 * Consumes with at-least-once delivery and applies each event exactly once: the inbox row
 * `(consumer, event id)` is inserted in the same transaction as the handler's effects, and the
 * offset is committed only after that transaction commits.
 *
 * - A message that cannot be decoded, has a type that does not belong on its topic, or comes from the
 *   wrong producer goes to the DLQ at once. A well-formed event of a type this build does not know
 *   (a newer producer during a rolling deploy) is skipped and counted. Tombstones are skipped.
 * - A handler error is retried with backoff, then dead-lettered, so the partition keeps moving.
 *   Infrastructure errors (Postgres unreachable) are retried until they pass; Postgres running out of
 *   a resource (class 53, e.g. the lock table) is retried `maxResourceAttempts` times, then dead-lettered.
 * - Between retries the consumer heartbeats; if the group has moved on (rebalance, lost membership),
 *   the message is abandoned uncommitted — its new owner processes it.
 * - The consumer connects in the background and restarts itself after a crash kafkajs does not
 *   recover from, so a service starts and stays up while the broker is down.
 */
export class InboxConsumer {
  private consumer?: Consumer;
  private stopping = false;
  private readonly logger: MessagingLogger;
  private state: ConsumerState = 'idle';
  private starting?: Promise<void>;
  private restartTimer?: NodeJS.Timeout;
  private readonly counters = { processed: 0, skippedTombstones: 0, deadLettered: 0, retries: 0, crashes: 0, restarts: 0 };
  private readonly skippedUnknown: Record<string, number> = {};

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly options: InboxConsumerOptions,
    logger?: MessagingLogger,
  ) {
    this.logger = logger ?? consoleLogger;
  }

  get name(): string {
    return this.options.consumer;
  }

  get groupId(): string {
    return this.options.groupId;
  }

  get topics(): string[] {
    return this.options.topics;
  }

  get processedCount(): number {
    return this.counters.processed;
  }

  stats(): InboxConsumerStats {
    return { consumer: this.options.consumer, state: this.state, ...this.counters, skippedUnknown: { ...this.skippedUnknown } };
  }

  /** Connects, subscribes and runs; rejects when the broker cannot be reached (see startInBackground). */
  async start(): Promise<void> {
    this.stopping = false;
    this.state = 'connecting';
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      // Low-latency fetching: answer as soon as one byte is there, wait at most 20 ms otherwise.
      minBytes: 1,
      maxWaitTimeInMs: 20,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      // kafkajs restarts by itself after retriable errors (`restart: true`); otherwise the consumer is
      // dead and nobody would notice: restart it ourselves, with a pause.
      this.counters.crashes += 1;
      this.logger.error(`${this.options.consumer}: consumer crashed (${String(payload.error)}); restart=${payload.restart}`);
      if (!payload.restart && !this.stopping) this.scheduleRestart();
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.fromBeginning ?? true });
      await consumer.run({
        autoCommit: true,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
        eachMessage: (payload) => this.handle(payload),
      });
      this.state = 'running';
    } catch (err) {
      await consumer.disconnect().catch(() => undefined);
      this.state = 'idle';
      throw err;
    }
  }

  /** Starts without waiting for the broker: retries with backoff until it runs or is stopped. */
  startInBackground(): void {
    if (this.starting || this.state === 'running') return;
    this.stopping = false;
    this.starting = (async () => {
      for (let attempt = 1; !this.stopping; attempt++) {
        try {
          await this.start();
          if (attempt > 1) this.logger.log(`${this.options.consumer}: consuming after ${attempt} attempts`);
          return;
        } catch (err) {
          if (attempt === 1 || attempt % 10 === 0) {
            this.logger.warn(`${this.options.consumer}: cannot start consuming yet (${String((err as Error)?.message ?? err)}); retrying`);
          }
          await new Promise((r) => setTimeout(r, Math.min(500 * attempt, 5000)));
        }
      }
    })().finally(() => {
      this.starting = undefined;
    });
  }

  /** Stops fetching, lets in-flight handlers finish, commits their offsets and leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    await this.starting;
    await this.consumer?.disconnect();
    this.state = 'stopped';
  }

  private scheduleRestart(): void {
    this.state = 'restarting';
    this.counters.restarts += 1;
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      void (async () => {
        await this.consumer?.disconnect().catch(() => undefined);
        if (!this.stopping) this.startInBackground();
      })();
    }, Math.min(1000 * this.counters.restarts, 10_000));
  }

  /**
   * Applies one dead-lettered message again through the normal path (used by replayDeadLetters).
   * Returns true when it was dead-lettered again.
   */
  async replay(topic: string, partition: number, message: EachMessagePayload['message']): Promise<boolean> {
    const before = this.counters.deadLettered;
    await this.handle({ topic, partition, message, heartbeat: async () => undefined } as unknown as EachMessagePayload, true);
    return this.counters.deadLettered > before;
  }

  /** `replaying`: a dead letter applied again by an operator, not a fetched message (no partition to give back). */
  private async handle({ topic, partition, message, heartbeat }: EachMessagePayload, replaying = false): Promise<void> {
    if (message.value === null) {
      this.counters.skippedTombstones += 1;
      return;
    }
    let event: EventEnvelope<object>;
    try {
      event = await decodeEvent(message.value, { topic });
    } catch (err) {
      if (err instanceof UnknownEventTypeError) {
        this.skippedUnknown[err.type] = (this.skippedUnknown[err.type] ?? 0) + 1;
        if (this.skippedUnknown[err.type] === 1) this.logger.warn(`${this.options.consumer}: ${err.message}`);
        return;
      }
      await this.deadLetter(topic, partition, message, err, 1);
      return;
    }
    const handler = this.options.handlers[event.type];
    if (!handler) return;

    const parent = eventParentContext(event, message.headers as Record<string, unknown> | undefined);
    const where = { consumer: this.options.consumer, groupId: this.options.groupId, topic, partition, offset: message.offset };
    await inConsumerSpan(event, parent, where, () => this.applyWithRetries(event, handler, { topic, partition, message, heartbeat }, replaying));
  }

  private async applyWithRetries(
    event: EventEnvelope<object>,
    handler: EventHandler,
    { topic, partition, message, heartbeat }: Pick<EachMessagePayload, 'topic' | 'partition' | 'message' | 'heartbeat'>,
    replaying: boolean,
  ): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    const maxResourceAttempts = this.options.maxResourceAttempts ?? 10;
    const started = performance.now();
    for (let attempt = 1; ; attempt++) {
      try {
        await this.applyOnce(event, handler, { topic, partition, offset: message.offset });
        this.counters.processed += 1;
        this.observe('applied', {
          consumer: this.options.consumer,
          topic,
          type: event.type,
          handleSeconds: (performance.now() - started) / 1000,
          sinceEventSeconds: Math.max(0, (Date.now() - Date.parse(event.time)) / 1000),
        });
        return;
      } catch (err) {
        if (this.stopping && !replaying) throw err; // offset stays uncommitted; the next owner redoes it
        const resource = RESOURCE_SQLSTATE.test(sqlState(err));
        const transient = !resource && isTransientInfrastructureError(err);
        const exhausted = resource ? attempt >= maxResourceAttempts : attempt >= maxAttempts;
        if (!transient && (exhausted || err instanceof InvalidEventError)) {
          await this.deadLetter(topic, partition, message, err, attempt);
          return;
        }
        this.counters.retries += 1;
        this.observe('retried', { consumer: this.options.consumer, topic });
        const delay = Math.min(50 * 2 ** Math.min(attempt - 1, 10), transient ? 5000 : 2000);
        if (attempt === 1 || attempt % 10 === 0) {
          this.logger.warn(
            `${this.options.consumer}: ${event.type} ${event.id} failed (attempt ${attempt}${transient ? ', transient' : ''}${resource ? ', out of a database resource' : ''}), retrying in ${delay} ms: ${String(err)}`,
          );
        }
        await new Promise((r) => setTimeout(r, delay));
        try {
          await heartbeat();
        } catch (hbErr) {
          // The group rebalanced or dropped us while we retried: this partition may belong to another
          // member now. Abandon the message uncommitted; whoever owns the partition processes it.
          this.logger.warn(`${this.options.consumer}: heartbeat failed while retrying (${String(hbErr)}); leaving ${event.id} to the partition's owner`);
          throw hbErr;
        }
      }
    }
  }

  private observe<K extends keyof InboxObserver>(what: K, e: Parameters<NonNullable<InboxObserver[K]>>[0]): void {
    try {
      (this.options.observer?.[what] as ((e: unknown) => void) | undefined)?.(e);
    } catch (err) {
      this.logger.warn(`${this.options.consumer}: metrics observer failed: ${String(err)}`);
    }
  }

  private async applyOnce(
    event: EventEnvelope<object>,
    handler: EventHandler,
    meta: { topic: string; partition: number; offset: string },
  ): Promise<void> {
    const committed: (() => void)[] = [];
    const rolledBack: (() => void | Promise<void>)[] = [];
    try {
      await this.dataSource.transaction(async (manager) => {
        committed.length = 0;
        rolledBack.length = 0;
        const inserted = await manager.query(
          `INSERT INTO inbox_messages (consumer, event_id, event_type, topic, partition, "offset")
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING event_id`,
          [this.options.consumer, event.id, event.type, meta.topic, meta.partition, meta.offset],
        );
        if (inserted.length === 0) return; // already applied: acknowledge without effect
        await handler(event, {
          manager,
          ...meta,
          afterCommit: (cb) => committed.push(cb),
          afterRollback: (cb) => rolledBack.push(cb),
        });
      });
    } catch (err) {
      for (const cb of rolledBack) {
        await Promise.resolve()
          .then(cb)
          .catch((e) => this.logger.error(`${this.options.consumer}: after-rollback callback for ${event.id} failed: ${String(e)}`));
      }
      throw err;
    }
    for (const cb of committed) {
      try {
        cb();
      } catch (err) {
        this.logger.error(`${this.options.consumer}: after-commit callback for ${event.id} failed: ${String(err)}`);
      }
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: EachMessagePayload['message'],
    error: unknown,
    attempts: number,
  ): Promise<void> {
    this.counters.deadLettered += 1;
    this.observe('deadLettered', { consumer: this.options.consumer, topic });
    this.logger.warn(
      `${this.options.consumer}: ${topic}[${partition}]@${message.offset} dead-lettered after ${attempts} attempt(s): ${String((error as Error)?.message ?? error)}`,
    );
    await this.deadLetters.send({ topic, partition, message, consumer: this.options.consumer, error, attempts });
  }
}

function sqlState(err: unknown): string {
  const e = err as { code?: string; driverError?: { code?: string } } | undefined;
  return String(e?.driverError?.code ?? e?.code ?? '');
}
