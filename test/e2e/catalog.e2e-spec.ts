import { Topics } from '@techbridge/contracts';
import { TopicCollector, testKafka, waitFor } from '@techbridge/testing';
import type { TechBridgeClient } from '@techbridge/client';
import { Stack, startStack } from '../support/stack';
import { registerEnterprise } from './support/api';
import { needBody, offerBody } from './support/catalog-bodies';
import { clientsFor, typed } from './support/typed-api';

function expectProblem(res: { status: number; headers: Headers; json: any }, status: number, field?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  if (field) expect(res.json.errors?.map((e: { field: string }) => e.field)).toContain(field);
}

describe('catalog through the gateway (e2e)', () => {
  let stack: Stack;
  /** The typed client (libs/client) with a key, or anonymous. */
  let as: (apiKey?: string) => TechBridgeClient;
  let collector: TopicCollector;
  let cn: { id: string; apiKey: string };
  let pk: { id: string; apiKey: string };

  beforeAll(async () => {
    stack = await startStack({
      services: ['profiles', 'catalog'],
      name: 'catalog_e2e',
      env: { REGISTRATION_RATE_LIMIT: '1000' },
    });
    as = clientsFor(stack.gatewayUrl);
    collector = await new TopicCollector(testKafka(), [Topics.CatalogOffer, Topics.CatalogNeed]).start();
    cn = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
    pk = await registerEnterprise(stack.gatewayUrl, { country: 'PK' });
    for (const key of [cn.apiKey, pk.apiKey]) {
      await waitFor(
        () => typed(as(key).GET('/v1/offers', { params: { query: { mine: true } } })),
        (r) => r.status === 200,
        { what: 'key usable in catalog' },
      );
    }
  });

  afterAll(async () => {
    await collector?.stop();
    await stack?.stop();
  });

  it('accepts a key in catalog straight after registering it in profiles (no 401 while its event travels)', async () => {
    const fresh = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
    const res = await typed(as(fresh.apiKey).POST('/v1/offers', { body: offerBody() }));
    expect(res.status).toBe(201);
    expect(res.json.enterpriseId).toBe(fresh.id);
  });

  it('serves the sector taxonomy with English, Chinese and Urdu labels', async () => {
    const res = await typed(as().GET('/v1/taxonomy/sectors'));
    expect(res.status).toBe(200);
    const energy = res.json.items.find((s) => s.code === 'energy')!;
    expect(energy.labels.en).toBeTruthy();
    expect(energy.labels['zh-Hans']).toMatch(/[\u4e00-\u9fff]/);
    expect(energy.labels.ur).toMatch(/[\u0600-\u06ff]/);
    expect(energy.children.map((c) => c.code)).toContain('energy/solar-pv');
  });

  it('keeps a draft private, publishes it with one event, and gives quality hints', async () => {
    const draft = await typed(as(cn.apiKey).POST('/v1/offers', { body: offerBody({ keywords: [] }) }));
    expect(draft.status).toBe(201);
    expect(draft.json.status).toBe('draft');
    expect(draft.headers.get('location')).toBe(`/v1/offers/${draft.json.id}`);
    expect(draft.json.quality!.hints.map((h) => h.field)).toContain('keywords');
    const byId = { params: { path: { id: draft.json.id } } };
    expectProblem(await typed(as(pk.apiKey).GET('/v1/offers/{id}', byId)), 404);
    expectProblem(await typed(as().GET('/v1/offers/{id}', byId)), 404);
    expect((await typed(as(cn.apiKey).GET('/v1/offers/{id}', byId))).status).toBe(200);

    const published = await typed(as(cn.apiKey).POST('/v1/offers/{id}/publish', byId));
    expect(published.status).toBe(200);
    expect(published.json.status).toBe('published');
    expect((await typed(as(pk.apiKey).GET('/v1/offers/{id}', byId))).status).toBe(200);
    const events = await waitFor(
      () => collector.of(Topics.CatalogOffer).filter((m) => m.key === draft.json.id),
      (l) => l.length >= 1,
    );
    expect(events.map((m) => m.json().type)).toEqual(['techbridge.catalog.offer.published.v1']);
  });

  it('applies optimistic concurrency (412), orders events per key, and refuses edits after withdrawal (409)', async () => {
    const created = await typed(
      as(pk.apiKey).POST('/v1/needs', { params: { query: { publish: true } }, body: needBody() }),
    );
    expect(created.status).toBe(201);
    const id = created.json.id;
    const path = { id };
    const etag = created.headers.get('etag')!;
    const updated = await typed(
      as(pk.apiKey).PATCH('/v1/needs/{id}', {
        params: { path, header: { 'If-Match': etag } },
        body: { urgency: 'critical' },
      }),
    );
    expect(updated.status).toBe(200);
    expect(updated.json.version).toBe(2);
    // An edit that changes nothing is not a new version: same ETag, no event (checked below).
    for (const same of [{}, { urgency: 'critical' as const }]) {
      const noop = await typed(as(pk.apiKey).PATCH('/v1/needs/{id}', { params: { path }, body: same }));
      expect(noop.status).toBe(200);
      expect(noop.json.version).toBe(2);
      expect(noop.headers.get('etag')).toBe(updated.headers.get('etag'));
    }
    expectProblem(
      await typed(
        as(pk.apiKey).PATCH('/v1/needs/{id}', {
          params: { path, header: { 'If-Match': etag } },
          body: { urgency: 'low' },
        }),
      ),
      412,
    );
    expectProblem(
      await typed(as(cn.apiKey).PATCH('/v1/needs/{id}', { params: { path }, body: { urgency: 'low' } })),
      404,
    );
    expect((await typed(as(pk.apiKey).POST('/v1/needs/{id}/withdraw', { params: { path } }))).status).toBe(
      200,
    );
    expectProblem(
      await typed(as(pk.apiKey).PATCH('/v1/needs/{id}', { params: { path }, body: { urgency: 'low' } })),
      409,
    );

    const events = await waitFor(
      () => collector.of(Topics.CatalogNeed).filter((m) => m.key === id),
      (l) => l.length >= 3,
    );
    expect(events.map((m) => [m.json().type, m.json().data.version])).toEqual([
      ['techbridge.catalog.need.published.v1', 1],
      ['techbridge.catalog.need.updated.v1', 2],
      ['techbridge.catalog.need.withdrawn.v1', 3],
    ]);
  });

  it.each([
    ['trl', offerBody({ trl: 10 })],
    ['price.max', offerBody({ price: { min: 500, max: 100, currency: 'CNY' } })],
    ['price.currency', offerBody({ price: { min: 1, max: 2, currency: 'EUR' } })],
    ['sectors', offerBody({ sectors: ['energy/perpetual-motion'] })],
    ['sectors', offerBody({ sectors: ['energy', 'health', 'ict', 'transport', 'industry', 'agriculture'] })],
    ['cooperationModes', offerBody({ cooperationModes: ['bartering'] })],
    ['targetRegions', offerBody({ targetRegions: ['PK-XX'] })],
    ['title', offerBody({ title: 'x'.repeat(257) })],
    ['summary', offerBody({ summary: 'x'.repeat(501) })],
    ['description', offerBody({ description: 'x'.repeat(4001) })],
    ['keywords', offerBody({ keywords: Array.from({ length: 11 }, (_, i) => `k${i}`) })],
    ['validUntil', offerBody({ validUntil: '2020-01-01T00:00:00Z' })],
    ['language', offerBody({ language: 'fr' })],
    ['sponsor', offerBody({ sponsor: 'unknown field' })],
  ])('rejects an offer with a bad %s (400 naming the field)', async (field, body) => {
    expectProblem(await typed(as(cn.apiKey).POST('/v1/offers', { body })), 400, field);
  });

  it.each([
    ['deadline', needBody({ deadline: '2001-01-01' })],
    ['minTrl', needBody({ minTrl: 0 })],
    ['budget.max', needBody({ budget: { min: 10, max: 1, currency: 'PKR' } })],
    ['region', needBody({ region: 'Lahore' })],
    ['urgency', needBody({ urgency: 'yesterday' })],
  ])('rejects a need with a bad %s (400 naming the field)', async (field, body) => {
    expectProblem(await typed(as(pk.apiKey).POST('/v1/needs', { body })), 400, field);
  });

  it('needs a key to write, and lists with filters, Chinese text search and cursor pagination', async () => {
    expectProblem(await typed(as().POST('/v1/offers', { body: offerBody() })), 401);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const body = offerBody({ title: `光伏组件 第${i}代`, sectors: ['energy/solar-pv'], trl: 5 + i });
      const res = await typed(
        as(cn.apiKey).POST('/v1/offers', { params: { query: { publish: true } }, body }),
      );
      ids.push(res.json.id);
    }
    const first = await typed(as().GET('/v1/offers', { params: { query: { sector: 'energy', limit: 2 } } }));
    expect(first.status).toBe(200);
    expect(first.json.items).toHaveLength(2);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await typed(
      as().GET('/v1/offers', {
        params: { query: { sector: 'energy', limit: 2, cursor: first.json.nextCursor! } },
      }),
    );
    const seen = [...first.json.items, ...second.json.items].map((o) => o.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(ids));
    const text = await typed(as().GET('/v1/offers', { params: { query: { q: '光伏组件', trlMin: 7 } } }));
    expect(text.json.items.map((o) => o.id)).toEqual([ids[2]]);
    expectProblem(await typed(as().GET('/v1/offers', { params: { query: { limit: 101 } } })), 400, 'limit');
    expectProblem(
      await typed(as().GET('/v1/offers', { params: { query: { cursor: 'garbage' } } })),
      400,
      'cursor',
    );
  });

  it('withdraws the offers of a deactivated enterprise', async () => {
    const gone = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
    await waitFor(
      () => typed(as(gone.apiKey).GET('/v1/offers', { params: { query: { mine: true } } })),
      (r) => r.status === 200,
    );
    const offer = await typed(
      as(gone.apiKey).POST('/v1/offers', { params: { query: { publish: true } }, body: offerBody() }),
    );
    expect(offer.status).toBe(201);
    expect(
      (await typed(as(gone.apiKey).DELETE('/v1/enterprises/{id}', { params: { path: { id: gone.id } } })))
        .status,
    ).toBe(204);
    await waitFor(
      () => typed(as(stack.adminKey).GET('/v1/offers/{id}', { params: { path: { id: offer.json.id } } })),
      (r) => r.json?.status === 'withdrawn',
      { what: 'offer withdrawn after deactivation' },
    );
    const events = await waitFor(
      () => collector.of(Topics.CatalogOffer).filter((m) => m.key === offer.json.id),
      (l) => l.length >= 2,
    );
    expect(events.map((m) => m.json().type)).toEqual([
      'techbridge.catalog.offer.published.v1',
      'techbridge.catalog.offer.withdrawn.v1',
    ]);
  });
});
