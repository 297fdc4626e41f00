import { GatewayConfig } from './config';

export type Upstream = 'profiles' | 'catalog' | 'matching' | 'workshops';

/** Path prefixes (each also matches everything below it) → the service that owns them. */
export const ROUTE_TABLE: Record<Upstream, string[]> = {
  // Contact escrow lives with the contact details: more specific than matching's /v1/introductions/*.
  profiles: ['/v1/enterprises', '/v1/organisers', '/v1/me', '/v1/admin/principals', '/v1/introductions/:id/contacts'],
  catalog: ['/v1/offers', '/v1/needs', '/v1/taxonomy'],
  // More specific than catalog's /v1/needs/* and /v1/offers/*: the router prefers a parametric route
  // over a wildcard one, so these win without any ordering rule of our own.
  matching: ['/v1/needs/:id/matches', '/v1/offers/:id/matches', '/v1/introductions', '/v1/admin/rescore'],
  workshops: ['/v1/workshops'],
};

export function upstreamUrls(config: GatewayConfig): Record<Upstream, string> {
  return {
    profiles: config.PROFILES_URL,
    catalog: config.CATALOG_URL,
    matching: config.MATCHING_URL,
    workshops: config.WORKSHOPS_URL,
  };
}

/** `/v1/needs` → the exact path and everything below it. */
export function routesFor(prefixes: string[]): string[] {
  return prefixes.flatMap((p) => [p, `${p}/*`]);
}
