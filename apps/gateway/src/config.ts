import { z } from 'zod';
import { loadConfig } from '@techbridge/platform';

/**
 * The gateway owns no data: no DATABASE_URL, no Kafka, no admin key. That is why it does not extend
 * baseConfigSchema (which requires all three); it reuses loadConfig for the one-sentence errors.
 */
const upstreamUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL')
  .transform((u) => u.replace(/\/+$/, ''));

export const gatewayConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  PROFILES_URL: upstreamUrl.default('http://127.0.0.1:3001'),
  CATALOG_URL: upstreamUrl.default('http://127.0.0.1:3002'),
  MATCHING_URL: upstreamUrl.default('http://127.0.0.1:3003'),
  WORKSHOPS_URL: upstreamUrl.default('http://127.0.0.1:3004'),
  /** Upper bound for one upstream answer; a slower upstream gives the client 504. */
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** Keep-alive connections per upstream in the undici pool. */
  UPSTREAM_CONNECTIONS: z.coerce.number().int().min(1).default(128),
  /**
   * Proxies in front of the gateway whose X-Forwarded-For is believed (a load balancer's addresses or
   * CIDRs, comma-separated). Empty: the socket peer is the client.
   */
  TRUST_PROXY: z.string().default(''),
  /** A request (headers and body) must arrive within this time; a slow sender is cut off (slowloris). */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  /** Open connections allowed per client address. */
  MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(1).default(64),
  /** Largest request body passed on (the services' own limit: a larger body never reaches them). */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(100 * 1024),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  return loadConfig(gatewayConfigSchema, env);
}
