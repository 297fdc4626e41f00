// `npm start` output: one readable, coloured line per log event (pino-pretty) on a terminal; the
// services' JSON lines untouched when stdout is not a terminal or LOG_FORMAT=json.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Nest's start-up chatter (modules loaded, every route mapped): shown only at LOG_LEVEL=debug. */
const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/** `pretty` when LOG_FORMAT=pretty, or unset on a terminal; `json` otherwise. */
export function logFormat(env, isTTY) {
  if (env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'pretty') return env.LOG_FORMAT;
  return isTTY ? 'pretty' : 'json';
}

/** Request lines (pino-http) as `POST /v1/needs → 201 12 ms`; others as `[context] message`; a short trace id. */
function messageFormat(log, messageKey) {
  const trace = log.traceId ? ` · trace ${String(log.traceId).slice(0, 8)}` : '';
  if (log.req && log.res) {
    return `${log.req.method} ${log.req.url} → ${log.res.statusCode} ${log.responseTime ?? '?'} ms${trace}`;
  }
  const context = log.context ? `[${log.context}] ` : '';
  return `${context}${log[messageKey] ?? ''}${trace}`;
}

/**
 * Returns `format(line) → string | null` (null: drop the line). Non-JSON lines (a service's own
 * console output, stack traces) pass through as they are.
 */
export function createLogFormatter({ format, colorize, level = 'info' }) {
  if (format !== 'pretty') return (line) => line;
  const { prettyFactory } = require('pino-pretty');
  const pretty = prettyFactory({
    colorize,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,name,context,req,res,responseTime,traceId,spanId',
    messageFormat,
  });
  const showStartup = level === 'debug' || level === 'trace';
  return (line) => {
    if (!line.startsWith('{')) return line;
    let log;
    try {
      log = JSON.parse(line);
    } catch {
      return line;
    }
    if (!showStartup && STARTUP_CONTEXTS.has(log.context)) return null;
    return pretty(log).trimEnd();
  };
}
