import { SeededRandom } from './seeded-random';

/**
 * The hostile-input generator (issue 13): pure, no I/O. From the services' OpenAPI documents it derives,
 * for every write operation, bodies that break its request schema one field at a time, and for every
 * list operation, tampered cursors and out-of-range limits. A seeded PRNG picks among the payloads, so
 * one seed always gives the same cases; `maxCasesPerOperation` keeps the tier fast.
 */

export interface SchemaObject {
  type?: string;
  format?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  enum?: unknown[];
  maxLength?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  $ref?: string;
  allOf?: SchemaObject[];
}

interface OpenApiOperation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiOperation {
  service: string;
  method: HttpMethod;
  /** The OpenAPI path template, e.g. `/v1/offers/{id}`. */
  path: string;
  /** `"PATCH /v1/offers/{id}"`: how fixtures and results refer to the operation. */
  key: string;
  pathParams: string[];
  queryParams: string[];
  /** The JSON request-body schema, `$ref`s resolved at the top level. */
  bodySchema?: SchemaObject;
  document: OpenApiDocument;
}

export type Json = null | boolean | number | string | RawJson | Json[] | { [key: string]: Json };

/** JSON text put into a body as is: escapes JSON.stringify would never write (`"\ud800"`), `1e999`, 10k-deep nesting. */
export class RawJson {
  constructor(readonly text: string) {}
}

export type CaseKind =
  | 'wrong-type'
  | 'missing-required'
  | 'null'
  | 'too-long'
  | 'huge-string'
  | 'too-many-items'
  | 'out-of-range'
  | 'oversize-body'
  | 'deep-nesting'
  | 'unicode'
  | 'prototype-pollution'
  | 'sql'
  | 'html'
  | 'unknown-field'
  | 'mass-assignment'
  | 'cursor'
  | 'limit'
  | 'query-param';

/**
 * `refused`: must be a 4xx problem (and store nothing). `either`: valid input the service may accept
 * (RTL marks, SQL or HTML as text): any 2xx or 4xx, never a 5xx; if accepted, it comes back as sent.
 */
export type Expectation = 'refused' | 'either';

export interface HostileCase {
  /** Stable, readable description: `PATCH /v1/offers/{id} wrong-type title=42`. */
  id: string;
  operation: string;
  kind: CaseKind;
  expect: Expectation;
  /** The field a 400 must name (`errors[].field`, this path or one above or below it). */
  field?: string;
  /** The string this case stores at `field` when it is accepted (checked to come back byte-identical). */
  storedText?: string;
  /** Writes: the raw request body built from a fresh valid body of the operation. */
  body?: (base: Json) => string;
  /** Lists: the query string (without `?`). */
  query?: string;
}

export interface GenerateOptions {
  seed: number;
  /** A valid body per write operation key: which nested objects and array items exist to break. */
  bases: Record<string, Json>;
  maxCasesPerOperation?: number;
}

/** Fields an attacker would like to set and no request schema of ours should accept unless it names them. */
export const MASS_ASSIGNMENT_FIELDS = [
  'status',
  'enterpriseId',
  'country',
  'version',
  'role',
  'id',
  'ownerId',
  'createdAt',
] as const;

export const DEEP_NESTING_LEVELS = 10_000;
export const HUGE_STRING_BYTES = 1024 * 1024;

