import { Context, ROOT_CONTEXT, context, isSpanContextValid, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, SpanExporter, SpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';

/** `OTEL_TRACES_EXPORTER`: off unless asked for (`otlp` → OTEL_EXPORTER_OTLP_* settings, `console`). */
export type TracesExporter = 'none' | 'otlp' | 'console';

let provider: TracerProvider | undefined;

/**
 * OpenTelemetry for the process: W3C trace context (`traceparent`) as the propagation format, the
 * active span kept in AsyncLocalStorage, and spans exported only when OTEL_TRACES_EXPORTER says so.
 * Spans are created either way, so trace ids reach the logs, the outbox rows and the Kafka headers
 * even with no collector. Idempotent: the first service of a process installs it.
 */
export function installTracing(service: string, env: Record<string, string | undefined> = process.env): void {
  if (provider) return;
  const exporter = createExporter((env.OTEL_TRACES_EXPORTER ?? 'none') as TracesExporter);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const spanProcessors: SpanProcessor[] = exporter ? [new BatchSpanProcessor({ exporter })] : [];
  provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? `techbridge-${service}` }),
    spanProcessors,
  });
  trace.setGlobalTracerProvider(provider);
}

/** Sends the spans still buffered (graceful shutdown). */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush().catch(() => undefined);
}

function createExporter(kind: TracesExporter): SpanExporter | undefined {
  switch (kind) {
    case 'none':
      return undefined;
    case 'console':
      return new ConsoleSpanExporter();
    case 'otlp': {
      // Loaded only when asked for: the OTLP exporter pulls in protobuf and HTTP machinery.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
      return new OTLPTraceExporter();
    }
    default:
      throw new Error(`OTEL_TRACES_EXPORTER must be none, otlp or console, not "${kind}"`);
  }
}

export const tracer = () => trace.getTracer('techbridge');

/** The context a W3C carrier (request headers, Kafka headers) continues; the root context when it carries none. */
export function contextFromCarrier(carrier: Record<string, unknown>): Context {
  return propagation.extract(ROOT_CONTEXT, carrier);
}

/** Trace and span id of the active span, for log lines; undefined outside any trace. */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.getSpan(context.active());
  const sc = span?.spanContext();
  return sc && isSpanContextValid(sc) ? { traceId: sc.traceId, spanId: sc.spanId } : undefined;
}

/** pino `mixin`: every log line written inside a trace carries its trace and span id. */
export const traceLogFields = (): { traceId?: string; spanId?: string } => activeTraceIds() ?? {};
