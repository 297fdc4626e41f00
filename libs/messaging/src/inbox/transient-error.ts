/**
 * Infrastructure trouble (database unreachable, restarting, serialization conflicts) is retried until
 * it passes: sending such a message to the DLQ would lose work that is perfectly valid.
 * Everything else is a handler error: bounded retries, then the dead-letter topic. Postgres running
 * out of a resource (SQLSTATE class 53) is not transient here: the same work would exhaust it again,
 * so the inbox consumer retries it a bounded number of times.
 */
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
/** 08: connection exceptions; 57P: operator intervention (shutdown, terminated); 40001/40P01: retry the transaction. */
const TRANSIENT_SQLSTATE_PREFIXES = ['08', '57P', '40001', '40P01'];
const RELEASED_RUNNER = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

export function isTransientInfrastructureError(err: unknown): boolean {
  const e = err as { code?: string; message?: string; driverError?: unknown } | undefined;
  if (!e) return false;
  if (e.driverError && isTransientInfrastructureError(e.driverError)) return true;
  // TypeORM released the transaction's query runner because its session was terminated under it.
  if (RELEASED_RUNNER.has(String((e as { name?: unknown }).name))) return true;
  const code = e.code ?? '';
  if (TRANSIENT_NODE_CODES.has(code)) return true;
  if (TRANSIENT_SQLSTATE_PREFIXES.some((p) => code.startsWith(p))) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect|database system is (starting up|shutting down)|is not currently accepting connections/i.test(
    e.message ?? '',
  );
}
