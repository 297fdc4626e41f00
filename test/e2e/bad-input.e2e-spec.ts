import { Stack, startStack } from '../support/stack';
import { ApiResponse, api, enterpriseBody, registerEnterprise } from './support/api';
import { needBody, offerBody } from './support/catalog-bodies';

/** A 400 problem document naming `field` (or one of its sub-fields). */
function expectFieldProblem(res: ApiResponse, field: string): void {
  expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({ status: 400, type: expect.stringMatching(/application\/problem\+json/) });
  expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}`))]));
}

const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/**
 * Issue 13 §6: inputs that answered 500 (tampered cursor, NUL, `null` in a PATCH, deep nesting) are
 * 400 problems naming the field, and `{"validUntil": null}` no longer sets a date in 1970.
 */
describe('bad input answers 400 naming the field, never 500 (e2e)', () => {
  let stack: Stack;
  let http: ReturnType<typeof api>;
  let cn: { id: string; apiKey: string };
  let pk: { id: string; apiKey: string };

  beforeAll(async () => {
    stack = await startStack({ services: ['profiles', 'catalog', 'matching'], name: 'bad_input', env: { REGISTRATION_RATE_LIMIT: '1000' } });
    http = api(stack.gatewayUrl);
    cn = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
    pk = await registerEnterprise(stack.gatewayUrl, { country: 'PK' });
  });
  afterAll(() => stack?.stop());

  it('a tampered cursor is a 400 on every list', async () => {
    const forged = Buffer.from(JSON.stringify({ k: 'x', id: 'y' })).toString('base64url');
    for (const path of ['/v1/offers', '/v1/needs', '/v1/enterprises']) {
      expectFieldProblem(await http.get(`${path}?cursor=${forged}`, cn.apiKey), 'cursor');
      expectFieldProblem(await http.get(`${path}?cursor=${Buffer.from('{"k":1e999,"id":"00000000-0000-4000-8000-000000000000"}').toString('base64url')}`, cn.apiKey), 'cursor');
    }
  });

  it('NUL characters and lone surrogates in text are refused, in bodies and in queries', async () => {
    expectFieldProblem(await http.post('/v1/offers', offerBody({ title: 'solar\u0000pump' }), cn.apiKey), 'title');
    expectFieldProblem(await http.post('/v1/needs', undefined, pk.apiKey, { raw: JSON.stringify(needBody()).replace('"title":"', '"title":"\\ud800') }), 'title');
    expectFieldProblem(await http.get('/v1/offers?q=%00', cn.apiKey), 'q');
  });

  it('null for a field that cannot be empty is a 400 in a PATCH; null clears a field that can', async () => {
    const offer = await http.post('/v1/offers', offerBody({ price: { min: 1, max: 2, currency: 'USD' } }), cn.apiKey);
    expect(offer.status).toBe(201);
    expectFieldProblem(await http.patch(`/v1/offers/${offer.json.id}`, { title: null }, cn.apiKey), 'title');
    expectFieldProblem(await http.patch(`/v1/offers/${offer.json.id}`, { validUntil: null }, cn.apiKey), 'validUntil');
    const cleared = await http.patch(`/v1/offers/${offer.json.id}`, { price: null }, cn.apiKey);
    expect(cleared.status).toBe(200);
    expect(cleared.json.price).toBeNull();
    const need = await http.post('/v1/needs', needBody({ deadline: '2027-12-31' }), pk.apiKey);
    const noDeadline = await http.patch(`/v1/needs/${need.json.id}`, { deadline: null }, pk.apiKey);
    expect(noDeadline.status).toBe(200);
    expect(noDeadline.json.deadline).toBeNull();
    expectFieldProblem(await http.patch(`/v1/enterprises/${cn.id}`, { contact: null }, cn.apiKey), 'contact');
    expectFieldProblem(await http.patch(`/v1/enterprises/${cn.id}`, { englishName: null }, cn.apiKey), 'englishName');
  });

  it('a deeply nested body is refused before validation on every write endpoint', async () => {
    for (const [path, key] of [
      ['/v1/enterprises', undefined],
      ['/v1/offers', cn.apiKey],
      ['/v1/needs', pk.apiKey],
    ] as const) {
      const res = await http.post(path, undefined, key, { raw: `{"title":${nested(5000)}}` });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    const proto = await http.post('/v1/enterprises', undefined, undefined, { raw: JSON.stringify(enterpriseBody('CN')).replace('{', '{"__proto__":{"admin":true},') });
    expect(proto.status).toBe(400);
  });
});
