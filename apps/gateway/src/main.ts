import helmet from '@fastify/helmet';
import httpProxy from '@fastify/http-proxy';
import { randomBytes, randomUUID } from 'node:crypto';
import { Socket } from 'node:net';
import { Readable, Transform } from 'node:stream';
import Fastify, { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConfigError, PROBLEM_TYPE_BASE, problemClientErrorHandler } from '@techbridge/platform';
import { GatewayConfig, loadGatewayConfig } from './config';
import { registerApiDocs } from './openapi/api-docs.routes';
import { ROUTE_TABLE, Upstream, routesFor, upstreamUrls } from './routes';

/*
 * Plain Fastify, not a Nest app: the gateway has no controllers, no DI graph, no database, no guards —
 * only routing, header hygiene and error mapping. Nest would add a second router and an extra layer
 * on the hot path of every request (the brief wants ≥ 50 % of a bare Nest endpoint's throughput
 * through the gateway) without giving us anything we use. createGatewayApp() still mirrors the
 * services' create<Name>App(config) so the e2e harness and `npm start` treat it the same way.
 */

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** W3C trace context, version 00; an all-zero trace or parent id is invalid. */
const TRACEPARENT = /^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;
const TRACE_CONTEXT = Symbol('techbridge.traceparent');

/**
 * Every request leaves the gateway with a W3C `traceparent`: the caller's when it sent a valid one,
 * else a new trace (sampled). The services continue it into their outbox rows and Kafka headers.
 */
