import { createConfig, lintFromString } from '@redocly/openapi-core';
import Ajv from 'ajv';
import { Schemas, TechBridgeClient, createTechBridgeClient, publicApiDocument } from '@techbridge/client';
import { waitFor } from '@techbridge/testing';
import {
  OpenApiDocument,
  mergePublicApi,
  routeOwner,
} from '../../apps/gateway/src/openapi/public-api-document';
import { ROUTE_TABLE, Upstream } from '../../apps/gateway/src/routes';
import { Stack, startStack } from '../support/stack';
import { registerEnterprise } from './support/api';

const LANGUAGES = ['en', 'zh-Hans', 'ur'];

/** The request-body examples of one operation of the served document. */
function examplesOf(
  doc: OpenApiDocument,
  path: string,
  method = 'post',
): Record<string, { summary: string; value: any }> {
  return doc.paths[path][method].requestBody.content['application/json'].examples;
}

/** A key registered in profiles reaches catalog through its event; wait until catalog knows it. */
async function usableInCatalog(client: TechBridgeClient): Promise<TechBridgeClient> {
  await waitFor(
    () => client.GET('/v1/offers', { params: { query: { mine: true, limit: 1 } } }),
    (r) => r.response.status === 200,
    { what: 'key usable in catalog' },
  );
  return client;
}

