export * from './test-database';
export * from './wait-for';
export * from './test-kafka';
export * from './outage-broker';
export * from './topic-tools';
