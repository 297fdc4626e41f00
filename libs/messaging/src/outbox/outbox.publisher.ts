import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope } from '@techbridge/contracts';
import { activeTraceContext } from '../tracing/event-trace';

export const OUTBOX_CHANNEL = 'techbridge_outbox';

/** A data-modifying statement (e.g. TypeORM's `getQueryAndParameters()` of an insert), `$1…$n` numbered. */
export interface Statement {
  sql: string;
  params: unknown[];
}

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
      throw new Error(
        'OutboxPublisher.publish must run inside a transaction with the state change it announces',
      );
    }
    // One round trip for the row and the wake-up: this sits on every write request's hot path.
    const { sql, params } = outboxStatement(topic, envelope, headers, 0);
    await manager.query(`WITH row AS (${sql}) SELECT pg_notify($${params.length + 1}, '')`, [
      ...params,
      OUTBOX_CHANNEL,
    ]);
  }

  /**
   * `publish` together with the state changes it announces, in the caller's transaction, in one
   * statement (one round trip): `WITH c0 AS (<change>), c1 AS (…), row AS (<outbox insert>) SELECT
   * pg_notify(…)`. Each change is numbered `$1…$n` on its own (renumbered here, so `$` may appear in
   * it only as a placeholder). Every data-modifying CTE runs to completion and they all see the
   * statement's snapshot, not each other's rows: the changes must touch disjoint rows and not read
   * what another one writes (foreign keys are checked at the end of the statement, so a child row may
   * reference a parent row inserted beside it).
   */
  async publishWithin(
    manager: EntityManager,
    changes: Statement[],
    topic: string,
    envelope: EventEnvelope,
    headers: Record<string, string> = {},
  ): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxPublisher.publishWithin must run inside a transaction with the state change it announces');
    }
    const params: unknown[] = [];
    const ctes = changes.map((c, i) => {
      const offset = params.length;
      params.push(...c.params);
      return `c${i} AS (${c.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`;
    });
    const event = outboxStatement(topic, envelope, headers, params.length);
    params.push(...event.params, OUTBOX_CHANNEL);
    await manager.query(`WITH ${[...ctes, `row AS (${event.sql})`].join(', ')} SELECT pg_notify($${params.length}, '')`, params);
  }

  /**
   * The state change and its event in ONE statement, so in one implicit transaction and one round trip
   * (no BEGIN / COMMIT): `WITH change AS (<statement>), row AS (<outbox insert>) SELECT pg_notify(…)`.
   * Postgres runs every data-modifying CTE to completion whether or not it is referenced, and a failure
   * in either (a unique violation, say) rolls back both — the same guarantee as `publish` in a
   * transaction, for a request that changes exactly one row it has not read first (a create).
   */
  async publishWith(
    dataSource: DataSource,
    change: Statement,
    topic: string,
    envelope: EventEnvelope,
    headers: Record<string, string> = {},
  ): Promise<void> {
    const event = outboxStatement(topic, envelope, headers, change.params.length);
    const params = [...change.params, ...event.params, OUTBOX_CHANNEL];
    await dataSource.query(
      `WITH change AS (${change.sql}), row AS (${event.sql}) SELECT pg_notify($${params.length}, '')`,
      params,
    );
  }
}

/** The outbox INSERT for one event, its placeholders numbered from `$offset + 1`. */
function outboxStatement(
  topic: string,
  envelope: EventEnvelope,
  headers: Record<string, string>,
  offset: number,
): Statement {
  const traceContext = envelope.traceparent
    ? {
        traceparent: envelope.traceparent,
        ...(envelope.tracestate ? { tracestate: envelope.tracestate } : {}),
      }
    : activeTraceContext();
  const event = { ...envelope, ...traceContext };
  const allHeaders = { ...traceContext, ...headers };
  const p = (i: number) => `$${offset + i}`;
  return {
    sql: `INSERT INTO outbox_messages (id, topic, key, event_type, payload, headers) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)})`,
    params: [
      envelope.id,
      topic,
      envelope.subject,
      envelope.type,
      JSON.stringify(event),
      JSON.stringify(allHeaders),
    ],
  };
}
