// Three tiers, one runner. Unit tests are pure; integration and e2e talk to the real Postgres and
// Kafka that deploy/local/test.mjs provisions (it exports DATABASE_URL_BASE / KAFKA_BROKERS).
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;
// ESM-only packages (NestJS 12 and friends) are compiled to CommonJS for Jest; see the transformer.
const transform = { '^.+\\.(t|j)s$': ['<rootDir>/test/jest/esm-interop.transformer.js', { ...swcrc, swcrc: false }] };
const transformIgnorePatterns = ['/node_modules/(?!(@nestjs|@fastify/otel|content-disposition)/)'];
const moduleNameMapper = {
  '^@techbridge/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
};
const common = {
  rootDir: __dirname,
  transform,
  transformIgnorePatterns,
  moduleNameMapper,
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
};
module.exports = {
  // Jest reads testTimeout only at the top level; integration/e2e wait on real brokers and databases.
  testTimeout: 90000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,deploy,test,bench}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,deploy,test}/**/*.int-spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
    },
    {
      // Issue 13: generated hostile input and OWASP checks against the whole in-process stack.
      ...common,
      displayName: 'hostile',
      testMatch: ['<rootDir>/test/hostile/**/*.hostile-spec.ts'],
    },
  ],
};
