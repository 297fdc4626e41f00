export interface MessagingModuleOptions {
  /** Service name: Kafka client id, CloudEvents `source`, consumer-group prefix. */
  service: string;
  brokers: string;
  /** The service's own database, for the relay's LISTEN connection. */
  databaseUrl: string;
  /** Turn the relay off for processes that never publish (defaults to on). */
  relay?: boolean;
}
