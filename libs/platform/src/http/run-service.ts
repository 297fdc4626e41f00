import { INestApplication } from '@nestjs/common';
import { BaseConfig, ConfigError } from '../config/load-config';

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
