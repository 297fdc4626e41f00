import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DeadLetterPublisher } from '../dead-letter/dead-letter.publisher';
import { InboxRetentionJob } from '../inbox/inbox-retention.job';
import { createKafka } from '../kafka/kafka.factory';
import { OutboxPublisher } from '../outbox/outbox.publisher';
import { OutboxRelay } from '../outbox/outbox.relay';
import { DeadLetterController } from './dead-letter.controller';
import { InboxConsumerRegistry } from './inbox-consumer.registry';
import { InboxTransport } from './inbox.transport';
import { MessagingLifecycle } from './messaging.lifecycle';
import { MessagingMetrics } from './messaging.metrics';
import { MessagingModuleOptions } from './messaging-options';
import { KAFKA, MESSAGING_OPTIONS } from './messaging.tokens';

export interface MessagingModuleAsyncOptions {
  imports?: any[];
  inject?: any[];
  useFactory: (...args: any[]) => MessagingModuleOptions | Promise<MessagingModuleOptions>;
}

/** Thin Nest wrapper over the framework-free outbox, inbox and dead-letter classes. */
@Global()
@Module({})
export class MessagingModule {
  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: options.imports ?? [],
      controllers: [DeadLetterController],
      providers: [
        { provide: MESSAGING_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] },
        {
          provide: KAFKA,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingModuleOptions) => createKafka(o.brokers, o.service, new Logger('Kafka'), { sasl: o.sasl, ssl: o.ssl }),
        },
        OutboxPublisher,
        { provide: DeadLetterPublisher, inject: [KAFKA], useFactory: (kafka: Kafka) => new DeadLetterPublisher(kafka) },
        {
          provide: OutboxRelay,
          inject: [MESSAGING_OPTIONS, KAFKA, getDataSourceToken()],
          useFactory: (o: MessagingModuleOptions, kafka: Kafka, dataSource: DataSource) =>
            new OutboxRelay({ dataSource, kafka, databaseUrl: o.databaseUrl, logger: new Logger('OutboxRelay') }),
        },
        {
          provide: InboxRetentionJob,
          inject: [MESSAGING_OPTIONS, getDataSourceToken()],
          useFactory: (o: MessagingModuleOptions, dataSource: DataSource) =>
            new InboxRetentionJob({ dataSource, retentionDays: o.inboxRetentionDays ?? 30, logger: new Logger('InboxRetention') }),
        },
        InboxConsumerRegistry,
        MessagingMetrics,
        {
          provide: InboxTransport,
          inject: [MESSAGING_OPTIONS, InboxConsumerRegistry],
          useFactory: (o: MessagingModuleOptions, registry: InboxConsumerRegistry) => new InboxTransport(o.service, registry),
        },
        MessagingLifecycle,
      ],
      exports: [KAFKA, MESSAGING_OPTIONS, OutboxPublisher, OutboxRelay, InboxConsumerRegistry, DeadLetterPublisher, InboxTransport, InboxRetentionJob],
    };
  }
}
