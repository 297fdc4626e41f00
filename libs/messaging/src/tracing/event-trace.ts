import { Context, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import { EventEnvelope } from '@techbridge/contracts';

/*
 * Trace context across Kafka, with the OpenTelemetry API only (the process installs the SDK; without
 * one these are no-ops). Producer side: the active context goes into the envelope (CloudEvents
 * distributed-tracing extension) and the Kafka headers. Consumer side: the handler runs in a consumer
 * span that continues it, so what the handler publishes continues the same trace.
 */

/** `{ traceparent, tracestate? }` of the active context; empty outside a trace. */
export function activeTraceContext(): { traceparent?: string; tracestate?: string } {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The envelope's trace context, else the message's `traceparent` header. */
export function eventParentContext(event: EventEnvelope<unknown>, headers: Record<string, unknown> | undefined): Context {
  if (event.traceparent) return propagation.extract(ROOT_CONTEXT, { traceparent: event.traceparent, tracestate: event.tracestate });
  const header = headers?.traceparent;
  return header ? propagation.extract(ROOT_CONTEXT, { traceparent: String(header) }) : ROOT_CONTEXT;
}

export interface ConsumeSpanAttributes {
  consumer: string;
  groupId: string;
  topic: string;
  partition: number;
  offset: string;
}

/** Runs `work` inside a consumer span continuing `parent`; the span records failure and always ends. */
export async function inConsumerSpan<T>(
  event: EventEnvelope<unknown>,
  parent: Context,
  a: ConsumeSpanAttributes,
  work: () => Promise<T>,
): Promise<T> {
  const span: Span = trace.getTracer('techbridge').startSpan(
    `process ${event.type}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': a.topic,
        'messaging.destination.partition.id': String(a.partition),
        'messaging.kafka.offset': Number(a.offset),
        'messaging.consumer.group.name': a.groupId,
        'messaging.message.id': event.id,
        'techbridge.consumer': a.consumer,
      },
    },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } catch (err) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: String((err as Error)?.message ?? err) });
    throw err;
  } finally {
    span.end();
  }
}

/**
 * The relay's PRODUCER span for one outbox row, a child of the context stored with the row (the request
 * or handler that wrote it), so a trace shows how long the event waited in the outbox and how long the
 * broker took to acknowledge it. End it with `endProducerSpan` once the send settled.
 */
export function startProducerSpan(topic: string, headers: Record<string, unknown> | null | undefined, eventId: string, eventType: string): Span {
  const carrier = headers?.traceparent ? { traceparent: String(headers.traceparent), ...(headers.tracestate ? { tracestate: String(headers.tracestate) } : {}) } : {};
  const parent = propagation.extract(ROOT_CONTEXT, carrier);
  return trace.getTracer('techbridge').startSpan(
    `send ${topic}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': topic,
        'messaging.message.id': eventId,
        'cloudevents.event_type': eventType,
      },
    },
    parent,
  );
}

export function endProducerSpan(span: Span, error?: unknown): void {
  if (error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: String((error as Error)?.message ?? error) });
  span.end();
}