describe('the public API documentation at the gateway (e2e)', () => {
  let stack: Stack;
  let served: OpenApiDocument;

  beforeAll(async () => {
    stack = await startStack({
      services: ['profiles', 'catalog', 'matching', 'workshops'],
      name: 'docs_e2e',
      env: { REGISTRATION_RATE_LIMIT: '1000' },
    });
    const res = await fetch(`${stack.gatewayUrl}/docs/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    served = (await res.json()) as OpenApiDocument;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('serves the committed document (libs/client), valid OpenAPI 3 by Redocly’s structural rules', async () => {
    expect(served).toEqual(publicApiDocument);
    expect(served.openapi).toMatch(/^3\.0\.\d+$/);
    expect(served.info.title).toBe('TechBridge public API');
    const config = await createConfig({
      rules: {
        struct: 'error',
        'no-unresolved-refs': 'error',
        'operation-operationId-unique': 'error',
        'path-parameters-defined': 'error',
        'no-identical-paths': 'error',
      },
    });
    const problems = await lintFromString({
      source: JSON.stringify(served),
      absoluteRef: 'openapi.json',
      config,
    });
    expect(
      problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`),
    ).toEqual([]);
  });

  it('is exactly the merge of what the running services serve at their own /docs/openapi.json (no drift)', async () => {
    const own = {} as Record<Upstream, OpenApiDocument>;
    for (const service of Object.keys(ROUTE_TABLE) as Upstream[]) {
      const res = await fetch(`${stack.urls[service]}/docs/openapi.json`);
      expect(res.status).toBe(200);
      own[service] = (await res.json()) as OpenApiDocument;
    }
    expect(mergePublicApi(own).document).toEqual(served);
  });

  it('documents every route of the gateway’s route table that a service answers, and nothing the gateway does not route', async () => {
    const paths = Object.keys(served.paths);
    for (const path of paths) expect([path, routeOwner(path)]).toEqual([path, expect.any(String)]);
    expect(paths.filter((p) => /^\/(health|admin|metrics|docs)/.test(p))).toEqual([]);
    for (const [service, prefixes] of Object.entries(ROUTE_TABLE) as [Upstream, string[]][]) {
      for (const prefix of prefixes) {
        const under = paths.filter(
          (p) =>
            routeOwner(p) === service &&
            p.replace(/\{[^}]+\}/g, ':x').startsWith(prefix.replace(/:[a-zA-Z]+/g, ':x')),
        );
        if (under.length > 0) continue;
        // A prefix no operation documents (routed ahead of its service): the service must answer 404 for it.
        const probe = await fetch(
          `${stack.gatewayUrl}${prefix.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000')}`,
        );
        expect([prefix, probe.status]).toEqual([prefix, 404]);
      }
    }
    for (const prefix of [
      '/v1/enterprises',
      '/v1/me',
      '/v1/offers',
      '/v1/needs',
      '/v1/taxonomy/sectors',
      '/v1/needs/{id}/matches',
      '/v1/workshops',
      '/v1/workshops/{id}/reports',
    ]) {
      expect(paths).toContain(prefix);
    }
  });

  it('says which operations need a key, as the services enforce it (anonymous GETs: 401 exactly where a key is required)', async () => {
    const key = [{ bearer: [] }, { 'api-key': [] }];
    expect(served.paths['/v1/me'].get.security).toEqual(key);
    expect(served.paths['/v1/enterprises'].post.security).toEqual([{}, ...key]);
    const gets = Object.entries(served.paths).filter(([path, item]) => !path.includes('{') && item.get);
    expect(gets.length).toBeGreaterThanOrEqual(6);
    for (const [path, item] of gets) {
      const optional = (item.get.security as object[]).some((r) => Object.keys(r).length === 0);
      const res = await fetch(`${stack.gatewayUrl}${path}`);
      await res.body?.cancel();
      expect([path, optional ? res.status !== 401 : res.status === 401]).toEqual([path, true]);
    }
  });

  it('shows one request example per language for offers, needs and registrations, each accepted as is', async () => {
    for (const path of ['/v1/offers', '/v1/needs', '/v1/enterprises']) {
      expect([path, Object.keys(examplesOf(served, path)).sort()]).toEqual([path, [...LANGUAGES].sort()]);
    }
    const scripts: Record<string, RegExp> = {
      en: /^[\x20-\x7e]+$/,
      'zh-Hans': /[\u4e00-\u9fff]/,
      ur: /[\u0600-\u06ff]/,
    };
    for (const lang of LANGUAGES) {
      expect(examplesOf(served, '/v1/offers')[lang].value.language).toBe(lang);
      expect(examplesOf(served, '/v1/needs')[lang].value.language).toBe(lang);
      expect(examplesOf(served, '/v1/offers')[lang].value.title).toMatch(scripts[lang]);
      expect(examplesOf(served, '/v1/needs')[lang].value.title).toMatch(scripts[lang]);
    }

    const anonymous = createTechBridgeClient(stack.gatewayUrl);
    for (const [lang, example] of Object.entries(examplesOf(served, '/v1/enterprises'))) {
      const { data, response } = await anonymous.POST('/v1/enterprises', {
        body: example.value as Schemas['RegisterEnterpriseDto'],
      });
      expect([lang, response.status]).toEqual([lang, 201]);
      expect(data!.legalName).toBe(example.value.legalName);
    }
    const cn = createTechBridgeClient(stack.gatewayUrl, {
      apiKey: (await registerEnterprise(stack.gatewayUrl, { country: 'CN' })).apiKey,
    });
    const pk = createTechBridgeClient(stack.gatewayUrl, {
      apiKey: (await registerEnterprise(stack.gatewayUrl, { country: 'PK' })).apiKey,
    });
    for (const [lang, example] of Object.entries(examplesOf(served, '/v1/offers'))) {
      const { data, response } = await cn.POST('/v1/offers', {
        body: example.value as Schemas['CreateOfferDto'],
        params: { query: { publish: true } },
      });
      expect([lang, response.status]).toEqual([lang, 201]);
      expect(data).toMatchObject({ language: lang, status: 'published', title: example.value.title });
    }
    for (const [lang, example] of Object.entries(examplesOf(served, '/v1/needs'))) {
      const { data, response } = await pk.POST('/v1/needs', {
        body: example.value as Schemas['CreateNeedDto'],
      });
      expect([lang, response.status]).toEqual([lang, 201]);
      expect(data).toMatchObject({ language: lang, status: 'draft', title: example.value.title });
    }
    const admin = createTechBridgeClient(stack.gatewayUrl, { apiKey: stack.adminKey });
    for (const [name, example] of Object.entries(examplesOf(served, '/v1/workshops'))) {
      const { response } = await admin.POST('/v1/workshops', {
        body: example.value as Schemas['CreateWorkshopDto'],
      });
      expect([name, response.status]).toEqual([name, 201]);
    }
  });

  it('documents the responses the services really send (validated against the response schemas)', async () => {
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    // Closed objects: a field the service sends but the document does not know fails too. And OpenAPI
    // 3.0's `nullable` next to `allOf: [$ref]` (a nullable nested object) means "null or that object".
    const closed = JSON.parse(JSON.stringify(served.components), (_k, v) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
      if (v.nullable === true && v.allOf) return { anyOf: [{ allOf: v.allOf }, { type: 'null' }] };
      if (v.type === 'object' && v.properties && v.additionalProperties === undefined)
        return { ...v, additionalProperties: false };
      return v;
    });
    ajv.addSchema({ components: closed }, 'api');
    const check = (schema: string, value: unknown) => {
      const validate = ajv.getSchema(`api#/components/schemas/${schema}`)!;
      expect([schema, validate(value) ? [] : validate.errors]).toEqual([schema, []]);
    };
    const registered = await createTechBridgeClient(stack.gatewayUrl).POST('/v1/enterprises', {
      body: {
        ...(examplesOf(served, '/v1/enterprises').en.value as Schemas['RegisterEnterpriseDto']),
        legalName: `Sindh Drip ${Date.now()} (Pvt) Ltd.`,
        contact: { name: 'S', email: `s${Date.now()}@example.pk` },
      },
    });
    check('RegisteredEnterpriseResponse', registered.data);
    const api = await usableInCatalog(
      createTechBridgeClient(stack.gatewayUrl, { apiKey: registered.data!.apiKey }),
    );
    check(
      'EnterpriseResponse',
      (await api.GET('/v1/enterprises/{id}', { params: { path: { id: registered.data!.id } } })).data,
    );
    check(
      'EnterprisePageResponse',
      (await api.GET('/v1/enterprises', { params: { query: { limit: 5 } } })).data,
    );
    check('MeResponse', (await api.GET('/v1/me')).data);
    const need = await api.POST('/v1/needs', {
      body: examplesOf(served, '/v1/needs').en.value as Schemas['CreateNeedDto'],
      params: { query: { publish: true } },
    });
    check('NeedResponse', need.data);
    check('NeedPageResponse', (await api.GET('/v1/needs', { params: { query: { mine: true } } })).data);
    check('SectorTreeResponse', (await api.GET('/v1/taxonomy/sectors')).data);
    const offers = (await api.GET('/v1/offers', {})).data;
    check('OfferPageResponse', offers);
    check(
      'OfferResponse',
      (await api.GET('/v1/offers/{id}', { params: { path: { id: offers!.items[0].id } } })).data,
    );

    // The English drip-irrigation need meets the published example offers (Chinese enterprise).
    const needMatches = { params: { path: { id: need.data!.id } } };
    const matched = await waitFor(
      () => api.GET('/v1/needs/{id}/matches', needMatches),
      (r) => r.data !== undefined && r.data.status !== 'pending',
      { what: 'the need’s match set', timeoutMs: 60_000 },
    );
    check('NeedMatchesResponse', matched.data);
    const explained = (
      await api.GET('/v1/needs/{id}/matches', {
        params: { ...needMatches.params, query: { explain: 'full', lang: 'zh-Hans' } },
      })
    ).data!;
    check('NeedMatchesResponse', explained);
    expect(explained.items.length).toBeGreaterThan(0);
    expect(explained.items[0].explanation).toBeDefined();
    const admin = createTechBridgeClient(stack.gatewayUrl, { apiKey: stack.adminKey });
    const workshop = await admin.POST('/v1/workshops', {
      body: examplesOf(served, '/v1/workshops').hybrid.value as Schemas['CreateWorkshopDto'],
    });
    check('WorkshopResponse', workshop.data);
    check(
      'WorkshopPageResponse',
      (await admin.GET('/v1/workshops', { params: { query: { mine: true } } })).data,
    );
    check(
      'OfferMatchesResponse',
      (await admin.GET('/v1/offers/{id}/matches', { params: { path: { id: explained.items[0].offerId } } }))
        .data,
    );
  });

  it('serves Swagger UI at /docs with its assets from the gateway itself', async () => {
    const page = await fetch(`${stack.gatewayUrl}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain("url: '/docs/openapi.json'");
    expect(html).toContain('/docs/assets/swagger-ui-bundle.js');
    const bundle = await fetch(`${stack.gatewayUrl}/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    await bundle.body?.cancel();
    expect((await fetch(`${stack.gatewayUrl}/docs/assets/package.json`)).status).toBe(404);
  });
});
