import type { Schemas, TechBridgeClient } from '@techbridge/client';
import { Stack, startStack } from '../support/stack';
import { api, enterpriseBody, registerEnterprise } from './support/api';
import { TypedResponse, clientsFor, typed } from './support/typed-api';

/** Every 4xx/5xx from the public API is RFC 9457 problem+json. */
function expectProblem(res: { status: number; headers: Headers; json: any }, status: number, field?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.json).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  if (field) expect(res.json.errors?.map((e: { field: string }) => e.field)).toContain(field);
}

jest.setTimeout(90_000);

describe('profiles through the gateway', () => {
  let stack: Stack;
  /** Raw requests, for what the typed client cannot send (malformed or oversized bodies, unknown paths). */
  let http: ReturnType<typeof api>;
  /** The typed client (libs/client) with a key, or anonymous. */
  let as: (apiKey?: string) => TechBridgeClient;
  const byId = (id: string) => ({ params: { path: { id } } });

  beforeAll(async () => {
    stack = await startStack({ services: ['profiles'], env: { REGISTRATION_RATE_LIMIT: '10000' } });
    http = api(stack.gatewayUrl);
    as = clientsFor(stack.gatewayUrl);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  describe('registration', () => {
    it('registers a Chinese enterprise (Chinese legal name): 201, Location, the API key once', async () => {
      const body = enterpriseBody('CN');
      const res = await typed(as().POST('/v1/enterprises', { body }));
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({
        legalName: body.legalName,
        country: 'CN',
        region: 'CN-YN',
        contact: { email: body.contact.email },
      });
      expect(res.json.legalName).toMatch(/[\u4e00-\u9fff]/);
      expect(res.json.apiKey).toMatch(/^tb_/);
      expect(res.headers.get('location')).toBe(`/v1/enterprises/${res.json.id}`);
      // the key is shown only in the registration response
      const again = await typed(as(res.json.apiKey).GET('/v1/enterprises/{id}', byId(res.json.id)));
      expect(again.status).toBe(200);
      expect(again.json).not.toHaveProperty('apiKey');
      expect(JSON.stringify((await typed(as(res.json.apiKey).GET('/v1/me'))).json)).not.toContain(
        res.json.apiKey,
      );
    });

    it('registers a Pakistani enterprise (Urdu legal name)', async () => {
      const body = enterpriseBody('PK');
      const res = await typed(as().POST('/v1/enterprises', { body }));
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({
        legalName: body.legalName,
        country: 'PK',
        region: 'PK-PB',
        languages: ['ur', 'en'],
      });
      expect(res.json.legalName).toMatch(/[\u0600-\u06ff]/);
      expect(res.headers.get('location')).toBe(`/v1/enterprises/${res.json.id}`);
    });

    it('refuses an unknown field, naming it', async () => {
      const res = await typed(
        as().POST('/v1/enterprises', { body: enterpriseBody('CN', { isVerified: true }) }),
      );
      expectProblem(res, 400, 'isVerified');
      expect(JSON.stringify(res.problem!.errors)).toMatch(/unknown field/);
    });

    it.each([
      ['country', { country: 'IN' }],
      ['region', { region: 'XX-99' }],
      ['languages', { languages: ['fr'] }],
      ['sectors', { sectors: ['agriculture/not-a-sector'] }],
      ['organisationType', { organisationType: 'cartel' }],
      ['contact.email', { contact: { name: 'A', email: 'not-an-email' } }],
    ])('refuses an invalid %s with 400 naming the field', async (field, override) => {
      const res = await typed(as().POST('/v1/enterprises', { body: enterpriseBody('PK', override) }));
      expectProblem(res, 400, field);
    });

    it('refuses a region that is not in the country', async () => {
      const res = await typed(
        as().POST('/v1/enterprises', { body: enterpriseBody('PK', { region: 'CN-YN' }) }),
      );
      expectProblem(res, 400, 'region');
    });

    it('refuses a duplicate legal name (after normalisation) with 409', async () => {
      const first = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
      const variant = ` ${first.body.legalName.slice(0, 3)} ${first.body.legalName.slice(3)}。`;
      const res = await typed(
        as().POST('/v1/enterprises', { body: enterpriseBody('CN', { legalName: variant }) }),
      );
      expectProblem(res, 409, 'legalName');

      const latin = `Shenzhen ${Date.now()} Solar Co., Ltd.`;
      await registerEnterprise(stack.gatewayUrl, { country: 'CN', legalName: latin });
      const res2 = await typed(
        as().POST('/v1/enterprises', {
          body: enterpriseBody('CN', { legalName: latin.toUpperCase().replace(/[.,]/g, '') }),
        }),
      );
      expectProblem(res2, 409, 'legalName');
    });

    it('refuses a duplicate contact email (any case) with 409', async () => {
      const first = await registerEnterprise(stack.gatewayUrl, { country: 'PK' });
      const dup = enterpriseBody('PK');
      dup.contact.email = first.body.contact.email.toUpperCase();
      const res = await typed(as().POST('/v1/enterprises', { body: dup }));
      expectProblem(res, 409, 'contact.email');
    });

    it('refuses a body over 100 KB with 413', async () => {
      const res = await http.post('/v1/enterprises', undefined, undefined, {
        raw: JSON.stringify(enterpriseBody('CN', { englishName: 'x'.repeat(110 * 1024) })),
      });
      expectProblem(res, 413);
    });

    it('refuses malformed JSON with 400 problem+json', async () => {
      expectProblem(
        await http.post('/v1/enterprises', undefined, undefined, { raw: '{"legalName": ' }),
        400,
        'body',
      );
    });
  });

  describe('reading and changing profiles', () => {
    it('shows the public profile without contact; the owner and the admin see the contact', async () => {
      const owner = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
      const other = await registerEnterprise(stack.gatewayUrl, { country: 'PK' });
      const anonymous = await typed(as().GET('/v1/enterprises/{id}', byId(owner.id)));
      expect(anonymous.status).toBe(200);
      expect(anonymous.json).toMatchObject({ id: owner.id, legalName: owner.body.legalName });
      expect(anonymous.json.contact).toBeUndefined();
      expect(JSON.stringify(anonymous.json)).not.toContain(owner.body.contact.email);
      expect(
        (await typed(as(other.apiKey).GET('/v1/enterprises/{id}', byId(owner.id)))).json.contact,
      ).toBeUndefined();
      expect(
        (await typed(as(owner.apiKey).GET('/v1/enterprises/{id}', byId(owner.id)))).json.contact,
      ).toMatchObject({ email: owner.body.contact.email });
      expect(
        (await typed(as(stack.adminKey).GET('/v1/enterprises/{id}', byId(owner.id)))).json.contact,
      ).toMatchObject({ email: owner.body.contact.email });
    });

    it('PATCH: the owner can, another enterprise gets 404 and changes nothing', async () => {
      const owner = await registerEnterprise(stack.gatewayUrl, { country: 'PK' });
      const other = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
      const hijack = { ...byId(owner.id), body: { englishName: 'Hijacked Ltd.' } };
      expectProblem(await typed(as(other.apiKey).PATCH('/v1/enterprises/{id}', hijack)), 404);
      expectProblem(await typed(as().PATCH('/v1/enterprises/{id}', hijack)), 401);
      expect((await typed(as().GET('/v1/enterprises/{id}', byId(owner.id)))).json.englishName).toBe(
        owner.body.englishName,
      );

      const ok = await typed(
        as(owner.apiKey).PATCH('/v1/enterprises/{id}', {
          ...byId(owner.id),
          body: { englishName: 'Punjab Drip Systems (Pvt) Ltd.' },
        }),
      );
      expect(ok.status).toBe(200);
      expect(ok.json).toMatchObject({ englishName: 'Punjab Drip Systems (Pvt) Ltd.', version: 2 });
      // The country cannot change: not even a field of the update body (the server refuses it by name).
      const countryChange = { country: 'CN' } as Schemas['UpdateEnterpriseDto'];
      expectProblem(
        await typed(
          as(owner.apiKey).PATCH('/v1/enterprises/{id}', { ...byId(owner.id), body: countryChange }),
        ),
        400,
        'country',
      );
      expectProblem(
        await typed(
          as(owner.apiKey).PATCH('/v1/enterprises/{id}', { ...byId(owner.id), body: { region: 'CN-YN' } }),
        ),
        400,
        'region',
      );
    });

    it('DELETE: another enterprise gets 404; the owner deactivates, its key stops working', async () => {
      const owner = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
      const other = await registerEnterprise(stack.gatewayUrl, { country: 'PK' });
      expectProblem(await typed(as(other.apiKey).DELETE('/v1/enterprises/{id}', byId(owner.id))), 404);
      expect((await typed(as().GET('/v1/enterprises/{id}', byId(owner.id)))).status).toBe(200);

      expect((await typed(as(owner.apiKey).DELETE('/v1/enterprises/{id}', byId(owner.id)))).status).toBe(204);
      expectProblem(await typed(as().GET('/v1/enterprises/{id}', byId(owner.id))), 404);
      expectProblem(await typed(as(owner.apiKey).GET('/v1/me')), 401);
    });

    it('GET /v1/me: 401 without a key, the own profile with contact for an enterprise', async () => {
      expectProblem(await typed(as().GET('/v1/me')), 401);
      expectProblem(await typed(as('tb_not-a-real-key').GET('/v1/me')), 401);
      const e = await registerEnterprise(stack.gatewayUrl, { country: 'PK' });
      const me = await typed(as(e.apiKey).GET('/v1/me'));
      expect(me.status).toBe(200);
      expect(me.json).toMatchObject({
        role: 'enterprise',
        enterprise: { id: e.id, contact: { email: e.body.contact.email } },
      });
      // X-API-Key works as well as Authorization: Bearer
      expect(
        (await typed(as().GET('/v1/me', { headers: { 'x-api-key': e.apiKey } }))).json.enterprise!.id,
      ).toBe(e.id);
    });

    it('key rotation: the old key is 401 at once, the new one works', async () => {
      const e = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
      expect((await typed(as(e.apiKey).GET('/v1/me'))).status).toBe(200); // warm the credential cache
      const rotated = await typed(as(e.apiKey).POST('/v1/me/api-keys'));
      expect(rotated.status).toBe(201);
      expect(rotated.json).toMatchObject({ apiKey: expect.stringMatching(/^tb_/), revokedKeys: 1 });
      expect(rotated.json.apiKey).not.toBe(e.apiKey);
      expectProblem(await typed(as(e.apiKey).GET('/v1/me')), 401);
      expect((await typed(as(rotated.json.apiKey).GET('/v1/me'))).json.enterprise!.id).toBe(e.id);
    });
  });

  describe('listing', () => {
    it('pages with nextCursor until the end, without repeats', async () => {
      const mine = new Set<string>();
      for (let i = 0; i < 5; i++)
        mine.add((await registerEnterprise(stack.gatewayUrl, { country: 'PK' })).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: { country: 'PK'; limit: number; cursor?: string } = {
          country: 'PK',
          limit: 2,
          ...(cursor ? { cursor } : {}),
        };
        const res: TypedResponse<Schemas['EnterprisePageResponse']> = await typed(
          as().GET('/v1/enterprises', { params: { query } }),
        );
        expect(res.status).toBe(200);
        expect(res.json.items.length).toBeLessThanOrEqual(2);
        for (const item of res.json.items) {
          expect(item.country).toBe('PK');
          expect(item.contact).toBeUndefined();
        }
        seen.push(...res.json.items.map((i) => i.id));
        cursor = res.json.nextCursor;
        pages += 1;
      } while (cursor && pages < 100);
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of mine) expect(seen).toContain(id);
      expect(pages).toBeGreaterThanOrEqual(3);
    });

    it('refuses limit > 100 and a forged cursor with 400 naming the field', async () => {
      expectProblem(
        await typed(as().GET('/v1/enterprises', { params: { query: { limit: 101 } } })),
        400,
        'limit',
      );
      expectProblem(
        await typed(as().GET('/v1/enterprises', { params: { query: { cursor: 'bm90LWEtY3Vyc29y' } } })),
        400,
        'cursor',
      );
      expectProblem(
        await typed(as().GET('/v1/enterprises', { params: { query: { country: 'DE' as 'CN' } } })),
        400,
        'country',
      );
    });
  });

  describe('organisers', () => {
    it('creating an organiser needs the admin key: none → 401, enterprise → 403, admin → 201 with a key', async () => {
      const body = {
        name: 'Sino-Pak Matchmaking Workshop desk',
        organisation: 'ZBRA',
        email: `desk-${Date.now()}@example.org`,
      };
      expectProblem(await typed(as().POST('/v1/organisers', { body })), 401);
      const e = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
      expectProblem(await typed(as(e.apiKey).POST('/v1/organisers', { body })), 403);
      const created = await typed(as(stack.adminKey).POST('/v1/organisers', { body }));
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({
        name: body.name,
        role: 'organiser',
        apiKey: expect.stringMatching(/^tb_/),
      });
      const me = await typed(as(created.json.apiKey).GET('/v1/me'));
      expect(me.json).toMatchObject({ role: 'organiser', organiser: { id: created.json.id } });
      expectProblem(await typed(as(stack.adminKey).POST('/v1/organisers', { body })), 409, 'email');
    });
  });

  describe('edge behaviour', () => {
    it('sets Helmet headers and a request id on service responses', async () => {
      const res = await typed(as().GET('/v1/enterprises'));
      expect(res.status).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('strict-transport-security')).toBeTruthy();
      expect(res.headers.get('x-request-id')).toBeTruthy();
    });

    it('unknown paths are 404 problem+json; a service that is not running is 503 with Retry-After', async () => {
      expectProblem(await http.get('/v1/nothing-here'), 404);
      const absent = await typed(as().GET('/v1/offers'));
      expectProblem(absent, 503);
      expect(absent.headers.get('retry-after')).toBeTruthy();
    });

    it('gateway /health answers 200', async () => {
      expect((await http.get('/health')).status).toBe(200);
    });
  });
});

describe('registration rate limit through the gateway', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      name: 'e2e_ratelimit',
      services: ['profiles'],
      env: { REGISTRATION_RATE_LIMIT: '3', REGISTRATION_RATE_WINDOW_MS: '60000' },
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers 429 problem+json after the limit, even when the client forges X-Forwarded-For', async () => {
    const client = clientsFor(stack.gatewayUrl)();
    for (let i = 0; i < 3; i++) {
      // A fresh forged address each time: the gateway overwrites it, so all three count against one client.
      const res = await typed(
        client.POST('/v1/enterprises', {
          body: enterpriseBody('PK'),
          headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
        }),
      );
      expect(res.status).toBe(201);
    }
    const limited = await typed(
      client.POST('/v1/enterprises', {
        body: enterpriseBody('CN'),
        headers: { 'x-forwarded-for': '198.51.100.7' },
      }),
    );
    expectProblem(limited, 429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    // other endpoints are not throttled
    expect((await typed(client.GET('/v1/enterprises'))).status).toBe(200);
  });
});
