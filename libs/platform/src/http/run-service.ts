import { INestApplication } from '@nestjs/common';
import { BaseConfig, ConfigError } from '../config/load-config';
import { ReadinessRegistry } from '../health/readiness.registry';

/**
 * `main.ts` of every service: validate config, build the app, listen. Start-up failures end with one
 * sentence saying what is wrong, not a bare stack trace.
 */
export function runService<C extends BaseConfig>(
  service: string,
  loadConfig: () => C,
  createApp: (config: C) => Promise<INestApplication>,
): void {
  const start = async () => {
    const config = loadConfig();
    const app = await createApp(config);
    onShutdownSignal(service, app, config.SHUTDOWN_GRACE_MS);
    try {
      await app.listen(config.PORT, config.HOST);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new ConfigError(`port ${config.PORT} is already in use: stop whatever holds it or set PORT to a free one`);
      }
      throw err;
    }
    console.log(`${service}: listening on http://127.0.0.1:${config.PORT} (docs at /docs, health at /health)`);
  };
  start().catch((err) => {
    const message = err instanceof ConfigError ? err.message : `${(err as Error)?.message ?? err}`;
    console.error(`${service}: cannot start — ${message}`);
    if (!(err instanceof ConfigError)) console.error((err as Error)?.stack);
    process.exit(1);
  });
}

/**
 * SIGTERM / SIGINT: Nest's shutdown hooks (enabled in createHttpApp) do the work — consumers finish
 * their in-flight handler, commit and leave the group; the relay flushes; the HTTP server stops and
 * waits for in-flight requests; the pools close. This adds what they do not: readiness turns 503 at
 * once, and a process still busy after the grace period exits anyway (its uncommitted events are
 * redelivered to the group's next member; the inbox makes that harmless).
 */
function onShutdownSignal(service: string, app: INestApplication, graceMs: number): void {
  const begin = (signal: NodeJS.Signals) => {
    console.log(`${service}: ${signal} received, shutting down (grace ${graceMs} ms)`);
    try {
      app.get(ReadinessRegistry, { strict: false }).beginShutdown();
    } catch {
      // no health module: nothing to report
    }
    setTimeout(() => {
      console.error(`${service}: still busy ${graceMs} ms after ${signal}: exiting without finishing`);
      process.exit(1);
    }, graceMs).unref();
  };
  process.once('SIGTERM', begin);
  process.once('SIGINT', begin);
}
