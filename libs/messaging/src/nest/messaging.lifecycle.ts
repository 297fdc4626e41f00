import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ReadinessRegistry } from '@techbridge/platform';
import { DeadLetterPublisher } from '../dead-letter/dead-letter.publisher';
import { InboxRetentionJob } from '../inbox/inbox-retention.job';
import { OutboxRelay } from '../outbox/outbox.relay';
import { InboxConsumerRegistry } from './inbox-consumer.registry';
import { MessagingModuleOptions } from './messaging-options';
import { MESSAGING_OPTIONS } from './messaging.tokens';

/**
 * Start: the relay (in the background: a service starts while Kafka is down and keeps accepting
 * writes into its outbox), the inbox retention job, and the readiness checks. The consumers are
 * started by the inbox transport. Stop (before TypeORM closes its pool): consumers finish in-flight
 * handlers and commit, then the relay flushes what they wrote, then the producers disconnect.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');

  constructor(
    private readonly relay: OutboxRelay,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly registry: InboxConsumerRegistry,
    private readonly retention: InboxRetentionJob,
    private readonly readiness: ReadinessRegistry,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.relay !== false) await this.relay.start();
    this.retention.start();
    const maxAge = this.options.outboxMaxAgeMs ?? 60_000;
    this.readiness.register('kafka', () => {
      const consumers = this.registry.consumers.map((c) => c.stats());
      const relayUp = this.options.relay === false || this.relay.isConnected;
      const up = relayUp && consumers.every((c) => c.state === 'running');
      return { up, details: { producer: relayUp ? 'connected' : 'disconnected', consumers } };
    });
    if (this.options.relay !== false) {
      this.readiness.register('outbox', async () => {
        const s = await this.relay.stats();
        return { up: s.oldestPendingMs <= maxAge, details: { ...s, maxAgeMs: maxAge } };
      });
    }
    this.logger.log(`outbox relay starting (Kafka ${this.options.brokers}); consumers start with the inbox transport`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.registry.consumers.map((c) => c.stop()));
    await this.retention.stop();
    await this.relay.stop();
    await this.deadLetters.disconnect().catch(() => undefined);
  }
}
