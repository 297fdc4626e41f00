import { ROUTE_TABLE } from '../routes';
import { OpenApiDocument, mergePublicApi, routeOwner } from './public-api-document';

const op = (operationId: string, extra: Record<string, unknown> = {}) => ({
  operationId,
  tags: ['t'],
  responses: { 200: { description: '' } },
  ...extra,
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string) => ({ requestBody: { content: { 'application/json': { schema: ref(name) } } } });

function doc(paths: OpenApiDocument['paths'], schemas: Record<string, unknown> = {}): OpenApiDocument {
  return { openapi: '3.0.0', info: { title: 'svc', version: '1' }, paths, components: { schemas } };
}

const empty = () => doc({});

describe('routeOwner (the gateway’s routing, applied to OpenAPI paths)', () => {
  it.each([
    ['/v1/enterprises', 'profiles'],
    ['/v1/enterprises/{id}', 'profiles'],
    ['/v1/admin/principals/{principalId}/revoke-keys', 'profiles'],
    ['/v1/offers/{id}/publish', 'catalog'],
    ['/v1/needs/{id}', 'catalog'],
    ['/v1/needs/{id}/matches', 'matching'],
    ['/v1/offers/{id}/matches', 'matching'],
    ['/v1/admin/rescore/{jobId}', 'matching'],
    ['/v1/workshops/{id}/reports/{reportId}', 'workshops'],
    ['/health', null],
    ['/health/ready', null],
    ['/admin/dead-letters/replay', null],
    ['/metrics', null],
    ['/v1/offersx', null],
  ])('%s → %s', (path, owner) => {
    expect(routeOwner(path, ROUTE_TABLE)).toBe(owner);
  });
});

describe('mergePublicApi', () => {
  it('keeps only the paths the gateway routes to the service that documents them, and the schemas they reach', () => {
    const { document } = mergePublicApi({
      profiles: doc({ '/v1/me': { get: op('me') }, '/health': { get: op('health_profiles') } }),
      catalog: doc(
        {
          '/v1/needs': { post: op('createNeed', body('CreateNeedDto')) },
          // catalog documenting a path the gateway sends to matching: not public through catalog
          '/v1/needs/{id}/matches': { get: op('shadow') },
          '/admin/dead-letters/replay': { post: op('replay', body('ReplayDto')) },
        },
        {
          CreateNeedDto: { type: 'object', properties: { budget: ref('MoneyRangeDto') } },
          MoneyRangeDto: { type: 'object' },
          ReplayDto: { type: 'object' },
        },
      ),
      matching: doc({ '/v1/needs/{id}/matches': { get: op('matches') } }),
      workshops: empty(),
    });
    expect(Object.keys(document.paths)).toEqual(['/v1/me', '/v1/needs', '/v1/needs/{id}/matches']);
    expect(document.paths['/v1/needs/{id}/matches'].get.operationId).toBe('matches');
    expect(Object.keys(document.components!.schemas!)).toEqual(['CreateNeedDto', 'MoneyRangeDto']);
    expect(document.info.title).toBe('TechBridge public API');
    expect(Object.keys(document.components!.securitySchemes!)).toEqual(['bearer', 'api-key']);
  });

  it('shares a schema two services define identically, and prefixes one defined differently with the service name', () => {
    const { document, renamedSchemas } = mergePublicApi({
      profiles: doc(
        {
          '/v1/enterprises': {
            post: op('a', body('Shared')),
            get: op('b', {
              responses: { 200: { content: { 'application/json': { schema: ref('Money') } } } },
            }),
          },
        },
        {
          Shared: { type: 'object', properties: { x: { type: 'string' } } },
          Money: { type: 'object', properties: { pkr: { type: 'number' } } },
        },
      ),
      catalog: doc(
        { '/v1/offers': { post: op('c', body('Wrapper')) } },
        {
          Shared: { type: 'object', properties: { x: { type: 'string' } } },
          Wrapper: { type: 'object', properties: { price: ref('Money'), same: ref('Shared') } },
          Money: { type: 'object', properties: { cny: { type: 'number' } } },
        },
      ),
      matching: empty(),
      workshops: empty(),
    });
    expect(renamedSchemas).toEqual(['Money']);
    expect(Object.keys(document.components!.schemas!)).toEqual([
      'CatalogMoney',
      'ProfilesMoney',
      'Shared',
      'Wrapper',
    ]);
    expect(document.components!.schemas!.Wrapper.properties.price).toEqual(ref('CatalogMoney'));
    expect(document.components!.schemas!.Wrapper.properties.same).toEqual(ref('Shared'));
    expect(document.paths['/v1/enterprises'].get.responses[200].content['application/json'].schema).toEqual(
      ref('ProfilesMoney'),
    );
    expect(document.components!.schemas!.ProfilesMoney.properties).toHaveProperty('pkr');
  });

  it('fails loudly on an operation id used by two services, and on a reference to a schema nobody defines', () => {
    expect(() =>
      mergePublicApi({
        profiles: doc({ '/v1/me': { get: op('dup') } }),
        catalog: doc({ '/v1/offers': { get: op('dup') } }),
        matching: empty(),
        workshops: empty(),
      }),
    ).toThrow(/operationId dup/);
    expect(() =>
      mergePublicApi({
        profiles: doc({ '/v1/me': { post: op('x', body('Missing')) } }),
        catalog: empty(),
        matching: empty(),
        workshops: empty(),
      }),
    ).toThrow(/does not define: Missing/);
  });

  it('names the routed prefixes that no service documents', () => {
    const { undocumentedPrefixes } = mergePublicApi({
      profiles: doc({ '/v1/me': { get: op('me') } }),
      catalog: empty(),
      matching: empty(),
      workshops: empty(),
    });
    expect(undocumentedPrefixes).toContain('/v1/offers');
    expect(undocumentedPrefixes).not.toContain('/v1/me');
  });
});
