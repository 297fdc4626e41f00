import { Controller, Get, Logger, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../http/public.decorator';
import { ReadinessRegistry } from './readiness.registry';

/**
 * `/health` (the database answers: what `npm start` waits for), `/health/live` (the process runs) and
 * `/health/ready` (everything the service needs to do its whole job: database, Kafka, consumers,
 * outbox backlog, feature checks). A service without Kafka is alive and serves reads and writes, but
 * is not ready; the body says which dependency is missing.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');
  private lastReady?: boolean;

  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessRegistry,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'The database answers.' })
  check() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 1500 })]);
  }

  @Get('live')
  @ApiOperation({ summary: 'The process is alive.' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Ready for traffic and events: database, Kafka, consumers, outbox, feature checks.',
  })
  async ready(@Res({ passthrough: true }) reply: { status(code: number): unknown }) {
    const results = await this.readiness.run();
    this.logTransition(results);
    // 503 with terminus' own body ({ status, info, error, details }), not a problem document: load
    // balancers and operators read which dependency is down from it.
    return this.health
      .check([
        () => this.db.pingCheck('database', { timeout: 1500 }),
        ...Object.entries(results).map(([name, r]) => () => {
          const indicator = this.indicators.check(name);
          if (r.up) return indicator.up(r.details ?? {});
          // terminus turns a down indicator into 503 with every check's status in the body.
          return indicator.down(r.details ?? {});
        }),
      ])
      .catch((err: unknown) => {
        if (!(err instanceof ServiceUnavailableException)) throw err;
        reply.status(503);
        return err.getResponse();
      });
  }

  /** One line when readiness changes, naming what is down — not one per probe. */
  private logTransition(results: Record<string, { up: boolean }>): void {
    const down = Object.entries(results)
      .filter(([, r]) => !r.up)
      .map(([name]) => name);
    const ready = down.length === 0;
    if (ready === this.lastReady) return;
    if (this.lastReady !== undefined || !ready) {
      if (ready) this.logger.log('ready again');
      else this.logger.warn(`not ready: ${down.join(', ')} down (details at /health/ready)`);
    }
    this.lastReady = ready;
  }
}