function traceContextOf(req: FastifyRequest): string {
  const r = req as FastifyRequest & { [TRACE_CONTEXT]?: string };
  if (!r[TRACE_CONTEXT]) {
    const given = req.headers.traceparent;
    r[TRACE_CONTEXT] =
      typeof given === 'string' && TRACEPARENT.test(given) ? given : `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
  }
  return r[TRACE_CONTEXT];
}

function problem(reply: FastifyReply, status: number, title: string, detail: string, instance: string, headers: Record<string, string> = {}) {
  for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  return reply
    .code(status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify({ type: `${PROBLEM_TYPE_BASE}${status === 404 ? 'not-found' : `http-${status}`}`, title, status, detail, instance }));
}

function tooLarge(reply: FastifyReply, instance: string, limit: number) {
  return reply
    .code(413)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(
      JSON.stringify({
        type: `${PROBLEM_TYPE_BASE}http-413`,
        title: 'Payload too large',
        status: 413,
        detail: `The request body is larger than ${limit} bytes.`,
        instance,
        errors: [{ field: 'body', message: `larger than ${limit} bytes` }],
      }),
    );
}

/** Passes a body stream on, failing it with 413 once it has carried more than `limit` bytes. */
function limitStream(payload: Readable, limit: number): Readable {
  let seen = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > limit) done(Object.assign(new Error(`body larger than ${limit} bytes`), { statusCode: 413 }));
      else done(null, chunk);
    },
  });
  payload.on('error', (err) => counted.destroy(err));
  return payload.pipe(counted);
}

/** Closes connections beyond `max` open ones from one client address (the socket peer). */
function limitConnectionsPerClient(app: FastifyInstance, max: number): void {
  const open = new Map<string, number>();
  app.server.on('connection', (socket: Socket) => {
    const peer = socket.remoteAddress ?? 'unknown';
    const n = (open.get(peer) ?? 0) + 1;
    if (n > max) {
      socket.destroy();
      return;
    }
    open.set(peer, n);
    socket.once('close', () => {
      const left = (open.get(peer) ?? 1) - 1;
      if (left <= 0) open.delete(peer);
      else open.set(peer, left);
    });
  });
}

export async function createGatewayApp(config: GatewayConfig): Promise<FastifyInstance> {
  const trusted = config.TRUST_PROXY.split(',').map((x) => x.trim()).filter(Boolean);
  const app = Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers["x-api-key"]'] },
    // The gateway is the edge: the socket peer is the client, unless it is a configured load balancer.
    // Never believe X-Forwarded-For from anyone else.
    trustProxy: trusted.length > 0 ? trusted : false,
    // Slowloris: headers and body must arrive in time; idle keep-alive sockets are closed.
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    connectionTimeout: config.REQUEST_TIMEOUT_MS,
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Keep a caller's correlation id when it is a sane token, else mint one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    keepAliveTimeout: 65_000,
    // A URL or headers over Node's limit (431), malformed HTTP (400): problem+json like every other 4xx.
    clientErrorHandler: problemClientErrorHandler,
  });

  await app.register(helmet, { contentSecurityPolicy: false, global: true });
  limitConnectionsPerClient(app, config.MAX_CONNECTIONS_PER_CLIENT);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    req.log = req.log.child({ traceId: traceContextOf(req).slice(3, 35) });
    // The body limit is enforced here, before anything reaches a service: a service that answers 413
    // and closes while the body is still streaming would otherwise turn into a 503 (EPIPE) here.
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > config.BODY_LIMIT_BYTES) {
      reply.header('connection', 'close');
      return tooLarge(reply, req.url, config.BODY_LIMIT_BYTES);
    }
  });
  // Chunked bodies (no Content-Length) are counted as they stream.
  app.addHook('preParsing', async (req, _reply, payload) => limitStream(payload, config.BODY_LIMIT_BYTES));

  const urls = upstreamUrls(config);
  const rewriteRequestHeaders = (req: FastifyRequest, headers: Record<string, any>) => {
    // Overwrite, never append: a client-supplied X-Forwarded-For would let it pick its own rate-limit key.
    headers['x-forwarded-for'] = req.ip;
    headers['x-forwarded-proto'] = req.protocol;
    headers['x-forwarded-host'] = req.headers.host ?? '';
    headers['x-request-id'] = req.id;
    headers.traceparent = traceContextOf(req);
    if (headers.traceparent !== req.headers.traceparent) delete headers.tracestate;
    delete headers.forwarded;
    delete headers['x-real-ip'];
    return headers;
  };
  const onError = (reply: FastifyReply, { error }: { error: Error & { statusCode?: number } }) => {
    const instance = reply.request.url;
    if (error.statusCode === 413) return tooLarge(reply, instance, config.BODY_LIMIT_BYTES);
    if (error.statusCode === 504) {
      return problem(reply, 504, 'Gateway timeout', 'The service behind this path did not answer in time.', instance);
    }
    reply.request.log.warn({ err: error }, 'upstream unavailable');
    return problem(reply, 503, 'Service unavailable', 'The service behind this path is unavailable; retry after the indicated delay.', instance, {
      'retry-after': '5',
    });
  };

  for (const [name, prefixes] of Object.entries(ROUTE_TABLE) as [Upstream, string[]][]) {
    await app.register(httpProxy, {
      upstream: urls[name],
      routes: routesFor(prefixes),
      // Full path is forwarded as is (no prefix stripping): the services mount /v1/... themselves.
      rewritePrefix: '',
      http2: false,
      undici: {
        connections: config.UPSTREAM_CONNECTIONS,
        pipelining: 1,
        keepAliveTimeout: 60_000,
        keepAliveMaxTimeout: 600_000,
        connectTimeout: 2_000,
        headersTimeout: config.UPSTREAM_TIMEOUT_MS,
        bodyTimeout: config.UPSTREAM_TIMEOUT_MS,
      },
      disableRequestLogging: true,
      replyOptions: {
        rewriteRequestHeaders,
        onError,
        // No automatic retries: a service's own 503 + Retry-After goes straight to the client, and a
        // POST is never sent twice by us.
        retryDelay: () => null,
      },
    } as any);
  }

  await registerApiDocs(app);
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/ready', async (_req, reply) => {
    const checks = await Promise.all(
      (Object.entries(urls) as [Upstream, string][]).map(async ([name, base]) => {
        try {
          const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(1500) });
          await res.body?.cancel();
          return [name, res.status === 200 ? 'up' : `down (HTTP ${res.status})`] as const;
        } catch (err) {
          const cause = (err as { cause?: { code?: string } }).cause;
          return [name, `down (${cause?.code ?? (err as Error).message})`] as const;
        }
      }),
    );
    const upstreams = Object.fromEntries(checks);
    const ok = checks.every(([, s]) => s === 'up');
    if (!ok) reply.code(503).header('retry-after', '5');
    return { status: ok ? 'ok' : 'degraded', upstreams };
  });

  app.setNotFoundHandler((req, reply) =>
    problem(reply, 404, 'Not found', `No service answers ${req.method} ${req.url.split('?')[0]}.`, req.url),
  );
  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    if (err.statusCode === 413) return tooLarge(reply, req.url, config.BODY_LIMIT_BYTES);
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'gateway error');
    return problem(reply, status, status === 500 ? 'Internal error' : 'Bad request', status === 500 ? 'Unexpected gateway error.' : err.message, req.url);
  });
  return app;
}

export function runGateway(): void {
  const start = async () => {
    const config = loadGatewayConfig();
    const app = await createGatewayApp(config);
    const stop = async (signal: string) => {
      app.log.info(`${signal}: closing`);
      await app.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
    try {
      await app.listen({ port: config.PORT, host: config.HOST });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new ConfigError(`port ${config.PORT} is already in use: stop whatever holds it or set PORT to a free one`);
      }
      throw err;
    }
    console.log(`gateway: listening on http://127.0.0.1:${config.PORT} (health at /health, /health/ready)`);
  };
  start().catch((err) => {
    console.error(`gateway: cannot start — ${err instanceof ConfigError ? err.message : ((err as Error)?.stack ?? err)}`);
    process.exit(1);
  });
}

if (require.main === module) {
  runGateway();
}
