export * from './start-stack';
export type { ServiceName } from './services';
export * from './outage-broker';
