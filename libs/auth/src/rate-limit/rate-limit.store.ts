import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface WindowHits {
  hits: number;
  /** milliseconds until the window ends */
  resetMs: number;
}

/**
 * Fixed-window counters in the service's own Postgres, so every instance of a service shares them
 * (an in-memory limiter gives each instance, and so each client, a fresh budget). One statement per
 * counted event; old windows are pruned now and then.
 */
@Injectable()
export class RateLimitStore implements OnApplicationShutdown {
  private lastPrune = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async hit(bucket: string, windowMs: number): Promise<WindowHits> {
    const now = Date.now();
    const windowStart = now - (now % windowMs);
    const [{ hits }] = await this.dataSource.query(
      `INSERT INTO rate_limit_hits (bucket, window_start, hits) VALUES ($1, to_timestamp($2 / 1000.0), 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1
       RETURNING hits`,
      [bucket.slice(0, 200), windowStart],
    );
    void this.prune(now);
    return { hits, resetMs: windowStart + windowMs - now };
  }

  onApplicationShutdown(): void {
    this.lastPrune = Number.POSITIVE_INFINITY;
  }

  private async prune(now: number): Promise<void> {
    if (now - this.lastPrune < 600_000) return;
    this.lastPrune = now;
    await this.dataSource.query(`DELETE FROM rate_limit_hits WHERE window_start < now() - interval '1 day'`).catch(() => undefined);
  }
}
