import { LoggerModule } from 'nestjs-pino';

/** Structured JSON logs (pino) with request ids; the API key header is never logged. */
export function structuredLogger(service: string, level = process.env.LOG_LEVEL ?? 'info') {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      name: service,
      redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    },
  });
}
