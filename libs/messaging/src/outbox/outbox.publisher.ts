import { EntityManager } from 'typeorm';
import { EventEnvelope } from '@techbridge/contracts';
import { activeTraceContext } from '../tracing/event-trace';

export const OUTBOX_CHANNEL = 'techbridge_outbox';

/**
 * Writes an event into the outbox inside the caller's transaction. The NOTIFY is transactional too:
 * Postgres delivers it on commit (and drops it on rollback), which wakes the relay at once.
 * The active trace context (the HTTP request's, or the event being handled) travels with the event:
 * in the envelope (CloudEvents tracing extension) and as the `traceparent` Kafka header.
 */
export class OutboxPublisher {
  async publish(
    manager: EntityManager,
    topic: string,
    envelope: EventEnvelope,
    headers: Record<string, string> = {},
  ): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxPublisher.publish must run inside a transaction with the state change it announces');
    }
    const traceContext = envelope.traceparent
      ? { traceparent: envelope.traceparent, ...(envelope.tracestate ? { tracestate: envelope.tracestate } : {}) }
      : activeTraceContext();
    const event = { ...envelope, ...traceContext };
    const allHeaders = { ...traceContext, ...headers };
    // One round trip for the row and the wake-up: this sits on every write request's hot path.
    await manager.query(
      `WITH row AS (
         INSERT INTO outbox_messages (id, topic, key, event_type, payload, headers) VALUES ($1, $2, $3, $4, $5, $6)
       )
       SELECT pg_notify($7, '')`,
      [envelope.id, topic, envelope.subject, envelope.type, JSON.stringify(event), JSON.stringify(allHeaders), OUTBOX_CHANNEL],
    );
  }
}
