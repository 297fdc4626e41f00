/** Dependency rules the build enforces (npm run lint), rather than hoping code review catches them. */
// Matched against the resolved path (node_modules/@nestjs/common/index.js), not the import specifier.
const frameworks = '(^|node_modules/)(@nestjs/|typeorm|kafkajs|pg$|pg/|@fastify/)';
module.exports = {
  forbidden: [
    {
      name: 'matching-core-is-framework-free',
      comment: 'libs/matching-core is the scoring engine: plain TypeScript, no Nest/TypeORM/kafkajs/pg.',
      severity: 'error',
      from: { path: '^libs/matching-core/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        path: frameworks,
      },
    },
    {
      name: 'scheduling-is-framework-free',
      comment:
        'libs/scheduling is the meeting scheduler: plain TypeScript, no Nest/TypeORM/kafkajs/pg (and no solver package: an exact solver is passed in by the caller).',
      severity: 'error',
      from: { path: '^libs/scheduling/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        path: '(^|node_modules/)(@nestjs/|typeorm|kafkajs|pg$|pg/|@fastify/|highs/|fast-check/)',
      },
    },
    {
      name: 'domain-is-framework-free',
      comment: 'domain/ folders hold invariants and lifecycle rules only.',
      severity: 'error',
      from: { path: '/domain/' },
      to: { path: frameworks },
    },
    {
      name: 'apps-do-not-import-each-other',
      comment: 'Services talk over Kafka, never by importing each other.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$|\\.int-spec\\.ts$|\\.e2e-spec\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
