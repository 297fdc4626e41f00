import { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope, InvalidEventError, decodeEvent } from '@techbridge/contracts';
import { DeadLetterPublisher } from '../dead-letter/dead-letter.publisher';
import { MessagingLogger, consoleLogger } from '../kafka/kafka.factory';
import { isTransientInfrastructureError } from './transient-error';

export interface HandlerContext {
  manager: EntityManager;
  topic: string;
  partition: number;
  offset: string;
  /** Runs after the transaction commits (e.g. update an in-memory index); never on rollback. */
  afterCommit(callback: () => void): void;
}

export type EventHandler<T = any> = (event: EventEnvelope<T>, ctx: HandlerContext) => Promise<void>;

export interface InboxConsumerOptions {
  /** Inbox key: the same event is applied once per consumer name. */
  consumer: string;
  groupId: string;
  topics: string[];
  /** Event type → handler. Types without a handler are acknowledged and skipped. */
  handlers: Record<string, EventHandler>;
  fromBeginning?: boolean;
  maxAttempts?: number;
  partitionsConsumedConcurrently?: number;
}

/**
 * Consumes with at-least-once delivery and applies each event exactly once: the inbox row
 * `(consumer, event id)` is inserted in the same transaction as the handler's effects, and the
 * offset is committed only after that transaction commits. A message that cannot be decoded goes to
 * the DLQ at once; a handler error is retried with backoff, then dead-lettered, so the partition
 * keeps moving.
 */
export class InboxConsumer {
  private consumer?: Consumer;
  private stopping = false;
  private readonly logger: MessagingLogger;
  private processed = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly options: InboxConsumerOptions,
    logger?: MessagingLogger,
  ) {
    this.logger = logger ?? consoleLogger;
  }

  get processedCount(): number {
    return this.processed;
  }

  async start(): Promise<void> {
    this.stopping = false;
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
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.fromBeginning ?? true });
    await consumer.run({
      autoCommit: true,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachMessage: (payload) => this.handle(payload),
    });
  }

  /** Stops fetching, lets in-flight handlers finish, commits their offsets and leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer?.disconnect();
  }

  private async handle({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    let event: EventEnvelope<object>;
    try {
      event = await decodeEvent(message.value);
    } catch (err) {
      await this.deadLetter(topic, partition, message, err, 1);
      return;
    }
    const handler = this.options.handlers[event.type];
    if (!handler) return;

    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.applyOnce(event, handler, { topic, partition, offset: message.offset });
        this.processed += 1;
        return;
      } catch (err) {
        const transient = isTransientInfrastructureError(err);
        if (this.stopping) throw err; // offset stays uncommitted; the next owner redoes it
        if (!transient && (attempt >= maxAttempts || err instanceof InvalidEventError)) {
          await this.deadLetter(topic, partition, message, err, attempt);
          return;
        }
        const delay = Math.min(50 * 2 ** Math.min(attempt - 1, 10), transient ? 5000 : 2000);
        if (attempt === 1 || attempt % 10 === 0) {
          this.logger.warn(
            `${this.options.consumer}: ${event.type} ${event.id} failed (attempt ${attempt}${transient ? ', transient' : ''}), retrying in ${delay} ms: ${String(err)}`,
          );
        }
        await new Promise((r) => setTimeout(r, delay));
        await heartbeat().catch(() => undefined);
      }
    }
  }

  private async applyOnce(
    event: EventEnvelope<object>,
    handler: EventHandler,
    meta: { topic: string; partition: number; offset: string },
  ): Promise<void> {
    const callbacks: (() => void)[] = [];
    await this.dataSource.transaction(async (manager) => {
      callbacks.length = 0;
      const inserted = await manager.query(
        `INSERT INTO inbox_messages (consumer, event_id, event_type, topic, partition, "offset")
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.options.consumer, event.id, event.type, meta.topic, meta.partition, meta.offset],
      );
      if (inserted.length === 0) return; // already applied: acknowledge without effect
      await handler(event, { manager, ...meta, afterCommit: (cb) => callbacks.push(cb) });
    });
    for (const cb of callbacks) {
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
    this.logger.warn(
      `${this.options.consumer}: ${topic}[${partition}]@${message.offset} dead-lettered after ${attempts} attempt(s): ${String((error as Error)?.message ?? error)}`,
    );
    await this.deadLetters.send({ topic, partition, message, consumer: this.options.consumer, error, attempts });
  }
}
