import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { EventEnvelope, topicOfType } from '@techbridge/contracts';
import { EventHandler, HandlerContext, InboxConsumerOptions } from '../inbox/inbox.consumer';
import { InboxConsumerRegistry } from './inbox-consumer.registry';
import { InboxContext } from './inbox.context';

/** `@EventPattern(type, { group: 'credentials' })`: the handler runs in its own consumer group. */
export interface InboxPatternExtras {
  /** Consumer group (and inbox name) suffix: `<service>.<group>`; default: the service's main group. */
  group?: string;
  /** Partitions of the group processed concurrently (default 3). */
  concurrency?: number;
  /** Handler attempts before dead-lettering (default 5; Infinity: retry until it applies). */
  maxAttempts?: number;
}

export const INBOX_TRANSPORT_ID = Symbol('techbridge-inbox');

/**
 * A Nest transport over libs/messaging's inbox consumer. Handlers are ordinary
 * `@EventPattern('techbridge.catalog.need.published.v1')` methods taking `@Payload()` (the validated
 * CloudEvents envelope) and `@Ctx()` (an InboxContext with the transaction's entity manager). The
 * transport groups them into consumer groups, derives each group's topics from libs/contracts'
 * registry, and keeps every guarantee of the inbox consumer: the offset is committed after the inbox
 * transaction, handler errors are retried then dead-lettered, unknown types are skipped.
 */
export class InboxTransport extends Server implements CustomTransportStrategy {
  override readonly transportId = INBOX_TRANSPORT_ID;
  /** Our handler errors go back to the inbox consumer, which reports them. */
  override readonly propagatesEventHandlerErrors = true;
  protected override readonly logger = new Logger('InboxTransport');

  constructor(
    private readonly service: string,
    private readonly registry: InboxConsumerRegistry,
  ) {
    super();
  }

  listen(callback: (...optionalParams: unknown[]) => any): void {
    try {
      for (const options of this.consumerOptions()) this.registry.register(options).startInBackground();
      callback();
    } catch (err) {
      callback(err);
    }
  }

  /** The inbox consumers are stopped by MessagingLifecycle (before the relay's last flush). */
  close(): void {
    return undefined;
  }

  on(): void {
    throw new Error('InboxTransport has no events to listen to; see InboxConsumer.stats()');
  }

  unwrap<T>(): T {
    return this.registry.consumers as T;
  }

  /** One consumer per group: its handlers by event type, its topics from the registry. */
  consumerOptions(): InboxConsumerOptions[] {
    const groups = new Map<string, { handlers: Record<string, EventHandler>; topics: Set<string>; concurrency?: number; maxAttempts?: number }>();
    for (const [type, head] of this.messageHandlers) {
      if (!head.isEventHandler) continue;
      const extras = (head.extras ?? {}) as InboxPatternExtras;
      for (let h: MessageHandler | undefined = head.next; h; h = h.next) {
        if (((h.extras ?? {}) as InboxPatternExtras).group !== extras.group) {
          throw new Error(`${type} has handlers in different consumer groups; Nest would run them together`);
        }
      }
      const name = extras.group ? `${this.service}.${extras.group}` : this.service;
      const group = groups.get(name) ?? { handlers: {}, topics: new Set<string>() };
      group.handlers[type] = (event, ctx) => this.invoke(head, event, ctx);
      group.topics.add(topicOfType(type));
      if (extras.concurrency) group.concurrency = extras.concurrency;
      if (extras.maxAttempts) group.maxAttempts = extras.maxAttempts;
      groups.set(name, group);
    }
    return [...groups].map(([name, g]) => ({
      consumer: name,
      groupId: name,
      topics: [...g.topics].sort(),
      handlers: g.handlers,
      partitionsConsumedConcurrently: g.concurrency,
      maxAttempts: g.maxAttempts,
    }));
  }

  private async invoke(handler: MessageHandler, event: EventEnvelope, ctx: HandlerContext): Promise<void> {
    const result = await handler(event, new InboxContext(ctx));
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }
}
