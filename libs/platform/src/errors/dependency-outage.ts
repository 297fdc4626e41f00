/**
 * Is this error "a backing service is unavailable right now" (→ 503 with Retry-After), rather than a
 * bug (→ 500)? Postgres refusing or dropping connections (a terminated session, a database not accepting
 * connections), shutting down, out of connections or other resources, the pool timing out. The HTTP answer only; the Kafka consumers have their own retry
 * policy (libs/messaging, inbox/transient-error.ts).
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATE classes 08 (connection), 53 (insufficient resources), 57P (operator intervention). */
const OUTAGE_SQLSTATE = /^(08|53|57P)/;
const OUTAGE_MESSAGE =
  /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect|database system is (starting up|shutting down)|does not allow connections|is not currently accepting connections/i;
/**
 * TypeORM releases a query runner when its connection emits an error (the session was terminated
 * under a transaction); the transaction's next statement then fails with one of these.
 */
const RELEASED_RUNNER = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

export function isDependencyOutage(err: unknown, depth = 0): boolean {
  const e = err as { code?: unknown; message?: unknown; driverError?: unknown } | null | undefined;
  if (!e || depth > 3) return false;
  if (e.driverError && isDependencyOutage(e.driverError, depth + 1)) return true;
  if (RELEASED_RUNNER.has(String((e as { name?: unknown }).name))) return true;
  const code = typeof e.code === 'string' ? e.code : '';
  return NETWORK_CODES.has(code) || OUTAGE_SQLSTATE.test(code) || OUTAGE_MESSAGE.test(typeof e.message === 'string' ? e.message : '');
}
