/**
 * Infrastructure trouble (database unreachable, restarting, serialization conflicts) is retried until
 * it passes: sending such a message to the DLQ would lose work that is perfectly valid.
 * Everything else is a handler error: bounded retries, then the dead-letter topic.
 */
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const TRANSIENT_SQLSTATE_PREFIXES = ['08', '53', '57P', '40001', '40P01'];

export function isTransientInfrastructureError(err: unknown): boolean {
  const e = err as { code?: string; message?: string; driverError?: unknown } | undefined;
  if (!e) return false;
  if (e.driverError && isTransientInfrastructureError(e.driverError)) return true;
  const code = e.code ?? '';
  if (TRANSIENT_NODE_CODES.has(code)) return true;
  if (TRANSIENT_SQLSTATE_PREFIXES.some((p) => code.startsWith(p))) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(
    e.message ?? '',
  );
}
