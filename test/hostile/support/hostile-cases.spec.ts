import {
  DEEP_NESTING_LEVELS,
  HUGE_STRING_BYTES,
  Json,
  OpenApiDocument,
  RawJson,
  apiOperations,
  fieldName,
  generateCases,
  serialize,
} from './hostile-cases';
import { SeededRandom } from './seeded-random';

const doc: OpenApiDocument = {
  paths: {
    '/v1/things': {
      post: {
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateThingDto' } } },
        },
      },
      get: {
        parameters: [
          { in: 'query', name: 'cursor' },
          { in: 'query', name: 'limit' },
          { in: 'query', name: 'q' },
        ],
      },
    },
    '/v1/things/{id}': {
      patch: {
        parameters: [{ in: 'path', name: 'id' }],
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/UpdateThingDto' } } },
        },
      },
      get: { parameters: [{ in: 'path', name: 'id' }] },
    },
  },
  components: {
    schemas: {
      Money: {
        type: 'object',
        properties: { min: { type: 'number' }, currency: { type: 'string', enum: ['CNY', 'PKR'] } },
        required: ['min', 'currency'],
      },
      CreateThingDto: {
        type: 'object',
        properties: {
          title: { type: 'string', maxLength: 10 },
          status: { type: 'string', enum: ['draft', 'live'] },
          trl: { type: 'number', minimum: 1, maximum: 9 },
          tags: { type: 'array', maxItems: 2, items: { type: 'string' } },
          price: { allOf: [{ $ref: '#/components/schemas/Money' }] },
        },
        required: ['title', 'trl'],
      },
      UpdateThingDto: {
        type: 'object',
        properties: { title: { type: 'string', maxLength: 10 }, note: { type: 'string' } },
      },
    },
  },
};

const bases: Record<string, Json> = {
  'POST /v1/things': {
    title: 'ok',
    status: 'draft',
    trl: 5,
    tags: ['a'],
    price: { min: 1, currency: 'CNY' },
  },
  'PATCH /v1/things/{id}': { title: 'new' },
};

const cases = (seed = 7, cap?: number) =>
  generateCases({ things: doc }, { seed, bases, maxCasesPerOperation: cap });
const bodyOf = (id: string) => {
  const c = cases().find((x) => x.id === id);
  if (!c)
    throw new Error(
      `no case ${id}: ${cases()
        .map((x) => x.id)
        .join('\n')}`,
    );
  return c;
};

