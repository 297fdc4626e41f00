import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../http/public.decorator';
import { ServiceMetrics } from './service-metrics';

/**
 * Prometheus scrape endpoint on the service's own port. The gateway routes only `/v1/*`, so it is never
 * reachable from the public side; in a cluster a NetworkPolicy lets only Prometheus in.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() reply: { header(k: string, v: string): unknown; send(body: string): unknown }): Promise<void> {
    const { contentType, body } = await this.metrics.exposition();
    reply.header('content-type', contentType);
    reply.send(body);
  }
}
