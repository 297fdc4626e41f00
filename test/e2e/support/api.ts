import { randomBytes, randomUUID } from 'node:crypto';
import { type Schemas, createTechBridgeClient } from '@techbridge/client';

/** What every helper returns: status, headers and the parsed body (null when empty or not JSON). */
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  json: T;
  text: string;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Send this string as the body as is (for malformed / oversized bodies). */
  raw?: string;
}

async function call<T>(
  base: string,
  method: string,
  path: string,
  body: unknown,
  key: string | undefined,
  o: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (key) headers.authorization = `Bearer ${key}`;
  let payload: string | undefined;
  if (o.raw !== undefined) payload = o.raw;
  else if (body !== undefined) payload = JSON.stringify(body);
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body: payload });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** `api(gatewayUrl).post('/v1/needs', body, apiKey)` → { status, headers, json }. */
export function api(base: string) {
  return {
    get: <T = any>(path: string, key?: string, o?: RequestOptions) =>
      call<T>(base, 'GET', path, undefined, key, o),
    post: <T = any>(path: string, body?: unknown, key?: string, o?: RequestOptions) =>
      call<T>(base, 'POST', path, body, key, o),
    patch: <T = any>(path: string, body?: unknown, key?: string, o?: RequestOptions) =>
      call<T>(base, 'PATCH', path, body, key, o),
    put: <T = any>(path: string, body?: unknown, key?: string, o?: RequestOptions) =>
      call<T>(base, 'PUT', path, body, key, o),
    delete: <T = any>(path: string, key?: string, o?: RequestOptions) =>
      call<T>(base, 'DELETE', path, undefined, key, o),
  };
}

const tag = () => randomBytes(4).toString('hex');

// Unique, realistic legal names: a random CJK / Urdu-script suffix keeps the normalised name unique.
const CJK = '光华新明东方科技农业能源医药智能信息材料精密环保水利航天';
const URDU = 'ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنوہیے';
const pick = (alphabet: string, n: number) =>
  Array.from({ length: n }, () => [...alphabet][randomBytes(1)[0] % [...alphabet].length]).join('');

export type Country = 'CN' | 'PK';

/** A valid registration body (typed by the public API document): Chinese legal name for CN, Urdu for PK; unique names and email. */
export function enterpriseBody(
  country: Country = 'CN',
  overrides: Record<string, unknown> = {},
): Schemas['RegisterEnterpriseDto'] {
  const t = tag();
  const cn = country === 'CN';
  const body: Schemas['RegisterEnterpriseDto'] = {
    legalName: cn ? `云南${pick(CJK, 6)}有限公司` : `پنجاب ${pick(URDU, 6)} ٹیکنالوجیز`,
    englishName: cn ? `Yunnan ${t} Technology Co., Ltd.` : `Punjab ${t} Technologies (Pvt) Ltd.`,
    country,
    region: cn ? 'CN-YN' : 'PK-PB',
    organisationType: 'company',
    sizeBand: 'medium',
    sectors: cn ? ['agriculture/seeds', 'energy/solar-pv'] : ['agriculture/irrigation'],
    website: cn ? `https://${t}.example.cn` : `https://${t}.example.pk`,
    languages: cn ? ['zh-Hans', 'en'] : ['ur', 'en'],
    contact: {
      name: cn ? '李明' : 'Ayesha Khan',
      email: `contact-${t}-${randomUUID().slice(0, 8)}@example.${cn ? 'cn' : 'pk'}`,
      phone: cn ? '+8613800138000' : '+923001234567',
    },
  };
  return { ...body, ...overrides } as Schemas['RegisterEnterpriseDto'];
}

export interface RegisteredEnterprise {
  id: string;
  apiKey: string;
  body: Schemas['RegisterEnterpriseDto'];
  response: ApiResponse<Schemas['RegisteredEnterpriseResponse']>;
}

/** Registers an enterprise through `base` (gateway URL) and fails loudly if that is not a 201. */
export async function registerEnterprise(
  base: string,
  overrides: Record<string, unknown> & { country?: Country } = {},
  o: RequestOptions = {},
): Promise<RegisteredEnterprise> {
  const body = enterpriseBody(overrides.country ?? 'CN', overrides);
  const {
    data,
    error,
    response: res,
  } = await createTechBridgeClient(base, { headers: o.headers }).POST('/v1/enterprises', { body });
  if (!data) {
    throw new Error(`registerEnterprise: expected 201, got ${res.status}: ${JSON.stringify(error)}`);
  }
  const response = { status: res.status, headers: res.headers, json: data, text: JSON.stringify(data) };
  return { id: data.id, apiKey: data.apiKey, body, response };
}