describe('hostile-input generator', () => {
  it('finds the write and list operations of the documents', () => {
    const ops = apiOperations({ things: doc });
    expect(ops.map((o) => o.key).sort()).toEqual([
      'GET /v1/things',
      'GET /v1/things/{id}',
      'PATCH /v1/things/{id}',
      'POST /v1/things',
    ]);
    expect(ops.find((o) => o.key === 'POST /v1/things')!.bodySchema!.required).toEqual(['title', 'trl']);
    expect(new Set(cases().map((c) => c.operation))).toEqual(
      new Set(['POST /v1/things', 'PATCH /v1/things/{id}', 'GET /v1/things']),
    );
  });

  it('is reproducible: the same seed gives the same cases and bodies, another seed other ones', () => {
    const render = (seed: number) =>
      cases(seed).map((c) => `${c.id} ${c.body ? c.body(bases[c.operation]).slice(0, 200) : c.query}`);
    expect(render(7)).toEqual(render(7));
    expect(render(8)).not.toEqual(render(7));
    expect(new SeededRandom(1).sample([1, 2, 3, 4, 5], 5).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('breaks one field at a time: wrong types, missing, null, too long, out of range, too many items', () => {
    const all = cases();
    const wrong = all.filter(
      (c) => c.operation === 'POST /v1/things' && c.kind === 'wrong-type' && c.field === 'trl',
    );
    expect(wrong.length).toBeGreaterThanOrEqual(3);
    for (const c of wrong) {
      const body = c.body!(bases[c.operation]);
      const trl = /"trl":(.*?),"tags"/.exec(body)?.[1];
      expect(trl).not.toBe('5');
      expect(c.expect).toBe('refused');
    }
    expect(
      JSON.parse(bodyOf('POST /v1/things missing-required title').body!(bases['POST /v1/things'])),
    ).not.toHaveProperty('title');
    expect(
      JSON.parse(bodyOf('POST /v1/things missing-required price.currency').body!(bases['POST /v1/things']))
        .price,
    ).toEqual({ min: 1 });
    expect(bodyOf('POST /v1/things null title')).toMatchObject({ expect: 'refused', field: 'title' });
    expect(bodyOf('PATCH /v1/things/{id} null note')).toMatchObject({ expect: 'either' });
    expect(
      JSON.parse(bodyOf('POST /v1/things too-long title 11 CJK chars').body!(bases['POST /v1/things'])).title,
    ).toBe('漢'.repeat(11));
    expect(JSON.parse(bodyOf('POST /v1/things out-of-range trl>9').body!(bases['POST /v1/things'])).trl).toBe(
      10,
    );
    expect(
      JSON.parse(bodyOf('POST /v1/things too-many-items tags 3 items').body!(bases['POST /v1/things'])).tags,
    ).toHaveLength(3);
    expect(bodyOf('POST /v1/things wrong-type status=not-in-enum').field).toBe('status');
    expect(all.filter((c) => c.field === 'tags' && c.kind === 'wrong-type').length).toBeGreaterThan(0); // items name their array
  });

  it('writes what JSON.stringify never would: lone surrogates, 1e999, 10k-deep nesting, 1 MB strings', () => {
    const surrogate = bodyOf('POST /v1/things unicode title lone-high-surrogate').body!(
      bases['POST /v1/things'],
    );
    expect(surrogate).toContain('"title":"x\\ud800y"');
    expect(JSON.parse(surrogate).title).toBe('x\ud800y');
    expect(
      JSON.parse(bodyOf('POST /v1/things unicode title NUL').body!(bases['POST /v1/things'])).title,
    ).toContain('\u0000');
    const deep = cases().find(
      (c) => c.operation === 'POST /v1/things' && c.id.endsWith(`body ${DEEP_NESTING_LEVELS} arrays`),
    )!;
    expect(deep.body!(bases['POST /v1/things'])).toHaveLength(2 * DEEP_NESTING_LEVELS);
    const fieldDeep = cases().filter(
      (c) => c.operation === 'POST /v1/things' && c.kind === 'deep-nesting' && c.id.includes('objects'),
    );
    expect(fieldDeep.length).toBeGreaterThan(0);
    expect(fieldDeep[0].body!(bases['POST /v1/things']).match(/\{"a":/g)).toHaveLength(DEEP_NESTING_LEVELS);
    const huge = cases().find((c) => c.operation === 'POST /v1/things' && c.kind === 'oversize-body')!;
    expect(huge.body!(bases['POST /v1/things']).length).toBeGreaterThan(HUGE_STRING_BYTES);
    expect(serialize({ a: new RawJson('1e999'), b: [new RawJson('"\\udc00"')] })).toBe(
      '{"a":1e999,"b":["\\udc00"]}',
    );
  });

  it('adds prototype-pollution keys, SQL and HTML text, unknown fields and mass-assignment fields', () => {
    const proto = bodyOf('POST /v1/things prototype-pollution __proto__').body!(bases['POST /v1/things']);
    expect(proto.startsWith('{"__proto__":{"polluted":true},"title":"ok"')).toBe(true);
    expect(Object.keys(JSON.parse(proto))).toContain('__proto__'); // an own key once parsed: what a server must refuse
    const nestedProto = bodyOf('POST /v1/things prototype-pollution price.__proto__').body!(
      bases['POST /v1/things'],
    );
    expect(nestedProto).toContain('"price":{"__proto__":{"polluted":true},"min":1,"currency":"CNY"}');
    expect(
      bodyOf('POST /v1/things prototype-pollution constructor.prototype').body!(bases['POST /v1/things']),
    ).toContain('"constructor":{"prototype"');
    const text = cases().filter(
      (c) => c.operation === 'POST /v1/things' && ['sql', 'html'].includes(c.kind) && c.field === 'title',
    );
    expect(text.map((c) => c.kind).sort()).toEqual(['html', 'html', 'sql', 'sql']);
    for (const c of text) expect(JSON.parse(c.body!(bases[c.operation])).title).toBe(c.storedText);
    const mass = cases().filter((c) => c.kind === 'mass-assignment');
    // `status` is part of the create schema, so it is not a mass-assignment case there (but is in the update).
    expect(mass.filter((c) => c.operation === 'POST /v1/things').map((c) => c.field)).not.toContain('status');
    expect(mass.filter((c) => c.operation === 'PATCH /v1/things/{id}').map((c) => c.field)).toEqual(
      expect.arrayContaining(['status', 'enterpriseId', 'country', 'version', 'role']),
    );
    expect(bodyOf('POST /v1/things unknown-field price.zzUnknown').field).toBe('price.zzUnknown');
  });

  it('tampers with cursors and limits of list operations, and caps the cases per operation', () => {
    const list = cases().filter((c) => c.operation === 'GET /v1/things');
    const cursors = list.filter((c) => c.kind === 'cursor');
    expect(cursors.length).toBeGreaterThanOrEqual(15);
    const wrongTypes = cursors.find((c) => c.id.endsWith('json-k-array'))!;
    expect(
      JSON.parse(Buffer.from(wrongTypes.query!.slice('cursor='.length), 'base64url').toString()),
    ).toEqual({ k: [], id: {} });
    expect(cursors.some((c) => c.query!.length > 8000)).toBe(true);
    expect(list.filter((c) => c.kind === 'limit' && c.expect === 'refused').map((c) => c.query)).toEqual(
      expect.arrayContaining(['limit=0', 'limit=-1', 'limit=101', 'limit=abc']),
    );
    expect(list.some((c) => c.kind === 'query-param' && c.field === 'q')).toBe(true);
    const capped = cases(7, 10);
    expect(capped.filter((c) => c.operation === 'POST /v1/things')).toHaveLength(10);
    expect(fieldName(['venues', 0, 'city', 'en'])).toBe('venues[0].city.en');
  });

  it('refuses to run an operation without a valid body to start from', () => {
    expect(() => generateCases({ things: doc }, { seed: 1, bases: {} })).toThrow(
      /no valid body for POST \/v1\/things/,
    );
  });
});
