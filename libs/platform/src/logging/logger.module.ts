import { LoggerModule } from 'nestjs-pino';
import { traceLogFields } from '../observability/tracing';

/**
 * Structured JSON logs (pino) with request ids and, inside a request or an event handler, the trace
 * and span id (so one need's path is searchable across services). The API key header is never logged.
 * `npm start` turns these lines into one readable line each on a terminal (deploy/local/pretty-log.mjs).
 */
export function structuredLogger(service: string, level = process.env.LOG_LEVEL ?? 'info') {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      name: service,
      mixin: traceLogFields,
      redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') || (req.url ?? '').startsWith('/metrics') },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    },
  });
}
