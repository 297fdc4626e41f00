import { BaseRpcContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import type { HandlerContext } from '../inbox/inbox.consumer';

/**
 * What an `@EventPattern` handler gets with `@Ctx()`: the inbox transaction's entity manager (every
 * effect of the handler goes through it, so it commits with the inbox row or not at all) and where the
 * message came from.
 */
export class InboxContext extends BaseRpcContext<[HandlerContext]> {
  constructor(context: HandlerContext) {
    super([context]);
  }

  private get ctx(): HandlerContext {
    return this.args[0];
  }

  get manager(): EntityManager {
    return this.ctx.manager;
  }

  get topic(): string {
    return this.ctx.topic;
  }

  get partition(): number {
    return this.ctx.partition;
  }

  get offset(): string {
    return this.ctx.offset;
  }

  /** Runs after the transaction commits (e.g. update an in-memory index); never on rollback. */
  afterCommit(callback: () => void): void {
    this.ctx.afterCommit(callback);
  }

  /** Runs after the transaction rolled back (undo in-memory changes made inside it). */
  afterRollback(callback: () => void | Promise<void>): void {
    this.ctx.afterRollback(callback);
  }

  /** The framework-free context, for code shared with non-Nest callers. */
  get handlerContext(): HandlerContext {
    return this.ctx;
  }
}
