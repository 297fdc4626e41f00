import 'reflect-metadata';
import { previewOpenApiDocument } from '@techbridge/platform';
import type { Upstream } from '../../apps/gateway/src/routes';
import type { OpenApiDocument } from '../../apps/gateway/src/openapi/public-api-document';

/*
 * The services' own OpenAPI documents, built without running them (Nest preview mode: no database,
 * no broker). Tooling only — `npm run client:generate` and the drift test — never imported by a
 * service. The configuration values only satisfy the schemas: nothing connects anywhere.
 */
const PLACEHOLDER_ENV = {
  NODE_ENV: 'test',
  PORT: '1',
  LOG_LEVEL: 'silent',
  DATABASE_URL: 'postgres://openapi:openapi@127.0.0.1:1/openapi',
  KAFKA_BROKERS: '127.0.0.1:1',
  ADMIN_API_KEY: 'openapi-placeholder-admin-key-not-used-anywhere',
};

/* eslint-disable @typescript-eslint/no-require-imports */
const SERVICES: Record<Upstream, () => any> = {
  profiles: () =>
    require('../../apps/profiles/src/profiles.module').ProfilesModule.forRoot(
      require('../../apps/profiles/src/config').loadProfilesConfig(PLACEHOLDER_ENV),
    ),
  catalog: () =>
    require('../../apps/catalog/src/catalog.module').CatalogModule.forRoot(
      require('../../apps/catalog/src/config').loadCatalogConfig(PLACEHOLDER_ENV),
    ),
  matching: () =>
    require('../../apps/matching/src/matching.module').MatchingModule.forRoot(
      require('../../apps/matching/src/config').loadMatchingConfig(PLACEHOLDER_ENV),
    ),
  workshops: () =>
    require('../../apps/workshops/src/workshops.module').WorkshopsModule.forRoot(
      require('../../apps/workshops/src/config').loadWorkshopsConfig(PLACEHOLDER_ENV),
    ),
};
/* eslint-enable @typescript-eslint/no-require-imports */

export async function serviceDocuments(): Promise<Record<Upstream, OpenApiDocument>> {
  const out = {} as Record<Upstream, OpenApiDocument>;
  for (const [service, module] of Object.entries(SERVICES) as [Upstream, () => any][]) {
    out[service] = (await previewOpenApiDocument(module(), {
      title: `TechBridge ${service}`,
      description: '',
    })) as unknown as OpenApiDocument;
  }
  return out;
}
