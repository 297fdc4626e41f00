import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventTypes } from '@techbridge/contracts';
import { MATCHING_CONFIG, MatchingServiceConfig } from '../config';
import { IntroductionEvents, introductionFromRow } from './introduction-events';

/** Rows one transaction of the sweep takes. */
const BATCH = 100;

/**
 * Expires unanswered introductions past their time and emits one reminder for those unanswered after
 * INTRODUCTION_REMINDER_DAYS. Exactly once across instances: each batch is claimed with
 * `FOR UPDATE SKIP LOCKED` and changed by one conditional UPDATE in the transaction that writes its
 * events to the outbox — a row another instance holds is skipped, one it already changed no longer
 * matches, and a rollback takes the change and its events back together.
 */
@Injectable()
export class IntroductionSweepJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IntroductionSweep');
  private timer?: NodeJS.Timeout;
  private running?: Promise<{ expired: number; reminded: number }>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingServiceConfig,
    private readonly events: IntroductionEvents,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.runOnce().catch((err) => this.logger.warn(`introduction sweep failed: ${String(err)}`)),
      this.config.INTRODUCTION_SWEEP_INTERVAL_MS,
    );
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One sweep (a call while one runs joins it). */
  runOnce(batch = BATCH): Promise<{ expired: number; reminded: number }> {
    this.running ??= this.sweep(batch).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async sweep(batch: number) {
    let expired = 0;
    let reminded = 0;
    for (;;) {
      const n = await this.claim(
        `UPDATE introductions i SET status = 'expired', updated_at = now()
           FROM (SELECT id FROM introductions WHERE status = 'requested' AND expires_at <= now()
                  ORDER BY expires_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) due
          WHERE i.id = due.id AND i.status = 'requested'
          RETURNING i.*`,
        batch,
        EventTypes.IntroductionExpired,
      );
      expired += n;
      if (n < batch) break;
    }
    for (;;) {
      const n = await this.claim(
        `UPDATE introductions i SET reminded_at = now()
           FROM (SELECT id FROM introductions
                  WHERE status = 'requested' AND reminded_at IS NULL AND remind_at <= now() AND expires_at > now()
                  ORDER BY remind_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) due
          WHERE i.id = due.id AND i.reminded_at IS NULL
          RETURNING i.*`,
        batch,
        EventTypes.IntroductionReminderDue,
      );
      reminded += n;
      if (n < batch) break;
    }
    if (expired + reminded > 0) this.logger.log(`${expired} introduction(s) expired, ${reminded} reminder(s) due`);
    return { expired, reminded };
  }

  private claim(sql: string, batch: number, type: typeof EventTypes.IntroductionExpired | typeof EventTypes.IntroductionReminderDue): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const [rows]: [Record<string, any>[], number] = await m.query(sql, [batch]);
      const now = new Date();
      for (const row of rows) await this.events.publish(m, type, introductionFromRow(row), now);
      return rows.length;
    });
  }
}
