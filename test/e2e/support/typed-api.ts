import { TechBridgeClient, createTechBridgeClient } from '@techbridge/client';

/*
 * The e2e tests call the gateway through the typed client generated from the public API document
 * (libs/client): a path, parameter or body field the document does not have fails to compile, so the
 * document, the client and the services cannot drift apart unnoticed.
 */

/** What the assertions read: status, headers, and the body (the data on 2xx, the problem otherwise). */
export interface TypedResponse<T> {
  status: number;
  headers: Headers;
  /** Typed as the documented success body; on an error status it holds the RFC 9457 problem. */
  json: T;
  /** The RFC 9457 problem on an error status. */
  problem?: Problem;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/** Awaits a typed call (`client.POST(…)`) and returns `{ status, headers, json }`. */
export async function typed<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<TypedResponse<T>> {
  const { data, error, response } = await call;
  return {
    status: response.status,
    headers: response.headers,
    json: (data ?? error ?? null) as T,
    problem: error as Problem | undefined,
  };
}

/** `as(key)` → a client that sends that key (none: anonymous). */
export function clientsFor(gatewayUrl: string): (apiKey?: string) => TechBridgeClient {
  return (apiKey?: string) => createTechBridgeClient(gatewayUrl, { apiKey });
}
