import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { waitFor } from '@techbridge/testing';
import { loadCatalogConfig } from '../../apps/catalog/src/config';
import { createCatalogApp } from '../../apps/catalog/src/main';
import { Stack, TEST_ADMIN_API_KEY, startStack } from '../support/stack';
import { api, registerEnterprise } from './support/api';

/** A key in the current format whose id says it was issued `ageMs` ago, with a random secret. */
function madeUpKey(ageMs: number): string {
  const id = (Date.now() - ageMs).toString(16).padStart(12, '0') + '7' + randomBytes(10).toString('hex').slice(0, 19);
  return `tb_${id}_${randomBytes(32).toString('base64url')}`;
}

/**
 * Issue 13 §1, §2, §4, §9: made-up keys cost one lookup and are rate-limited per client; a revoked key
 * stops working on every instance of a service within a second and never comes back; a profile update
 * does not tell whether an email is registered; a response that carries a new key is never cached.
 */
describe('API keys and profile hardening (e2e)', () => {
  let stack: Stack;
  let http: ReturnType<typeof api>;
  let secondCatalog: INestApplication | undefined;

  beforeAll(async () => {
    stack = await startStack({ services: ['profiles', 'catalog'], name: 'auth_hardening', env: { REGISTRATION_RATE_LIMIT: '1000' } });
    http = api(stack.gatewayUrl);
  });
  afterAll(async () => {
    await secondCatalog?.close();
    await stack?.stop();
  });

  it('answers a revoked key at once, and never waits for a made-up one issued long ago', async () => {
    const cn = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
    await waitFor(() => http.get('/v1/offers?mine=true', cn.apiKey), (r) => r.status === 200, { what: 'key known to catalog' });
    const rotated = await http.post('/v1/me/api-keys', undefined, cn.apiKey);
    expect(rotated.status).toBe(201);
    await waitFor(() => http.get('/v1/offers?mine=true', rotated.json.apiKey), (r) => r.status === 200, { what: 'new key known to catalog' });
    // The old key is revoked everywhere now: refused at once, not after the new-key grace period.
    const t0 = Date.now();
    expect((await http.get('/v1/offers?mine=true', cn.apiKey)).status).toBe(401);
    const t1 = Date.now();
    expect((await http.get('/v1/offers?mine=true', madeUpKey(3_600_000))).status).toBe(401);
    const t2 = Date.now();
    // Both well under the 1.5 s a just-issued key may be waited for.
    expect(t1 - t0).toBeLessThan(1000);
    expect(t2 - t1).toBeLessThan(1000);
  });

  it('rate-limits failed authentications per client with 429 and Retry-After', async () => {
    // One client of its own (the service believes X-Forwarded-For from loopback, where the gateway runs),
    // so the other tests' client is not the one being blocked.
    const catalog = api(stack.urls.catalog!);
    const client = { headers: { 'x-forwarded-for': '203.0.113.77' } };
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 40; i++) {
      const res = await catalog.get('/v1/offers?mine=true', madeUpKey(3_600_000), client);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Another client is not affected.
    expect((await catalog.get('/v1/offers?mine=true', madeUpKey(3_600_000), { headers: { 'x-forwarded-for': '203.0.113.78' } })).status).toBe(401);
  });

  it('stops a revoked key on every instance of a service within a second, and a replayed issue never brings it back', async () => {
    const catalogDb = stack.apps.catalog!.get(DataSource);
    secondCatalog = await createCatalogApp(
      loadCatalogConfig({
        NODE_ENV: 'test',
        PORT: '1',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DATABASE_URL: stack.databaseUrls.catalog!,
        KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:19092',
        ADMIN_API_KEY: TEST_ADMIN_API_KEY,
      }),
    );
    await secondCatalog.listen(0, '127.0.0.1');
    const instances = [stack.urls.catalog!, await secondCatalog.getUrl()].map((u) => api(u.replace('[::1]', '127.0.0.1')));
    const pk = await registerEnterprise(stack.gatewayUrl, { country: 'PK' });
    for (const i of instances) await waitFor(() => i.get('/v1/needs?mine=true', pk.apiKey), (r) => r.status === 200, { what: 'key usable on the instance' });
    // Both instances now hold the key in their cache.
    for (const i of instances) expect((await i.get('/v1/needs?mine=true', pk.apiKey)).status).toBe(200);

    expect((await http.post('/v1/me/api-keys', undefined, pk.apiKey)).status).toBe(201);
    const hash = (await stack.apps.profiles!.get(DataSource).query(`SELECT key_hash FROM credentials WHERE principal_id = $1 AND revoked_at IS NOT NULL`, [pk.id]))[0].key_hash;
    await waitFor(() => catalogDb.query(`SELECT revoked_at FROM credentials WHERE key_hash = $1`, [hash]), (r: any[]) => r[0]?.revoked_at != null, {
      what: 'the revocation applied in catalog',
    });
    const applied = Date.now();
    for (const i of instances) {
      await waitFor(() => i.get('/v1/needs?mine=true', pk.apiKey), (r) => r.status === 401, { what: 'the old key refused', timeoutMs: 1000, intervalMs: 20 });
    }
    expect(Date.now() - applied).toBeLessThanOrEqual(1000);

    // The issue snapshot delivered again after the revocation changes nothing.
    await catalogDb.transaction((m) =>
      m.query(
        `INSERT INTO credentials (key_id, principal_id, role, key_hash, issued_at, revoked_at)
         SELECT key_id, principal_id, role, key_hash, issued_at, NULL FROM credentials WHERE key_hash = $1
         ON CONFLICT (key_id) DO UPDATE SET revoked_at = COALESCE(credentials.revoked_at, EXCLUDED.revoked_at)`,
        [hash],
      ),
    );
    for (const i of instances) expect((await i.get('/v1/needs?mine=true', pk.apiKey)).status).toBe(401);
  });

  it('a profile update does not tell whether an email is registered, and updates are rate-limited', async () => {
    const a = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
    const b = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
    const taken = await http.patch(`/v1/enterprises/${a.id}`, { contact: { ...a.body.contact, email: b.body.contact.email } }, a.apiKey);
    const free = await http.patch(`/v1/enterprises/${a.id}`, { contact: { ...a.body.contact, email: `free-${randomBytes(4).toString('hex')}@example.cn` } }, a.apiKey);
    expect([taken.status, free.status]).toEqual([200, 200]);
    // A new registration with an email in use is still refused.
    expect((await http.post('/v1/enterprises', { ...b.body, legalName: `${b.body.legalName}二`, englishName: 'Another Co.' })).status).toBe(409);
  });

  it('refuses a legal name that only looks different (invisible characters, look-alike letters)', async () => {
    const tag = randomBytes(3).toString('hex');
    const original = await registerEnterprise(stack.gatewayUrl, { country: 'CN', legalName: `Shenzhen Solar ${tag} Co., Ltd.` });
    expect(original.response.status).toBe(201);
    for (const squat of [`Shen\u200bzhen Solar ${tag} Co., Ltd.`, `Shenzhen Sоlar ${tag} Co., Ltd.`, `\u202eShenzhen Solar ${tag} Co.\u00ad, Ltd.`]) {
      const res = await http.post('/v1/enterprises', (await import('./support/api')).enterpriseBody('CN', { legalName: squat }));
      expect(res.status).toBe(409);
      expect(res.json.errors[0].field).toBe('legalName');
    }
  });

  it('lets the admin revoke any principal’s keys (an organiser’s too), and only the admin', async () => {
    const organiser = await http.post('/v1/organisers', { name: 'Leaky desk', email: `leaky-${randomBytes(4).toString('hex')}@example.org` }, stack.adminKey);
    await waitFor(() => http.get('/v1/offers', organiser.json.apiKey), (r) => r.status === 200, { what: 'organiser key known to catalog' });
    const someone = await registerEnterprise(stack.gatewayUrl, { country: 'PK' });
    expect((await http.post(`/v1/admin/principals/${organiser.json.id}/revoke-keys`, undefined, someone.apiKey)).status).toBe(403);
    const revoked = await http.post(`/v1/admin/principals/${organiser.json.id}/revoke-keys`, undefined, stack.adminKey);
    expect(revoked.json).toMatchObject({ principalId: organiser.json.id, kind: 'organiser', revokedKeys: 1 });
    await waitFor(() => http.get('/v1/offers?mine=true', organiser.json.apiKey), (r) => r.status === 401, { what: 'the organiser key refused by catalog' });
    expect((await http.get('/v1/me', organiser.json.apiKey)).status).toBe(401);
    expect((await http.post(`/v1/admin/principals/6f1c1b2e-3d4a-4b5c-8d6e-7f8091a2b3c4/revoke-keys`, undefined, stack.adminKey)).status).toBe(404);
  });

  it('never lets a response carrying a new API key be cached', async () => {
    const reg = await http.post('/v1/enterprises', (await import('./support/api')).enterpriseBody('PK'));
    expect(reg.headers.get('cache-control')).toBe('no-store');
    expect((await http.post('/v1/me/api-keys', undefined, reg.json.apiKey)).headers.get('cache-control')).toBe('no-store');
    const organiser = await http.post('/v1/organisers', { name: 'Desk', email: `desk-${randomBytes(4).toString('hex')}@example.org` }, stack.adminKey);
    expect(organiser.headers.get('cache-control')).toBe('no-store');
  });
});
