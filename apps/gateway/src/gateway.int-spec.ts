import Fastify, { FastifyInstance } from 'fastify';
import { createServer } from 'node:net';
import { AddressInfo } from 'node:net';
import { gatewayConfigSchema } from './config';
import { createGatewayApp } from './main';

/** A stand-in service that echoes what reached it, so the test sees the gateway's routing and headers. */
async function echoUpstream(name: string): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify();
  app.get('/health', async () => ({ status: 'ok' }));
  app.all('/*', async (req) => ({ upstream: name, method: req.method, url: req.url, headers: req.headers, body: req.body ?? null }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** A port nothing listens on (bound, then released). */
async function deadUrl(): Promise<string> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return `http://127.0.0.1:${port}`;
}

describe('gateway', () => {
  let upstreams: Record<string, { app: FastifyInstance; url: string }>;
  let gateway: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    upstreams = {
      profiles: await echoUpstream('profiles'),
      catalog: await echoUpstream('catalog'),
      matching: await echoUpstream('matching'),
    };
    const config = gatewayConfigSchema.parse({
      PORT: '0',
      LOG_LEVEL: 'silent',
      PROFILES_URL: upstreams.profiles.url,
      CATALOG_URL: upstreams.catalog.url,
      MATCHING_URL: upstreams.matching.url,
      WORKSHOPS_URL: await deadUrl(),
    });
    gateway = await createGatewayApp(config);
    await gateway.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all(Object.values(upstreams ?? {}).map((u) => u.app.close()));
  });

  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${base}${path}`, init);
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
  };

  it.each([
    ['/v1/enterprises', 'profiles'],
    ['/v1/enterprises/abc?limit=5', 'profiles'],
    ['/v1/organisers', 'profiles'],
    ['/v1/me/api-keys', 'profiles'],
    ['/v1/offers', 'catalog'],
    ['/v1/offers/123', 'catalog'],
    ['/v1/needs/123', 'catalog'],
    ['/v1/taxonomy/sectors', 'catalog'],
    ['/v1/needs/123/matches', 'matching'],
    ['/v1/offers/9f/matches', 'matching'],
    ['/v1/introductions/1/accept', 'matching'],
    ['/v1/introductions?direction=incoming', 'matching'],
    ['/v1/introductions/funnel', 'matching'],
    ['/v1/introductions/1/contacts', 'profiles'],
    ['/v1/me/contact-reveals', 'profiles'],
    ['/v1/admin/rescore', 'matching'],
  ])('routes %s to %s, path and query unchanged', async (path, upstream) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.json.upstream).toBe(upstream);
    expect(res.json.url).toBe(path);
  });

  it('forwards the body of a POST', async () => {
    const res = await get('/v1/needs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: '滴灌 drip irrigation' }),
    });
    expect(res.json).toMatchObject({ upstream: 'catalog', method: 'POST', body: { title: '滴灌 drip irrigation' } });
  });

  it('overwrites a client-supplied X-Forwarded-For with the real peer address and sets X-Request-Id', async () => {
    const res = await get('/v1/enterprises', { headers: { 'x-forwarded-for': '6.6.6.6, 7.7.7.7', forwarded: 'for=6.6.6.6' } });
    expect(res.json.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(res.json.headers.forwarded).toBeUndefined();
    const id = res.json.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-request-id')).toBe(id);
  });

  it('keeps a sane caller request id and replaces an unsafe one', async () => {
    expect((await get('/v1/offers', { headers: { 'x-request-id': 'trace-42' } })).json.headers['x-request-id']).toBe('trace-42');
    const bad = await get('/v1/offers', { headers: { 'x-request-id': 'a b<script>' } });
    expect(bad.json.headers['x-request-id']).not.toBe('a b<script>');
  });

  it('answers an unknown path with 404 problem+json', async () => {
    for (const path of ['/v2/enterprises', '/v1/enterprisesX', '/nope']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.json).toMatchObject({ status: 404, title: 'Not found' });
    }
  });

  it('answers 503 problem+json with Retry-After when the upstream is down', async () => {
    const res = await get('/v1/workshops', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.json).toMatchObject({ status: 503, instance: '/v1/workshops' });
  });

  it('sets Helmet headers on its own and on proxied responses', async () => {
    for (const path of ['/health', '/v1/enterprises', '/missing']) {
      const res = await get(path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
  });

  it('/health is 200 while it runs; /health/ready reports each upstream and is 503 while one is down', async () => {
    expect((await get('/health')).status).toBe(200);
    const ready = await get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.json.upstreams).toMatchObject({ profiles: 'up', catalog: 'up', matching: 'up' });
    expect(ready.json.upstreams.workshops).toMatch(/^down/);
  });
});
