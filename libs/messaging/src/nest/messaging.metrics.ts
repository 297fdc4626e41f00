import { Inject, Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Admin, Kafka } from 'kafkajs';
import { LATENCY_BUCKETS, ServiceMetrics } from '@techbridge/platform';
import { consumerGroupLag } from '../kafka/consumer-lag';
import { InboxObserver } from '../inbox/inbox.consumer';
import { OutboxRelay } from '../outbox/outbox.relay';
import { InboxConsumerRegistry } from './inbox-consumer.registry';
import { KAFKA } from './messaging.tokens';

/** Consumer lag is read from the broker at most this often, however often Prometheus scrapes. */
const LAG_REFRESH_MS = 10_000;

/**
 * The messaging series of `/metrics` (names and labels as docs/operations.md and the alert rules in
 * deploy/k8s expect): outbox backlog, age of the oldest unsent row and parked rows (read at scrape
 * time), consumer lag per group and partition (from the broker, cached), and inbox counters fed by
 * the consumers as they go (applied, retries, dead letters, handling time).
 */
@Injectable()
export class MessagingMetrics implements InboxObserver, OnApplicationShutdown {
  private readonly logger = new Logger('MessagingMetrics');
  private admin?: Admin;
  private lagCache?: { at: number; rows: { group: string; topic: string; partition: number; lag: number }[] };
  private readonly counters;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly relay: OutboxRelay,
    private readonly registry: InboxConsumerRegistry,
    @Optional() metrics?: ServiceMetrics,
  ) {
    this.counters = metrics ? this.register(metrics) : undefined;
    registry.observeWith(this);
  }

  applied(e: { consumer: string; topic: string; type: string; handleSeconds: number; sinceEventSeconds: number }): void {
    this.counters?.applied.inc({ consumer: e.consumer, topic: e.topic, type: e.type });
    this.counters?.handle.observe({ consumer: e.consumer, type: e.type }, e.handleSeconds);
    this.counters?.sinceEvent.observe({ consumer: e.consumer, type: e.type }, e.sinceEventSeconds);
  }

  retried(e: { consumer: string; topic: string }): void {
    this.counters?.retries.inc(e);
  }

  deadLettered(e: { consumer: string; topic: string }): void {
    this.counters?.deadLetters.inc(e);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }

  private register(m: ServiceMetrics) {
    const relay = this.relay;
    let outboxStats: ReturnType<OutboxRelay['stats']> | undefined;
    // One query per scrape for the three outbox gauges.
    const stats = () => (outboxStats ??= relay.stats().finally(() => setImmediate(() => (outboxStats = undefined))));
    m.gauge({
      name: 'techbridge_outbox_pending_messages',
      help: 'Outbox rows committed but not yet published to Kafka',
      async collect() {
        this.set((await stats()).pending);
      },
    });
    m.gauge({
      name: 'techbridge_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest unsent, unparked outbox row (0 when none)',
      async collect() {
        this.set((await stats()).oldestPendingMs / 1000);
      },
    });
    m.gauge({
      name: 'techbridge_outbox_parked_messages',
      help: 'Outbox rows parked after the broker refused them for good',
      async collect() {
        this.set((await stats()).parked);
      },
    });
    const lag = () => this.lag();
    m.gauge({
      name: 'techbridge_kafka_consumer_lag',
      help: "High-water mark minus the group's committed offset, per partition",
      labelNames: ['group', 'topic', 'partition'] as const,
      async collect() {
        const rows = await lag();
        this.reset();
        for (const r of rows) this.set({ group: r.group, topic: r.topic, partition: String(r.partition) }, r.lag);
      },
    });
    return {
      applied: m.counter({
        name: 'techbridge_inbox_events_total',
        help: 'Events applied by a consumer (or found already applied)',
        labelNames: ['consumer', 'topic', 'type'] as const,
      }),
      retries: m.counter({ name: 'techbridge_inbox_retries_total', help: 'Handler attempts that failed and were retried', labelNames: ['consumer', 'topic'] as const }),
      deadLetters: m.counter({
        name: 'techbridge_dead_letters_total',
        help: 'Messages this service sent to <topic>.dlq (topic = the original topic)',
        labelNames: ['consumer', 'topic'] as const,
      }),
      handle: m.histogram({
        name: 'techbridge_inbox_handle_seconds',
        help: 'Time to apply one event, retries included',
        labelNames: ['consumer', 'type'] as const,
        buckets: LATENCY_BUCKETS,
      }),
      sinceEvent: m.histogram({
        name: 'techbridge_event_delivery_seconds',
        help: "From the event's time (its producer's commit) to this consumer's commit: the end-to-end event path",
        labelNames: ['consumer', 'type'] as const,
        buckets: LATENCY_BUCKETS,
      }),
    };
  }

  /** Lag of every group this process consumes with; the last known figures while the broker is unreachable. */
  private async lag(): Promise<{ group: string; topic: string; partition: number; lag: number }[]> {
    if (this.lagCache && Date.now() - this.lagCache.at < LAG_REFRESH_MS) return this.lagCache.rows;
    const rows: { group: string; topic: string; partition: number; lag: number }[] = [];
    try {
      if (!this.admin) {
        const admin = this.kafka.admin();
        await admin.connect();
        this.admin = admin;
      }
      const groups = new Map(this.registry.consumers.map((c) => [c.groupId, c.topics]));
      for (const [group, topics] of groups) {
        for (const r of await consumerGroupLag(this.admin, group, topics)) rows.push({ group, ...r });
      }
      this.lagCache = { at: Date.now(), rows };
    } catch (err) {
      this.logger.warn(`consumer lag unavailable: ${String((err as Error)?.message ?? err)}`);
      return this.lagCache?.rows ?? [];
    }
    return rows;
  }
}
