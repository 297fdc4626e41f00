export * from './start-stack';
export type { ServiceName } from './services';
