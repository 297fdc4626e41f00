import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './generated/openapi-types';

/** The typed TechBridge API: every path, parameter and body of the gateway's OpenAPI document. */
export type TechBridgeClient = Client<paths>;

/** The document's schemas by name: `Schemas['CreateNeedDto']`, `Schemas['OfferResponse']` … */
export type Schemas = components['schemas'];
export type { components, operations, paths };

export interface TechBridgeClientOptions {
  /** Sent as `Authorization: Bearer <key>` on every request (a per-request header overrides it). */
  apiKey?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** A fetch implementation (default: the global one). */
  fetch?: typeof fetch;
}

/**
 * A client for the public API behind the gateway (`http://127.0.0.1:3000` under `npm start`),
 * generated from libs/client/src/openapi.json: a path, a parameter or a body field that is not in the
 * document does not compile. Calls answer `{ data, error, response }` (openapi-fetch): `data` on 2xx,
 * `error` (the RFC 9457 problem) otherwise.
 *
 * ```ts
 * const api = createTechBridgeClient('http://127.0.0.1:3000', { apiKey });
 * const { data, error } = await api.POST('/v1/needs', { params: { query: { publish: true } }, body: need });
 * ```
 */
export function createTechBridgeClient(baseUrl: string, o: TechBridgeClientOptions = {}): TechBridgeClient {
  const client = createClient<paths>({
    baseUrl: baseUrl.replace(/\/+$/, ''),
    headers: o.headers,
    fetch: o.fetch,
  });
  if (o.apiKey) client.use(bearer(o.apiKey));
  return client;
}

function bearer(apiKey: string): Middleware {
  return {
    onRequest({ request }) {
      if (!request.headers.has('authorization') && !request.headers.has('x-api-key'))
        request.headers.set('authorization', `Bearer ${apiKey}`);
      return request;
    },
  };
}
