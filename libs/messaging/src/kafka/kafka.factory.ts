import { Kafka, LogEntry, logLevel } from 'kafkajs';

// We choose the partitioner explicitly (murmur2, Java-compatible) below; silence kafkajs' v2 notice.
process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';

export interface MessagingLogger {
  log(message: string, context?: unknown): void;
  warn(message: string, context?: unknown): void;
  error(message: string, context?: unknown): void;
}

export const consoleLogger: MessagingLogger = {
  log: (m) => console.log(m),
  warn: (m) => console.warn(m),
  error: (m) => console.error(m),
};

/**
 * One kafkajs client per process. kafkajs logs every transient coordinator error right after a
 * broker starts as ERROR; we keep those at warn and let our own code report real failures.
 */
export interface KafkaSecurityOptions {
  sasl?: { mechanism: 'scram-sha-512' | 'scram-sha-256' | 'plain'; username: string; password: string };
  ssl?: boolean;
}

export function createKafka(
  brokers: string | string[],
  clientId: string,
  logger: MessagingLogger = consoleLogger,
  security: KafkaSecurityOptions = {},
): Kafka {
  const list = Array.isArray(brokers) ? brokers : brokers.split(',').map((b) => b.trim()).filter(Boolean);
  return new Kafka({
    clientId,
    brokers: list,
    ...(security.sasl ? { sasl: security.sasl as any } : {}),
    ...(security.ssl ? { ssl: true } : {}),
    connectionTimeout: 3000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 100, retries: 8, maxRetryTime: 3000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...rest } = log;
        if (/Limiting retries for the idempotent producer/.test(message)) return; // deliberate, see OutboxRelay
        const text = `kafkajs: ${message}${rest.error ? ` (${rest.error})` : ''}`;
        if (level <= logLevel.WARN) logger.warn(text);
        else logger.log(text);
      },
  });
}
