import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WORKSHOPS_CONFIG, WorkshopsConfig } from '../config';

/**
 * A report whose reply never comes (matching down for longer than the timeout, a lost command) is
 * marked failed with the reason, so the organiser can request it again. One UPDATE: safe with several
 * instances running the job at once; a reply that arrives afterwards changes nothing.
 */
@Injectable()
export class ReportTimeoutJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReportTimeout');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(WORKSHOPS_CONFIG) private readonly config: WorkshopsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce().catch((err) => this.logger.warn(`report timeout sweep failed: ${String(err)}`)), this.config.REPORT_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  runOnce(): Promise<number> {
    this.running ??= this.sweep().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async sweep(): Promise<number> {
    const seconds = Math.round(this.config.REPORT_TIMEOUT_MS / 1000);
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE reports SET status = 'failed', completed_at = now(),
              failure_reason = 'matching did not answer within ' || $2::text || ' s; request the report again'
        WHERE status IN ('pending', 'computing') AND requested_at < now() - make_interval(secs => $1)
        RETURNING id`,
      [this.config.REPORT_TIMEOUT_MS / 1000, seconds],
    );
    if (rows.length > 0) this.logger.warn(`${rows.length} report(s) failed: no reply within ${seconds} s`);
    return rows.length;
  }
}
