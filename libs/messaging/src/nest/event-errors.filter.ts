import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC filter turns every handler error into `{ status: 'error', message: 'Internal
 * server error' }`. The inbox consumer needs the original error to decide between retrying (Postgres
 * down), dead-lettering (a bug) and abandoning (rebalance), so event handlers rethrow it unchanged.
 */
@Catch()
export class EventErrorPassthroughFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
