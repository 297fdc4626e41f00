import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DeadLetterPublisher } from '../dead-letter/dead-letter.publisher';
import { OutboxRelay } from '../outbox/outbox.relay';
import { InboxConsumerRegistry } from './inbox-consumer.registry';

/**
 * Start order: dead-letter producer, relay, consumers. Stop order (before TypeORM closes its pool):
 * consumers finish in-flight handlers and commit, then the relay flushes what they wrote, then the
 * producers disconnect.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');

  constructor(
    private readonly relay: OutboxRelay,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly registry: InboxConsumerRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.deadLetters.connect();
    await this.relay.start();
    await Promise.all(this.registry.consumers.map((c) => c.start()));
    this.logger.log(`outbox relay running; ${this.registry.consumers.length} consumer(s) started`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.registry.consumers.map((c) => c.stop()));
    await this.relay.stop();
    await this.deadLetters.disconnect().catch(() => undefined);
  }
}
