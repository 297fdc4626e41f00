import { isDeepStrictEqual } from 'node:util';
import { ROUTE_TABLE, Upstream } from '../routes';

/*
 * The public API is what the gateway routes, so the one OpenAPI document of the public API is the
 * services' documents cut down to the paths the route table sends to them and merged. Pure functions:
 * `npm run client:generate` runs them on the services' documents (libs/client/src/openapi.json, from
 * which the typed client is generated), and tests run them on what the running services serve.
 */

/** The parts of an OpenAPI 3 document this merge reads and writes (the rest is carried as is). */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, any>>;
  components?: { schemas?: Record<string, any>; securitySchemes?: Record<string, any>; [k: string]: any };
  tags?: { name: string; description?: string }[];
  servers?: { url: string; description?: string }[];
  [k: string]: unknown;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export const PUBLIC_API_INFO = {
  title: 'TechBridge public API',
  version: '1',
  description: [
    'China–Pakistan technology-transfer matchmaking: enterprises, technology offers and needs, explained matches,',
    'matchmaking workshops and their reports — everything the gateway routes, in one document.',
    '',
    'Authentication: `Authorization: Bearer <key>` or `X-API-Key: <key>` (keys are issued by `POST /v1/enterprises`',
    'and `POST /v1/organisers`). Operations whose security lists `{}` work without a key (a key, if sent, still identifies the caller).',
    'Errors are RFC 9457 `application/problem+json` bodies with `errors[] {field, message}`;',
    'lists are `{ items, nextCursor }`. Text fields take English (`en`), Simplified Chinese (`zh-Hans`) or Urdu (`ur`):',
    'the request bodies carry one example per language.',
  ].join('\n'),
};

/** One segment of a route-table prefix: a literal, or `:param` (any one segment). */
function segments(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * Which service the gateway sends an OpenAPI path (`/v1/needs/{id}/matches`) to, or null when it
 * routes it nowhere (health, metrics, admin replay: those stay on each service's own port). Mirrors
 * the gateway's router: each prefix covers itself and everything below it, and the longest prefix
 * that matches wins (a parametric route beats a wildcard one, as find-my-way does).
 */
export function routeOwner(path: string, table: Record<Upstream, string[]> = ROUTE_TABLE): Upstream | null {
  let best: { owner: Upstream; length: number } | null = null;
  for (const [owner, prefixes] of Object.entries(table) as [Upstream, string[]][]) {
    for (const prefix of prefixes) {
      const length = segments(prefix).length;
      if (underPrefix(path, prefix) && (!best || length > best.length)) best = { owner, length };
    }
  }
  return best?.owner ?? null;
}

/** `/v1/needs/{id}/matches` is under `/v1/needs` and under `/v1/needs/:id/matches`. */
function underPrefix(path: string, prefix: string): boolean {
  const parts = segments(path);
  const want = segments(prefix);
  return want.length <= parts.length && want.every((w, i) => w.startsWith(':') || w === parts[i]);
}

function collectRefs(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, into);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/'))
        into.add(v.slice('#/components/schemas/'.length));
      else collectRefs(v, into);
    }
  }
}

function renameRefs<T>(node: T, rename: Map<string, string>): T {
  if (Array.isArray(node)) return node.map((n) => renameRefs(n, rename)) as T;
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
        const name = v.slice('#/components/schemas/'.length);
        out[k] = `#/components/schemas/${rename.get(name) ?? name}`;
      } else out[k] = renameRefs(v, rename);
    }
    return out as T;
  }
  return node;
}

