import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DeadLetterPublisher } from '../dead-letter/dead-letter.publisher';
import { InboxConsumer, InboxConsumerOptions, InboxObserver } from '../inbox/inbox.consumer';
import { KAFKA } from './messaging.tokens';

/**
 * Every inbox consumer of the process. The inbox transport registers one per consumer group;
 * MessagingLifecycle stops them all before the relay's last flush, and readiness reports them.
 */
@Injectable()
export class InboxConsumerRegistry {
  private readonly logger = new Logger('Inbox');
  readonly consumers: InboxConsumer[] = [];
  private observer?: InboxObserver;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterPublisher,
  ) {}

  /** Metrics of every consumer registered from now on (set by MessagingMetrics). */
  observeWith(observer: InboxObserver): void {
    this.observer = observer;
  }

  register(options: InboxConsumerOptions): InboxConsumer {
    const consumer = new InboxConsumer(this.kafka, this.dataSource, this.deadLetters, { observer: this.observer, ...options }, this.logger);
    this.consumers.push(consumer);
    return consumer;
  }

  byName(name: string): InboxConsumer | undefined {
    return this.consumers.find((c) => c.name === name);
  }
}
