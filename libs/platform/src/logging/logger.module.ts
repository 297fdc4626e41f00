import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { Options } from 'pino-http';
import { traceLogFields } from '../observability/tracing';

/**
 * Structured JSON logs (pino) with request ids and, inside a request or an event handler, the trace
 * and span id (so one need's path is searchable across services). The API key header is never logged.
 * `npm start` turns these lines into one readable line each on a terminal (deploy/local/pretty-log.mjs).
 * `LOG_FILE` appends them to that file instead of stdout (the hostile-input suite reads its services' logs).
 */
export function structuredLogger(service: string, level = process.env.LOG_LEVEL ?? 'info') {
  const options: Options = {
    level,
    name: service,
    mixin: traceLogFields,
    redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') || (req.url ?? '').startsWith('/metrics') },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
  };
  const file = process.env.LOG_FILE;
  return LoggerModule.forRoot({ pinoHttp: file ? [options, pino.destination({ dest: file, sync: true, mkdir: true })] : options });
}
