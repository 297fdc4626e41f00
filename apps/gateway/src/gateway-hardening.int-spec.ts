import Fastify, { FastifyInstance } from 'fastify';
import { AddressInfo, Socket, connect } from 'node:net';
import { gatewayConfigSchema } from './config';
import { createGatewayApp } from './main';

const LIMIT = 100 * 1024;

/**
 * A stand-in service with the real services' body limit: like them, it answers 413 and closes the
 * connection while a too-large body is still arriving (the race that made the gateway answer 503).
 */
async function strictUpstream(): Promise<{ app: FastifyInstance; url: string; bodies: number }> {
  const state = { bodies: 0 };
  const app = Fastify({ bodyLimit: LIMIT });
  app.get('/health', async () => ({ status: 'ok' }));
  app.all('/*', async (req) => {
    state.bodies += 1;
    return { ip: req.headers['x-forwarded-for'] ?? null };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return Object.assign(state, { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` });
}

async function gatewayFor(upstream: string, extra: Record<string, string> = {}) {
  const app = await createGatewayApp(
    gatewayConfigSchema.parse({
      PORT: '0',
      LOG_LEVEL: 'silent',
      PROFILES_URL: upstream,
      CATALOG_URL: upstream,
      MATCHING_URL: upstream,
      WORKSHOPS_URL: upstream,
      ...extra,
    }),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, port: (app.server.address() as AddressInfo).port };
}

const closed = (socket: Socket, timeoutMs: number) =>
  new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

/** Issue 13 §3 and §5: the gateway's bodies, timeouts, connection cap and X-Forwarded-For. */
describe('gateway hardening (integration)', () => {
  let upstream: Awaited<ReturnType<typeof strictUpstream>>;
  const gateways: FastifyInstance[] = [];

  beforeAll(async () => {
    upstream = await strictUpstream();
  });
  afterAll(async () => {
    for (const g of gateways) await g.close();
    await upstream.app.close();
  });

  it('answers 413 with a problem body for every oversized body, never 503, and passes none of them on', async () => {
    const { app, port } = await gatewayFor(upstream.url);
    gateways.push(app);
    const before = upstream.bodies;
    const body = JSON.stringify({ legalName: 'x'.repeat(150 * 1024) });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/v1/enterprises`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      statuses.push(res.status);
      if (i === 0) {
        expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
        expect(((await res.json()) as any).errors).toEqual([expect.objectContaining({ field: 'body' })]);
      } else await res.body?.cancel();
    }
    expect(new Set(statuses)).toEqual(new Set([413]));
    expect(upstream.bodies).toBe(before);
  });

  it('cuts off a client that sends its request too slowly (slowloris)', async () => {
    const { app, port } = await gatewayFor(upstream.url, { REQUEST_TIMEOUT_MS: '1000' });
    gateways.push(app);
    const socket = connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write('GET /v1/offers HTTP/1.1\r\nHost: x\r\n'); // headers never finished
    expect(await closed(socket, 10_000)).toBe(true);
  });

  it('caps the open connections of one client', async () => {
    const { app, port } = await gatewayFor(upstream.url, { MAX_CONNECTIONS_PER_CLIENT: '3' });
    gateways.push(app);
    const sockets = await Promise.all(
      Array.from({ length: 4 }, () => new Promise<Socket>((resolve) => {
        const s = connect(port, '127.0.0.1');
        s.once('connect', () => resolve(s));
      })),
    );
    const results = await Promise.all(sockets.map((s) => closed(s, 2_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    for (const s of sockets) s.destroy();
  });

  it('overwrites X-Forwarded-For with the client address, and believes it only from a configured proxy', async () => {
    const edge = await gatewayFor(upstream.url);
    gateways.push(edge.app);
    const forged = await fetch(`http://127.0.0.1:${edge.port}/v1/offers`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(((await forged.json()) as any).ip).toBe('127.0.0.1');
    const behindLb = await gatewayFor(upstream.url, { TRUST_PROXY: '127.0.0.1' });
    gateways.push(behindLb.app);
    const viaLb = await fetch(`http://127.0.0.1:${behindLb.port}/v1/offers`, { headers: { 'x-forwarded-for': '198.51.100.7' } });
    expect(((await viaLb.json()) as any).ip).toBe('198.51.100.7');
  });
});
