import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { isTransientInfrastructureError } from '@techbridge/messaging';
import { ReadinessRegistry } from '@techbridge/platform';
import { MATCHING_CONFIG, MatchingServiceConfig } from '../config';
import { IndexSync } from '../index/index-sync';
import { MatchingLock } from '../index/matching-lock';
import { MatchSetWriter } from '../match-sets/match-set.writer';

const CHANNEL = 'matching_rescore';
const MIN_CHUNK = 1;

export interface RescoreQueueStats {
  queued: number;
  chunkSize: number;
  rescored: number;
  dropped: number;
}

/**
 * Needs waiting to be re-scored (an offer entered or left their lists, an admin re-score). Every
 * matching instance drains the shared table in chunks, each chunk one transaction under the shared
 * matching lock: `DELETE … FOR UPDATE SKIP LOCKED` hands each need to one instance, a crash rolls the
 * chunk back into the queue, and re-scoring twice gives the same set. A chunk that runs Postgres out of
 * a resource (SQLSTATE class 53) is halved; one need that fails on its own is dropped with an error
 * logged, so the queue never stalls behind it.
 */
@Injectable()
export class RescoreQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RescoreQueue');
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private wakeRequested = false;
  private stopped = true;
  private chunkSize: number;
  private rescored = 0;
  private dropped = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingServiceConfig,
    private readonly sync: IndexSync,
    private readonly writer: MatchSetWriter,
    private readonly readiness: ReadinessRegistry,
  ) {
    this.chunkSize = config.RESCORE_CHUNK_SIZE;
  }

  /** Adds needs in the caller's transaction; every instance is woken when it commits. */
  async enqueue(manager: EntityManager, needIds: string[], trigger: string): Promise<void> {
    if (needIds.length === 0) return;
    await manager.query(
      `WITH queued AS (
         INSERT INTO rescore_queue (need_id, trigger) SELECT unnest($1::uuid[]), $2
         ON CONFLICT (need_id) DO UPDATE SET trigger = EXCLUDED.trigger
       )
       SELECT pg_notify($3, '')`,
      [needIds, trigger, CHANNEL],
    );
  }

  async stats(): Promise<RescoreQueueStats> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM rescore_queue`);
    return { queued: n, chunkSize: this.chunkSize, rescored: this.rescored, dropped: this.dropped };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.stopped = false;
    await this.listen();
    this.timer = setInterval(() => this.wake(), 1000);
    this.timer.unref();
    this.readiness.register('rescoreQueue', async () => ({ up: true, details: { ...(await this.stats()) } }));
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.wakeRequested = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
    });
  }

  private async drain(): Promise<void> {
    do {
      this.wakeRequested = false;
      for (;;) {
        if (this.stopped) return;
        let taken: number;
        try {
          taken = await this.drainChunk(this.chunkSize);
        } catch (err) {
          if (await this.handleFailure(err)) continue;
          return;
        }
        if (taken === 0) break;
        if (this.chunkSize < this.config.RESCORE_CHUNK_SIZE) this.chunkSize = Math.min(this.config.RESCORE_CHUNK_SIZE, this.chunkSize * 2);
      }
    } while (this.wakeRequested && !this.stopped);
  }

  /** Re-scores up to `size` queued needs in one transaction; returns how many it took. */
  private drainChunk(size: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await MatchingLock.shared(manager);
      // TypeORM answers DELETE … RETURNING with [rows, affectedCount].
      const [rows]: [{ need_id: string; trigger: string }[], number] = await manager.query(
        `DELETE FROM rescore_queue WHERE need_id IN (
           SELECT need_id FROM rescore_queue ORDER BY enqueued_at, need_id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING need_id, trigger`,
        [size],
      );
      if (rows.length === 0) return 0;
      await this.sync.catchUp(manager);
      for (const r of rows.sort((a, b) => (a.need_id < b.need_id ? -1 : 1))) await this.writer.recompute(manager, r.need_id, r.trigger);
      this.rescored += rows.length;
      return rows.length;
    });
  }

  /** Returns true to go on draining now, false to wait for the next wake-up. */
  private async handleFailure(err: unknown): Promise<boolean> {
    const code = String((err as { code?: string })?.code ?? (err as { driverError?: { code?: string } })?.driverError?.code ?? '');
    if (code.startsWith('53') && this.chunkSize > MIN_CHUNK) {
      this.chunkSize = Math.max(MIN_CHUNK, Math.floor(this.chunkSize / 2));
      this.logger.warn(`Postgres ran out of a resource (${code}); re-scoring in chunks of ${this.chunkSize}`);
      return true;
    }
    if (isTransientInfrastructureError(err) || code.startsWith('53')) {
      this.logger.warn(`re-scoring paused, the database is unavailable: ${String((err as Error)?.message ?? err)}`);
      await new Promise((r) => setTimeout(r, 1000));
      return !this.stopped;
    }
    if (this.chunkSize > 1) {
      // Find the need that fails on its own: go one by one.
      this.chunkSize = 1;
      return true;
    }
    const [[row]]: [{ need_id: string }[], number] = await this.dataSource.query(
      `DELETE FROM rescore_queue WHERE need_id = (SELECT need_id FROM rescore_queue ORDER BY enqueued_at, need_id LIMIT 1) RETURNING need_id`,
    );
    this.dropped += 1;
    this.logger.error(`dropped need ${row?.need_id} from the rescore queue: ${String((err as Error)?.stack ?? err)}`);
    return true;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL });
    client.on('notification', () => this.wake());
    client.on('error', () => {
      this.listener = undefined;
      client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), 1000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.listener = client;
    } catch (err) {
      await client.end().catch(() => undefined);
      this.logger.warn(`cannot LISTEN (${String(err)}); polling every second`);
      if (!this.stopped) setTimeout(() => void this.listen(), 1000).unref();
    }
  }
}