/** The schemas `roots` refer to, directly or through other schemas. */
function reachableSchemas(roots: unknown, schemas: Record<string, any>, service: string): Set<string> {
  const seen = new Set<string>();
  const queue = new Set<string>();
  collectRefs(roots, queue);
  while (queue.size > 0) {
    const [name] = queue;
    queue.delete(name);
    if (seen.has(name)) continue;
    if (!(name in schemas))
      throw new Error(`${service}'s OpenAPI document refers to a schema it does not define: ${name}`);
    seen.add(name);
    const next = new Set<string>();
    collectRefs(schemas[name], next);
    for (const n of next) if (!seen.has(n)) queue.add(n);
  }
  return seen;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface MergeResult {
  document: OpenApiDocument;
  /** Route-table prefixes no service documents an operation under (routed, but nothing answers). */
  undocumentedPrefixes: string[];
  /** Schemas that two services define differently, renamed `<Service><Name>` in the merged document. */
  renamedSchemas: string[];
}

/**
 * Merges the services' documents into the public API's: only the paths the route table sends to the
 * service that documents them, only the schemas those paths reach. Two services defining one schema
 * name differently get it prefixed with their service name (`CatalogMoneyRangeDto`); a path or an
 * operation id claimed twice fails loudly.
 */
export function mergePublicApi(
  documents: Record<Upstream, OpenApiDocument>,
  table: Record<Upstream, string[]> = ROUTE_TABLE,
): MergeResult {
  const services = (Object.keys(documents) as Upstream[]).sort();
  const kept: Record<
    string,
    { paths: Record<string, any>; schemas: Record<string, any>; names: Set<string> }
  > = {};
  for (const service of services) {
    const doc = documents[service];
    const paths: Record<string, any> = {};
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      if (routeOwner(path, table) === service) paths[path] = item;
    }
    const schemas = doc.components?.schemas ?? {};
    kept[service] = { paths, schemas, names: reachableSchemas(paths, schemas, service) };
  }

  // Schema names defined differently by two services.
  const definitions = new Map<string, { service: Upstream; schema: unknown }[]>();
  for (const service of services) {
    for (const name of kept[service].names) {
      const list = definitions.get(name) ?? [];
      list.push({ service, schema: kept[service].schemas[name] });
      definitions.set(name, list);
    }
  }
  const conflicting = new Set(
    [...definitions]
      .filter(([, defs]) => defs.some((d) => !isDeepStrictEqual(d.schema, defs[0].schema)))
      .map(([n]) => n),
  );

  const paths: Record<string, any> = {};
  const schemas: Record<string, any> = {};
  const operationIds = new Map<string, string>();
  const tags = new Map<string, { name: string; description?: string }>();
  for (const service of services) {
    const rename = new Map(
      [...kept[service].names]
        .filter((n) => conflicting.has(n))
        .map((n) => [n, `${capitalise(service)}${n}`] as const),
    );
    for (const [path, item] of Object.entries(kept[service].paths)) {
      if (paths[path]) throw new Error(`OpenAPI path ${path} is documented by two services`);
      paths[path] = renameRefs(item, rename);
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (!op) continue;
        const id = op.operationId as string | undefined;
        if (id) {
          const other = operationIds.get(id);
          if (other)
            throw new Error(`operationId ${id} is used by ${other} and by ${method.toUpperCase()} ${path}`);
          operationIds.set(id, `${method.toUpperCase()} ${path}`);
        }
        for (const tag of (op.tags ?? []) as string[]) if (!tags.has(tag)) tags.set(tag, { name: tag });
      }
    }
    for (const name of kept[service].names) {
      const target = rename.get(name) ?? name;
      schemas[target] = renameRefs(kept[service].schemas[name], rename);
    }
    for (const tag of documents[service].tags ?? []) tags.set(tag.name, tag);
  }

  const sortedKeys = <T>(o: Record<string, T>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const documented = Object.keys(paths);
  const undocumentedPrefixes = Object.values(table)
    .flat()
    .filter((prefix) => !documented.some((p) => underPrefix(p, prefix)));

  const document: OpenApiDocument = {
    openapi: documents[services[0]]?.openapi ?? '3.0.0',
    info: PUBLIC_API_INFO,
    servers: [{ url: '/', description: 'the gateway serving this document' }],
    tags: [...tags.values()].sort((a, b) => (a.name < b.name ? -1 : 1)),
    paths: sortedKeys(paths),
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'API key as a bearer token: `Authorization: Bearer tb_…`',
        },
        'api-key': { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'API key in a header' },
      },
      schemas: sortedKeys(schemas),
    },
  };
  return { document, undocumentedPrefixes, renamedSchemas: [...conflicting].sort() };
}
