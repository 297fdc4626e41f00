/**
 * Broker answers that no retry can change: the same request will fail again. Everything else
 * (connection refused, timeouts, leader elections) is an outage to wait out.
 */
const PERMANENT_PROTOCOL_ERRORS = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'CORRUPT_MESSAGE',
  'INVALID_TOPIC_EXCEPTION',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'TOPIC_AUTHORIZATION_FAILED',
  'POLICY_VIOLATION',
  'UNSUPPORTED_COMPRESSION_TYPE',
]);

interface KafkaJsError {
  name?: string;
  type?: string;
  message?: string;
  retriable?: boolean;
  cause?: KafkaJsError;
}

function protocolType(err: unknown): string | undefined {
  let e = err as KafkaJsError | undefined;
  // KafkaJSNumberOfRetriesExceeded wraps the broker's answer in `cause`.
  for (let depth = 0; e && depth < 5; depth++, e = e.cause) {
    if (e.type) return e.type;
  }
  return undefined;
}

export function isPermanentProducerError(err: unknown): boolean {
  const type = protocolType(err);
  return type !== undefined && PERMANENT_PROTOCOL_ERRORS.has(type);
}

export function producerErrorText(err: unknown): string {
  const type = protocolType(err);
  const message = (err as KafkaJsError)?.message ?? String(err);
  return type && !message.includes(type) ? `${type}: ${message}` : message;
}

/**
 * Answers that mean the broker and this idempotent producer no longer agree on its sequence numbers
 * (the broker lost or expired the producer's state, e.g. after an unclean restart). kafkajs' producer
 * never recovers from them by itself (tulios/kafkajs#598): the only way on is a new producer session.
 */
const PRODUCER_SESSION_ERRORS = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH', 'INVALID_PRODUCER_ID_MAPPING']);

export function isProducerSessionError(err: unknown): boolean {
  const type = protocolType(err);
  return type !== undefined && PRODUCER_SESSION_ERRORS.has(type);
}
