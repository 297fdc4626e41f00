import { Injectable } from '@nestjs/common';

export interface ReadinessResult {
  up: boolean;
  /** What an operator needs to see: lag, backlog, which connection is missing … */
  details?: Record<string, unknown>;
}

export type ReadinessCheck = () => Promise<ReadinessResult> | ReadinessResult;

/**
 * Checks that `/health/ready` runs besides the database ping. Libraries and features register theirs
 * at start-up (Kafka connections and consumers, the outbox backlog, the matching index …).
 */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();
  private shuttingDown = false;

  /** SIGTERM received: not ready from now on, so load balancers stop sending work while in-flight work finishes. */
  beginShutdown(): void {
    this.shuttingDown = true;
  }

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  async run(): Promise<Record<string, ReadinessResult>> {
    const out: Record<string, ReadinessResult> = {};
    if (this.shuttingDown) out.shutdown = { up: false, details: { reason: 'shutting down: finishing in-flight work' } };
    for (const [name, check] of this.checks) {
      try {
        out[name] = await check();
      } catch (err) {
        out[name] = { up: false, details: { error: String((err as Error)?.message ?? err) } };
      }
    }
    return out;
  }
}
