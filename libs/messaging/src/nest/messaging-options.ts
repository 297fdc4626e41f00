export interface MessagingModuleOptions {
  /** Service name: Kafka client id, CloudEvents `source`, consumer-group prefix. */
  service: string;
  brokers: string;
  /** The service's own database, for the relay's LISTEN connection. */
  databaseUrl: string;
  /** Turn the relay off for processes that never publish (defaults to on). */
  relay?: boolean;
  /** Inbox rows are kept this many days (default 30). */
  inboxRetentionDays?: number;
  /** `/health/ready` fails when the oldest unpublished outbox row is older than this (default 60 s). */
  outboxMaxAgeMs?: number;
  /** Broker authentication and TLS (absent: PLAINTEXT, the local default). */
  sasl?: { mechanism: 'scram-sha-512' | 'scram-sha-256' | 'plain'; username: string; password: string };
  ssl?: boolean;
}