export const SQL_PAYLOADS = [
  "' OR '1'='1' --",
  "'; DROP TABLE offers; --",
  '1; SELECT pg_sleep(5); --',
  "' UNION SELECT key_hash, principal_id FROM credentials --",
  "\\'; COMMIT; DELETE FROM enterprises; --",
  '$$; TRUNCATE needs; $$',
];
const HTML_PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(document.cookie)>',
  "<svg/onload=alert('x')>",
  '</title><iframe src="javascript:alert(1)">',
  '{{constructor.constructor("alert(1)")()}}',
  '&lt;b&gt; &amp; <b>bold</b> &#x3C;',
];
/** Valid text in unusual shapes: may be stored, must then come back byte-identical. */
const UNICODE_TEXT = [
  'abc\u202Edcba\u202C',
  'Z' + '\u0301\u0302\u0303\u0308\u0327'.repeat(20),
  'a\u200Bb\u200Cc\u200Dd\uFEFFe\u2060',
  '\u{20000}\u{1F600} 滴灌 آبپاشی e\u0301',
  '\u061C\u200F\u200E\u2066x\u2069',
];
/** Text no service can store: refused naming the field. Lone surrogates can only be sent as JSON escapes. */
const UNICODE_REFUSED: { label: string; value: Json }[] = [
  { label: 'NUL', value: 'solar\u0000pump' },
  { label: 'lone-high-surrogate', value: new RawJson('"x\\ud800y"') },
  { label: 'lone-low-surrogate', value: new RawJson('"\\udc00"') },
];
const WRONG_VALUES: Record<string, Json[]> = {
  string: [42, true, [], {}, ['x'], new RawJson('1e999')],
  number: ['7', true, [], {}, new RawJson('1e999'), new RawJson('-1e999')],
  integer: ['7', true, [], {}, 1.5, new RawJson('1e999')],
  boolean: ['true', 1, [], {}],
  array: ['x', 1, {}, true],
  object: ['x', 1, [], true],
};

// ---------------------------------------------------------------------------------------------------
// OpenAPI reading

export function resolveSchema(
  doc: OpenApiDocument,
  schema: SchemaObject | undefined,
): SchemaObject | undefined {
  let s = schema;
  for (let i = 0; s && i < 10; i++) {
    if (s.$ref) s = doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')];
    else if (s.allOf?.length === 1 && !s.properties) s = s.allOf[0];
    else break;
  }
  return s;
}

export function apiOperations(docs: Record<string, OpenApiDocument>): ApiOperation[] {
  const ops: ApiOperation[] = [];
  for (const [service, document] of Object.entries(docs)) {
    for (const [path, byMethod] of Object.entries(document.paths ?? {})) {
      for (const [m, op] of Object.entries(byMethod)) {
        const method = m.toUpperCase() as HttpMethod;
        if (!['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(method)) continue;
        const params = op.parameters ?? [];
        ops.push({
          service,
          method,
          path,
          key: `${method} ${path}`,
          pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
          bodySchema: resolveSchema(document, op.requestBody?.content?.['application/json']?.schema),
          document,
        });
      }
    }
  }
  return ops;
}

export const isWriteOperation = (op: ApiOperation) =>
  ['POST', 'PATCH', 'PUT'].includes(op.method) && !!op.bodySchema;
export const isListOperation = (op: ApiOperation) =>
  op.method === 'GET' && (op.queryParams.includes('cursor') || op.queryParams.includes('limit'));

// ---------------------------------------------------------------------------------------------------
// Paths into bodies

export type FieldPath = (string | number)[];

/** `['venues', 0, 'city']` → `venues[0].city`, the way the validation pipe names fields. */
export function fieldName(path: FieldPath): string {
  return path.reduce<string>(
    (acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg),
    '',
  );
}

function getAt(value: Json, path: FieldPath): Json | undefined {
  let cur: any = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[seg as any];
  }
  return cur;
}

function setAt(root: Json, path: FieldPath, value: Json | undefined): void {
  let cur: any = root;
  for (const seg of path.slice(0, -1)) cur = cur[seg as any];
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(cur)) cur.splice(last as number, 1);
    else delete cur[last as string];
  } else cur[last as any] = value;
}

/** JSON text of `value`, with every RawJson written verbatim. */
export function serialize(value: Json): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v) =>
    v instanceof RawJson ? `\u0001raw${raws.push(v.text) - 1}\u0001` : v,
  );
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]);
}

