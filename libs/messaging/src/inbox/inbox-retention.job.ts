import { DataSource } from 'typeorm';
import { MessagingLogger, consoleLogger } from '../kafka/kafka.factory';

export interface InboxRetentionOptions {
  dataSource: DataSource;
  /** Inbox rows older than this are deleted. Must exceed the longest replay you may run (see README). */
  retentionDays: number;
  intervalMs?: number;
  batchSize?: number;
  logger?: MessagingLogger;
}

/**
 * Keeps `inbox_messages` from growing forever. The inbox only has to remember an event for as long as
 * it may be redelivered or replayed; projections are also version-guarded, so a replay older than the
 * retention still changes nothing. Deletes in small batches (no long lock); several instances may run
 * it at once (a row is deleted once).
 */
export class InboxRetentionJob {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private readonly logger: MessagingLogger;

  constructor(private readonly options: InboxRetentionOptions) {
    this.logger = options.logger ?? consoleLogger;
  }

  start(): void {
    this.timer = setInterval(() => void this.runOnce().catch((err) => this.logger.warn(`inbox retention: ${String(err)}`)), this.options.intervalMs ?? 3_600_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Deletes every row past the retention; returns how many. */
  runOnce(): Promise<number> {
    this.running ??= this.prune().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async prune(): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted]: [unknown, number] = await this.options.dataSource.query(
        `DELETE FROM inbox_messages WHERE ctid IN (
           SELECT ctid FROM inbox_messages WHERE processed_at < now() - make_interval(days => $1) LIMIT $2
           FOR UPDATE SKIP LOCKED)`,
        [this.options.retentionDays, this.options.batchSize ?? 5000],
      );
      total += deleted;
      if (deleted < (this.options.batchSize ?? 5000)) break;
    }
    if (total > 0) this.logger.log(`inbox retention: deleted ${total} row(s) older than ${this.options.retentionDays} days`);
    return total;
  }
}
