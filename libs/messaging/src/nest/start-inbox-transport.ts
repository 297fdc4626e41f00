import { INestApplication } from '@nestjs/common';
import { NestMicroservice } from '@nestjs/microservices';
import { EventErrorPassthroughFilter } from './event-errors.filter';
import { InboxTransport } from './inbox.transport';

/**
 * Connects the inbox transport to a (hybrid) HTTP app and starts its consumers in the background.
 * Call after `app.init()`: feature modules prepare in `onModuleInit` (matching rebuilds its index)
 * before the first event is handled. The consumers do not wait for Kafka.
 */
export async function startInboxTransport(app: INestApplication): Promise<void> {
  const microservice = app.connectMicroservice({ strategy: app.get(InboxTransport) }, { deferInitialization: true }) as NestMicroservice;
  // The HTTP app already ran the lifecycle hooks of the container both share.
  microservice.setIsInitHookCalled(true);
  microservice.useGlobalFilters(new EventErrorPassthroughFilter());
  await app.startAllMicroservices();
}
