import { randomUUID } from 'node:crypto';

/**
 * CloudEvents 1.0 attributes plus `dataschemaversion`. The Kafka key is always the aggregate id
 * (= `subject`), so one aggregate's events stay ordered on one partition.
 */
export interface EventEnvelope<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  dataschemaversion: number;
  data: T;
  /**
   * CloudEvents distributed-tracing extension: the W3C trace context of the change that produced the
   * event (the HTTP request, or the event a consumer was handling), so a need's path through catalog,
   * matching and workshops is one trace. Optional; a consumer ignores a malformed one.
   */
  traceparent?: string;
  tracestate?: string;
}

export interface EnvelopeInput<T> {
  type: string;
  source: string;
  subject: string;
  data: T;
  dataschemaversion?: number;
  id?: string;
  time?: Date;
}

export function createEnvelope<T>(input: EnvelopeInput<T>): EventEnvelope<T> {
  return {
    specversion: '1.0',
    id: input.id ?? randomUUID(),
    source: input.source,
    type: input.type,
    subject: input.subject,
    time: (input.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    dataschemaversion: input.dataschemaversion ?? 1,
    data: input.data,
  };
}
