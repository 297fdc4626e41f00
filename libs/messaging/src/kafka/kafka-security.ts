import fs from 'node:fs';
import type { SASLOptions } from 'kafkajs';
import type { ConnectionOptions } from 'node:tls';

/** TLS and SASL settings of the kafkajs client; empty for a plaintext broker (the local default). */
export interface KafkaSecurity {
  ssl?: boolean | ConnectionOptions;
  sasl?: SASLOptions;
}

const MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

/**
 * Broker security from the environment (validated at start-up by libs/platform's config schema):
 * `KAFKA_SASL_MECHANISM` (`scram-sha-512` for Strimzi's KafkaUser), `KAFKA_SASL_USERNAME`,
 * `KAFKA_SASL_PASSWORD`; `KAFKA_SSL=true` for TLS with the system CAs, `KAFKA_SSL_CA_FILE` for TLS with a
 * cluster CA (PEM, e.g. Strimzi's `<cluster>-cluster-ca-cert` mounted as a file).
 */
export function kafkaSecurityFromEnv(env: Record<string, string | undefined> = process.env): KafkaSecurity {
  const security: KafkaSecurity = {};
  if (env.KAFKA_SSL_CA_FILE) {
    security.ssl = { ca: [fs.readFileSync(env.KAFKA_SSL_CA_FILE, 'utf8')] };
  } else if (env.KAFKA_SSL === 'true') {
    security.ssl = true;
  }
  const mechanism = env.KAFKA_SASL_MECHANISM?.toLowerCase();
  if (mechanism) {
    if (!(MECHANISMS as readonly string[]).includes(mechanism)) {
      throw new Error(`KAFKA_SASL_MECHANISM must be one of ${MECHANISMS.join(', ')} (got ${mechanism})`);
    }
    if (!env.KAFKA_SASL_USERNAME || !env.KAFKA_SASL_PASSWORD) {
      throw new Error('KAFKA_SASL_MECHANISM is set: KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required too');
    }
    security.sasl = { mechanism, username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD } as SASLOptions;
  }
  return security;
}