function clone(value: Json): Json {
  return value === null || typeof value !== 'object' ? value : JSON.parse(JSON.stringify(value));
}

const withValue = (path: FieldPath, value: Json | undefined) => (base: Json) => {
  const body = clone(base);
  setAt(body, path, value);
  return serialize(body);
};

/** Inserts raw members at the start of the object at `path` (the body itself for `[]`). */
const withLeadingMembers = (path: FieldPath, members: string) => (base: Json) => {
  const body = clone(base);
  const target = path.length ? getAt(body, path) : body;
  const marker = '\u0001here\u0001';
  if (path.length) setAt(body, path, new RawJson(marker));
  const inner = serialize(target as Json);
  const patched = inner === '{}' ? `{${members}}` : `{${members},${inner.slice(1)}`;
  return path.length ? serialize(body).replace(marker, patched) : patched;
};

export interface FieldInfo {
  path: FieldPath;
  schema: SchemaObject;
  required: boolean;
  /** The array property an item belongs to (errors on string-array items name the array). */
  arrayItemOf?: FieldPath;
}

/**
 * Every property of the schema, nested objects and the first item of object arrays included when the
 * sample body has them (a nested field of an absent parent would fail for the parent, not itself).
 */
export function fieldsOf(
  doc: OpenApiDocument,
  schema: SchemaObject,
  sample: Json,
  prefix: FieldPath = [],
  depth = 0,
): FieldInfo[] {
  const s = resolveSchema(doc, schema);
  if (!s?.properties || depth > 4) return [];
  const out: FieldInfo[] = [];
  for (const [name, raw] of Object.entries(s.properties)) {
    const prop = resolveSchema(doc, raw) ?? {};
    const path = [...prefix, name];
    out.push({ path, schema: prop, required: (s.required ?? []).includes(name) });
    const here = getAt(sample, path);
    if (prop.properties && here && typeof here === 'object' && !Array.isArray(here)) {
      out.push(...fieldsOf(doc, prop, sample, path, depth + 1));
    }
    if (prop.type === 'array' && Array.isArray(here) && here.length > 0) {
      const item = resolveSchema(doc, prop.items) ?? {};
      if (item.properties) out.push(...fieldsOf(doc, item, sample, [...path, 0], depth + 1));
      else out.push({ path: [...path, 0], schema: item, required: false, arrayItemOf: path });
    }
  }
  return out;
}

const typeOf = (s: SchemaObject): string => s.type ?? (s.properties ? 'object' : 'string');

// ---------------------------------------------------------------------------------------------------
// Cases

function label(v: Json): string {
  if (v instanceof RawJson) return v.text.length > 24 ? `${v.text.slice(0, 24)}…` : v.text;
  const t = JSON.stringify(v);
  return t.length > 24 ? `${t.slice(0, 24)}…` : t;
}

function nested(levels: number, kind: 'array' | 'object'): RawJson {
  return new RawJson(
    kind === 'array'
      ? '['.repeat(levels) + ']'.repeat(levels)
      : '{"a":'.repeat(levels) + '1' + '}'.repeat(levels),
  );
}

