import { Topics } from '@techbridge/contracts';
import { TopicCollector, testKafka, waitFor } from '@techbridge/testing';
import { Stack, startStack } from '../support/stack';
import { api, registerEnterprise } from './support/api';
import { needBody, offerBody } from './support/catalog-bodies';

function expectProblem(res: { status: number; headers: Headers; json: any }, status: number, field?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  if (field) expect(res.json.errors?.map((e: { field: string }) => e.field)).toContain(field);
}

describe('catalog through the gateway (e2e)', () => {
  let stack: Stack;
  let http: ReturnType<typeof api>;
  let collector: TopicCollector;
  let cn: { id: string; apiKey: string };
  let pk: { id: string; apiKey: string };

  beforeAll(async () => {
    stack = await startStack({ services: ['profiles', 'catalog'], name: 'catalog_e2e', env: { REGISTRATION_RATE_LIMIT: '1000' } });
    http = api(stack.gatewayUrl);
    collector = await new TopicCollector(testKafka(), [Topics.CatalogOffer, Topics.CatalogNeed]).start();
    cn = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
    pk = await registerEnterprise(stack.gatewayUrl, { country: 'PK' });
    for (const key of [cn.apiKey, pk.apiKey]) {
      await waitFor(() => http.get('/v1/offers?mine=true', key), (r) => r.status === 200, { what: 'key usable in catalog' });
    }
  });

  afterAll(async () => {
    await collector?.stop();
    await stack?.stop();
  });

  it('accepts a key in catalog straight after registering it in profiles (no 401 while its event travels)', async () => {
    const fresh = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
    const res = await http.post('/v1/offers', offerBody(), fresh.apiKey);
    expect(res.status).toBe(201);
    expect(res.json.enterpriseId).toBe(fresh.id);
  });

  it('serves the sector taxonomy with English, Chinese and Urdu labels', async () => {
    const res = await http.get('/v1/taxonomy/sectors');
    expect(res.status).toBe(200);
    const energy = res.json.items.find((s: any) => s.code === 'energy');
    expect(energy.labels.en).toBeTruthy();
    expect(energy.labels['zh-Hans']).toMatch(/[\u4e00-\u9fff]/);
    expect(energy.labels.ur).toMatch(/[\u0600-\u06ff]/);
    expect(energy.children.map((c: any) => c.code)).toContain('energy/solar-pv');
  });

  it('keeps a draft private, publishes it with one event, and gives quality hints', async () => {
    const draft = await http.post('/v1/offers', offerBody({ keywords: [] }), cn.apiKey);
    expect(draft.status).toBe(201);
    expect(draft.json.status).toBe('draft');
    expect(draft.headers.get('location')).toBe(`/v1/offers/${draft.json.id}`);
    expect(draft.json.quality.hints.map((h: any) => h.field)).toContain('keywords');
    expectProblem(await http.get(`/v1/offers/${draft.json.id}`, pk.apiKey), 404);
    expectProblem(await http.get(`/v1/offers/${draft.json.id}`), 404);
    expect((await http.get(`/v1/offers/${draft.json.id}`, cn.apiKey)).status).toBe(200);

    const published = await http.post(`/v1/offers/${draft.json.id}/publish`, undefined, cn.apiKey);
    expect(published.status).toBe(200);
    expect(published.json.status).toBe('published');
    expect((await http.get(`/v1/offers/${draft.json.id}`, pk.apiKey)).status).toBe(200);
    const events = await waitFor(() => collector.of(Topics.CatalogOffer).filter((m) => m.key === draft.json.id), (l) => l.length >= 1);
    expect(events.map((m) => m.json().type)).toEqual(['techbridge.catalog.offer.published.v1']);
  });

  it('applies optimistic concurrency (412), orders events per key, and refuses edits after withdrawal (409)', async () => {
    const created = await http.post('/v1/needs?publish=true', needBody(), pk.apiKey);
    expect(created.status).toBe(201);
    const id = created.json.id;
    const etag = created.headers.get('etag')!;
    const updated = await http.patch(`/v1/needs/${id}`, { urgency: 'critical' }, pk.apiKey, { headers: { 'if-match': etag } });
    expect(updated.status).toBe(200);
    expect(updated.json.version).toBe(2);
    // An edit that changes nothing is not a new version: same ETag, no event (checked below).
    for (const same of [{}, { urgency: 'critical' }]) {
      const noop = await http.patch(`/v1/needs/${id}`, same, pk.apiKey);
      expect(noop.status).toBe(200);
      expect(noop.json.version).toBe(2);
      expect(noop.headers.get('etag')).toBe(updated.headers.get('etag'));
    }
    expectProblem(await http.patch(`/v1/needs/${id}`, { urgency: 'low' }, pk.apiKey, { headers: { 'if-match': etag } }), 412);
    expectProblem(await http.patch(`/v1/needs/${id}`, { urgency: 'low' }, cn.apiKey), 404);
    expect((await http.post(`/v1/needs/${id}/withdraw`, undefined, pk.apiKey)).status).toBe(200);
    expectProblem(await http.patch(`/v1/needs/${id}`, { urgency: 'low' }, pk.apiKey), 409);

    const events = await waitFor(() => collector.of(Topics.CatalogNeed).filter((m) => m.key === id), (l) => l.length >= 3);
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
    expectProblem(await http.post('/v1/offers', body, cn.apiKey), 400, field);
  });

  it.each([
    ['deadline', needBody({ deadline: '2001-01-01' })],
    ['minTrl', needBody({ minTrl: 0 })],
    ['budget.max', needBody({ budget: { min: 10, max: 1, currency: 'PKR' } })],
    ['region', needBody({ region: 'Lahore' })],
    ['urgency', needBody({ urgency: 'yesterday' })],
  ])('rejects a need with a bad %s (400 naming the field)', async (field, body) => {
    expectProblem(await http.post('/v1/needs', body, pk.apiKey), 400, field);
  });

  it('needs a key to write, and lists with filters, Chinese text search and cursor pagination', async () => {
    expectProblem(await http.post('/v1/offers', offerBody()), 401);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await http.post('/v1/offers?publish=true', offerBody({ title: `光伏组件 第${i}代`, sectors: ['energy/solar-pv'], trl: 5 + i }), cn.apiKey);
      ids.push(res.json.id);
    }
    const first = await http.get('/v1/offers?sector=energy&limit=2');
    expect(first.status).toBe(200);
    expect(first.json.items).toHaveLength(2);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await http.get(`/v1/offers?sector=energy&limit=2&cursor=${encodeURIComponent(first.json.nextCursor)}`);
    const seen = [...first.json.items, ...second.json.items].map((o: any) => o.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(ids));
    const text = await http.get(`/v1/offers?q=${encodeURIComponent('光伏组件')}&trlMin=7`);
    expect(text.json.items.map((o: any) => o.id)).toEqual([ids[2]]);
    expectProblem(await http.get('/v1/offers?limit=101'), 400, 'limit');
    expectProblem(await http.get('/v1/offers?cursor=garbage'), 400, 'cursor');
  });

  it('withdraws the offers of a deactivated enterprise', async () => {
    const gone = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
    await waitFor(() => http.get('/v1/offers?mine=true', gone.apiKey), (r) => r.status === 200);
    const offer = await http.post('/v1/offers?publish=true', offerBody(), gone.apiKey);
    expect(offer.status).toBe(201);
    expect((await http.delete(`/v1/enterprises/${gone.id}`, gone.apiKey)).status).toBe(204);
    await waitFor(
      () => http.get(`/v1/offers/${offer.json.id}`, stack.adminKey),
      (r) => r.json?.status === 'withdrawn',
      { what: 'offer withdrawn after deactivation' },
    );
    const events = await waitFor(() => collector.of(Topics.CatalogOffer).filter((m) => m.key === offer.json.id), (l) => l.length >= 2);
    expect(events.map((m) => m.json().type)).toEqual(['techbridge.catalog.offer.published.v1', 'techbridge.catalog.offer.withdrawn.v1']);
  });
});
