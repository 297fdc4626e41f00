import { Span, SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LATENCY_BUCKETS, ServiceMetrics } from './service-metrics';
import { contextFromCarrier, tracer } from './tracing';

const SPAN = Symbol('techbridge.span');
type TracedRequest = FastifyRequest & { [SPAN]?: Span };

/** Route template (`/v1/needs/:id`), never the raw URL: ids would explode the label cardinality. */
const routeOf = (request: FastifyRequest) => request.routeOptions?.url ?? 'unmatched';

/**
 * Per request: a server span continuing the caller's `traceparent` (the gateway always sends one),
 * active for everything the request does — the log lines, the outbox rows it writes — and the
 * request counted in the latency histogram by route and status.
 */
export function registerHttpObservability(fastify: FastifyInstance, metrics: ServiceMetrics | undefined): void {
  const duration = metrics?.histogram({
    name: 'techbridge_http_request_duration_seconds',
    help: 'HTTP request latency by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
  });
  const total = metrics?.counter({
    name: 'techbridge_http_requests_total',
    help: 'HTTP requests answered, by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
  });

  fastify.addHook('onRequest', (request: TracedRequest, _reply: FastifyReply, done: () => void) => {
    const parent = contextFromCarrier(request.headers);
    const span = tracer().startSpan(
      `${request.method} ${routeOf(request)}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.path': request.url.split('?')[0] } },
      parent,
    );
    request[SPAN] = span;
    // The rest of the request's lifecycle runs inside this context (AsyncLocalStorage).
    context.with(trace.setSpan(parent, span), done);
  });

  fastify.addHook('onResponse', (request: TracedRequest, reply: FastifyReply, done: () => void) => {
    const labels = { method: request.method, route: routeOf(request), status: String(reply.statusCode) };
    duration?.observe(labels, reply.elapsedTime / 1000);
    total?.inc(labels);
    const span = request[SPAN];
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    done();
  });
}