export function writeCases(op: ApiOperation, sample: Json, rnd: SeededRandom): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (c: Omit<HostileCase, 'operation' | 'id'> & { what: string }) => {
    const { what, ...rest } = c;
    cases.push({ ...rest, operation: op.key, id: `${op.key} ${c.kind} ${what}` });
  };
  const fields = fieldsOf(op.document, op.bodySchema!, sample);
  const topLevel = new Set(Object.keys(op.bodySchema!.properties ?? {}));

  for (const f of fields) {
    const name = fieldName(f.path);
    const named = f.arrayItemOf ? fieldName(f.arrayItemOf) : name;
    const type = typeOf(f.schema);
    // Wrong types (and a value outside the enum).
    for (const v of rnd.sample(WRONG_VALUES[type] ?? WRONG_VALUES.string, 3)) {
      add({
        kind: 'wrong-type',
        what: `${name}=${label(v)}`,
        expect: 'refused',
        field: named,
        body: withValue(f.path, v),
      });
    }
    if (f.schema.enum)
      add({
        kind: 'wrong-type',
        what: `${name}=not-in-enum`,
        expect: 'refused',
        field: named,
        body: withValue(f.path, 'not-a-member'),
      });
    // null: refused for a required field; an optional one may be cleared by null.
    if (!f.arrayItemOf)
      add({
        kind: 'null',
        what: name,
        expect: f.required ? 'refused' : 'either',
        field: name,
        body: withValue(f.path, null),
      });
    else add({ kind: 'null', what: name, expect: 'refused', field: named, body: withValue(f.path, null) });
    if (f.required)
      add({
        kind: 'missing-required',
        what: name,
        expect: 'refused',
        field: name,
        body: withValue(f.path, undefined),
      });
    if (type === 'string') {
      if (f.schema.maxLength !== undefined) {
        const n = f.schema.maxLength + 1;
        add({
          kind: 'too-long',
          what: `${name} ${n} chars`,
          expect: 'refused',
          field: named,
          body: withValue(f.path, 'a'.repeat(n)),
        });
        add({
          kind: 'too-long',
          what: `${name} ${n} CJK chars`,
          expect: 'refused',
          field: named,
          body: withValue(f.path, '漢'.repeat(n)),
        });
      } else if (!f.schema.enum) {
        add({
          kind: 'huge-string',
          what: `${name} 20k chars`,
          expect: 'either',
          field: named,
          body: withValue(f.path, 'x'.repeat(20_000)),
        });
      }
      for (const { label: l, value } of UNICODE_REFUSED) {
        add({
          kind: 'unicode',
          what: `${name} ${l}`,
          expect: 'refused',
          field: named,
          body: withValue(f.path, value),
        });
      }
      if (!f.schema.enum) {
        for (const text of rnd.sample(UNICODE_TEXT, 2))
          add({
            kind: 'unicode',
            what: `${name}=${label(text)}`,
            expect: 'either',
            field: named,
            storedText: text,
            body: withValue(f.path, text),
          });
        for (const text of rnd.sample(SQL_PAYLOADS, 2))
          add({
            kind: 'sql',
            what: `${name}=${label(text)}`,
            expect: 'either',
            field: named,
            storedText: text,
            body: withValue(f.path, text),
          });
        for (const text of rnd.sample(HTML_PAYLOADS, 2))
          add({
            kind: 'html',
            what: `${name}=${label(text)}`,
            expect: 'either',
            field: named,
            storedText: text,
            body: withValue(f.path, text),
          });
      }
    }
    if ((type === 'number' || type === 'integer') && f.schema.maximum !== undefined) {
      add({
        kind: 'out-of-range',
        what: `${name}>${f.schema.maximum}`,
        expect: 'refused',
        field: named,
        body: withValue(f.path, f.schema.maximum + 1),
      });
    }
    if ((type === 'number' || type === 'integer') && f.schema.minimum !== undefined) {
      add({
        kind: 'out-of-range',
        what: `${name}<${f.schema.minimum}`,
        expect: 'refused',
        field: named,
        body: withValue(f.path, f.schema.minimum - 1),
      });
    }
    if (type === 'array' && f.schema.maxItems !== undefined) {
      const first = getAt(sample, [...f.path, 0]);
      const item: Json = first === undefined ? 'x' : first;
      const items = Array.from({ length: f.schema.maxItems + 1 }, (_, i) =>
        typeof item === 'string' ? `${item}-${i}` : clone(item),
      );
      add({
        kind: 'too-many-items',
        what: `${name} ${items.length} items`,
        expect: 'refused',
        field: name,
        body: withValue(f.path, items),
      });
    }
    // Prototype-pollution keys inside a nested object.
    if (
      type === 'object' &&
      !f.arrayItemOf &&
      getAt(sample, f.path) &&
      typeof getAt(sample, f.path) === 'object'
    ) {
      add({
        kind: 'prototype-pollution',
        what: `${name}.__proto__`,
        expect: 'refused',
        body: withLeadingMembers(f.path, '"__proto__":{"polluted":true}'),
      });
      add({
        kind: 'unknown-field',
        what: `${name}.zzUnknown`,
        expect: 'refused',
        field: `${name}.zzUnknown`,
        body: withValue([...f.path, 'zzUnknown'], 1),
      });
    }
  }

  // Deep nesting in place of two fields, as arrays and as objects.
  for (const f of rnd.sample(
    fields.filter((x) => x.path.length === 1),
    2,
  )) {
    for (const shape of ['array', 'object'] as const) {
      add({
        kind: 'deep-nesting',
        what: `${fieldName(f.path)} ${DEEP_NESTING_LEVELS} ${shape}s`,
        expect: 'refused',
        body: withValue(f.path, nested(DEEP_NESTING_LEVELS, shape)),
      });
    }
  }
  // The whole body.
  add({
    kind: 'deep-nesting',
    what: `body ${DEEP_NESTING_LEVELS} arrays`,
    expect: 'refused',
    body: () => nested(DEEP_NESTING_LEVELS, 'array').text,
  });
  const stringField = rnd.pick(
    fields
      .filter((f) => typeOf(f.schema) === 'string' && !f.schema.enum && !f.arrayItemOf)
      .concat(fields.slice(0, 1)),
  );
  add({
    kind: 'oversize-body',
    what: `${fieldName(stringField.path)} 1 MB`,
    expect: 'refused',
    field: 'body',
    body: withValue(stringField.path, 'A'.repeat(HUGE_STRING_BYTES)),
  });
  add({
    kind: 'prototype-pollution',
    what: '__proto__',
    expect: 'refused',
    body: withLeadingMembers([], '"__proto__":{"polluted":true}'),
  });
  add({
    kind: 'prototype-pollution',
    what: 'constructor.prototype',
    expect: 'refused',
    body: withLeadingMembers([], '"constructor":{"prototype":{"polluted":true}}'),
  });
  if (!topLevel.has('prototype'))
    add({
      kind: 'prototype-pollution',
      what: 'prototype',
      expect: 'refused',
      field: 'prototype',
      body: withValue(['prototype'], { polluted: true }),
    });
  if (!topLevel.has('constructor'))
    add({
      kind: 'prototype-pollution',
      what: 'constructor',
      expect: 'refused',
      field: 'constructor',
      body: withValue(['constructor'], 'x'),
    });
  add({
    kind: 'unknown-field',
    what: 'zzUnknown',
    expect: 'refused',
    field: 'zzUnknown',
    body: withValue(['zzUnknown'], 1),
  });
  for (const name of MASS_ASSIGNMENT_FIELDS) {
    if (topLevel.has(name)) continue;
    const value: Json =
      name === 'version'
        ? 99
        : name === 'role'
          ? 'admin'
          : name === 'country'
            ? 'CN'
            : name === 'status'
              ? 'published'
              : name === 'createdAt'
                ? '2000-01-01T00:00:00Z'
                : '6f1c1b2e-3d4a-4b5c-8d6e-7f8091a2b3c4';
    add({
      kind: 'mass-assignment',
      what: `${name}=${label(value)}`,
      expect: 'refused',
      field: name,
      body: withValue([name], value),
    });
  }
  return cases;
}

