import { z } from 'zod';

/** Settings every service reads. Services extend this schema with their own. */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535),
  /** Listen on loopback unless told otherwise: the services are reached through the gateway. */
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url(),
  KAFKA_BROKERS: z.string().min(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Operator credential; at least 32 characters so it cannot be guessed. */
  ADMIN_API_KEY: z.string().min(32, 'ADMIN_API_KEY must be at least 32 characters'),
  /** Broker authentication (a shared network: SASL/SCRAM with the service's own user; see deploy/). */
  KAFKA_SASL_MECHANISM: z.enum(['scram-sha-512', 'scram-sha-256', 'plain']).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  /** Where spans go: nowhere by default (trace ids still reach logs and events); `otlp` reads OTEL_EXPORTER_OTLP_*. */
  OTEL_TRACES_EXPORTER: z.enum(['none', 'otlp', 'console']).default('none'),
  /** How long SIGTERM waits for in-flight requests and handlers before the process exits anyway. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
  /** TLS to the brokers. */
  KAFKA_SSL: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type BaseConfig = z.infer<typeof baseConfigSchema>;

export interface KafkaSecurity {
  sasl?: { mechanism: 'scram-sha-512' | 'scram-sha-256' | 'plain'; username: string; password: string };
  ssl?: boolean;
}

/** The broker credentials of a service's config, in the shape the messaging module takes. */
export function kafkaSecurity(config: Pick<BaseConfig, 'KAFKA_SASL_MECHANISM' | 'KAFKA_SASL_USERNAME' | 'KAFKA_SASL_PASSWORD' | 'KAFKA_SSL'>): KafkaSecurity {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = config;
  if (mechanism && (!username || !password)) {
    throw new ConfigError('KAFKA_SASL_MECHANISM needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD');
  }
  return { ...(mechanism && username && password ? { sasl: { mechanism, username, password } } : {}), ...(config.KAFKA_SSL ? { ssl: true } : {}) };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Validates the environment once at start-up. A wrong setting stops the service with one sentence per
 * problem naming the variable, instead of a failure deep inside a request later.
 */
export function loadConfig<S extends z.ZodObject<any>>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
  throw new ConfigError(`invalid configuration — ${lines.join('; ')}`);
}
