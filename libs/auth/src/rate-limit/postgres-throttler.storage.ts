import { Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { RateLimitStore } from './rate-limit.store';

/** @nestjs/throttler's storage on the shared Postgres counters: one budget per client across instances. */
@Injectable()
export class PostgresThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly store: RateLimitStore) {}

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string) {
    const { hits, resetMs } = await this.store.hit(`${throttlerName}:${key}`, ttl);
    const seconds = Math.ceil(resetMs / 1000);
    return { totalHits: hits, timeToExpire: seconds, isBlocked: hits > limit, timeToBlockExpire: hits > limit ? seconds : 0 };
  }
}