function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

export function listCases(op: ApiOperation, rnd: SeededRandom): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (kind: CaseKind, what: string, query: string, expect: Expectation, field?: string) =>
    cases.push({ id: `${op.key} ${kind} ${what}`, operation: op.key, kind, expect, field, query });
  if (op.queryParams.includes('cursor')) {
    const cursors: [string, string][] = [
      ['random-8', rnd.bytes(8).toString('base64url')],
      ['random-48', rnd.bytes(48).toString('base64url')],
      ['random-300-std', rnd.bytes(300).toString('base64')],
      ['json-k-array', base64url('{"k":[],"id":{}}')],
      ['json-nulls', base64url('{"k":null,"id":null}')],
      ['json-k-1e999', base64url('{"k":1e999,"id":"00000000-0000-4000-8000-000000000000"}')],
      ['json-k-object', base64url('{"k":{"$gt":""},"id":"00000000-0000-4000-8000-000000000000"}')],
      ['json-id-sql', base64url(`{"k":"2026-01-01T00:00:00.000Z","id":"' OR 1=1 --"}`)],
      ['json-proto', base64url('{"__proto__":{"polluted":true},"k":"x","id":"y"}')],
      ['json-array', base64url('[1,2,3]')],
      ['json-string', base64url('"cursor"')],
      ['json-number', base64url('12345')],
      ['json-deep', base64url('['.repeat(5000) + ']'.repeat(5000))],
      ['not-base64', encodeURIComponent('!!!***')],
      ['nul', '%00'],
      ['empty', ''],
      ['long-8k', 'A'.repeat(8000)],
      [
        'long-json-4k',
        base64url(JSON.stringify({ k: 'x'.repeat(3000), id: '00000000-0000-4000-8000-000000000000' })),
      ],
      ['repeated', 'abc&cursor=def'],
    ];
    for (const [what, value] of cursors)
      add('cursor', what, `cursor=${value}`, what === 'empty' ? 'either' : 'refused', 'cursor');
  }
  if (op.queryParams.includes('limit')) {
    for (const v of [
      '0',
      '-1',
      '101',
      '1000000',
      '1e3',
      'abc',
      '1.5',
      'NaN',
      'Infinity',
      '-Infinity',
      '0x10',
      '%00',
      '9'.repeat(400),
      '5&limit=6',
    ]) {
      add('limit', v.length > 12 ? `${v.slice(0, 12)}…` : v, `limit=${v}`, 'refused', 'limit');
    }
    add('limit', '100', 'limit=100', 'either', 'limit');
    add('limit', 'empty', 'limit=', 'either', 'limit');
  }
  // Every other query parameter: odd shapes and lengths; the service may accept them as text.
  for (const p of op.queryParams.filter((q) => q !== 'cursor' && q !== 'limit')) {
    for (const v of rnd.sample(
      [
        'x'.repeat(3000),
        '%00',
        '%E2%80%AE',
        `${encodeURIComponent("' OR 1=1 --")}`,
        '%3Cscript%3E',
        `a&${p}=b`,
        '%F0%A0%80%80',
        '-1',
        '1e999',
      ],
      3,
    )) {
      add(
        'query-param',
        `${p}=${v.length > 12 ? `${v.slice(0, 12)}…` : v}`,
        `${p}=${v}`,
        v === '%00' ? 'refused' : 'either',
        p,
      );
    }
  }
  return cases;
}

/** Every case for every write and list operation of the documents, capped per operation. */
export function generateCases(
  docs: Record<string, OpenApiDocument>,
  options: GenerateOptions,
): HostileCase[] {
  const rnd = new SeededRandom(options.seed);
  const cap = options.maxCasesPerOperation ?? 400;
  const out: HostileCase[] = [];
  for (const op of apiOperations(docs)) {
    let cases: HostileCase[] = [];
    if (isWriteOperation(op)) {
      const sample = options.bases[op.key];
      if (sample === undefined)
        throw new Error(`no valid body for ${op.key}: add one to the hostile fixtures`);
      cases = writeCases(op, sample, rnd);
    } else if (isListOperation(op)) {
      cases = listCases(op, rnd);
    }
    out.push(...(cases.length > cap ? rnd.sample(cases, cap) : cases));
  }
  return out;
}
