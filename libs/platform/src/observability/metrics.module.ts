import { DynamicModule, Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { ServiceMetrics } from './service-metrics';
import { flushTracing } from './tracing';

/** The spans of the last requests and events reach the exporter before the process ends. */
@Injectable()
class TracingFlush implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await flushTracing();
  }
}

/** `/metrics` and the service's registry, injectable everywhere (features add their own series); span flush on shutdown. */
@Global()
@Module({})
export class MetricsModule {
  static forService(service: string): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [{ provide: ServiceMetrics, useFactory: () => new ServiceMetrics(service) }, TracingFlush],
      exports: [ServiceMetrics],
    };
  }
}
