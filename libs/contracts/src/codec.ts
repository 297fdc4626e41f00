import { plainToInstance } from 'class-transformer';
import { ValidationError, validate } from 'class-validator';
import { EventEnvelope } from './envelope';
import { producerNamedIn } from './event-types';
import { EVENT_REGISTRY } from './registry';
import { sourceOf, topicSpec } from './topics';

/** Raised for a message that can never be processed: it goes straight to the dead-letter topic. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}

/**
 * A well-formed event of a type this build does not know, from the topic's own producer: a newer
 * producer during a rolling deploy. Consumers skip and count it; it is not an error of the message.
 */
export class UnknownEventTypeError extends Error {
  override readonly name = 'UnknownEventTypeError';
  constructor(readonly type: string) {
    super(`unknown event type "${type}" (a newer producer?): skipped`);
  }
}

const ENVELOPE_STRINGS = ['id', 'source', 'type', 'subject', 'time'] as const;
/** Longest envelope attribute we accept: ids, subjects and type names are far shorter. */
const MAX_ATTRIBUTE_LENGTH = 256;
/** W3C trace context, version 00 (https://www.w3.org/TR/trace-context/#traceparent-header). */
const TRACEPARENT = /^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => `${path}: ${m}`);
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

export function encodeEvent(envelope: EventEnvelope): Buffer {
  return Buffer.from(JSON.stringify(envelope));
}

export interface DecodeOptions {
  /**
   * The topic the message was read from. When given, the registry is enforced: the type must belong
   * on this topic and come from the topic's producer.
   */
  topic?: string;
}

/**
 * Parses and validates one message: JSON, CloudEvents envelope, a registered type (on its own topic,
 * from its own producer), and the payload against its contract class. Returns the payload as an
 * instance of that class. Throws InvalidEventError (dead-letter it) or UnknownEventTypeError (skip it).
 */
export async function decodeEvent(raw: Buffer | string | null, options: DecodeOptions = {}): Promise<EventEnvelope<object>> {
  if (raw === null || raw.length === 0) throw new InvalidEventError('empty message value');
  let parsed: any;
  try {
    parsed = JSON.parse(raw.toString());
  } catch (err) {
    throw new InvalidEventError(`value is not JSON: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidEventError('value is not a JSON object');
  }
  if (parsed.specversion !== '1.0') throw new InvalidEventError('specversion must be "1.0"');
  for (const attr of ENVELOPE_STRINGS) {
    if (typeof parsed[attr] !== 'string' || parsed[attr].length === 0) {
      throw new InvalidEventError(`envelope attribute "${attr}" is missing`);
    }
    if (parsed[attr].length > MAX_ATTRIBUTE_LENGTH) {
      throw new InvalidEventError(`envelope attribute "${attr}" is longer than ${MAX_ATTRIBUTE_LENGTH} characters`);
    }
  }
  if (!UUID.test(parsed.id)) throw new InvalidEventError('envelope attribute "id" must be a UUID');

  const { topic } = options;
  const registered = EVENT_REGISTRY[parsed.type];
  if (!registered) {
    // A newer producer of this very topic may add types before we know them: skip, do not dead-letter.
    const owner = topic ? topicSpec(topic)?.owner : undefined;
    if (owner && producerNamedIn(parsed.type) === owner && parsed.source === sourceOf(owner)) {
      throw new UnknownEventTypeError(parsed.type);
    }
    throw new InvalidEventError(`unknown event type "${parsed.type}"${topic ? ` on ${topic}` : ''}`);
  }
  if (topic && registered.topic !== topic) {
    throw new InvalidEventError(`event type "${parsed.type}" belongs on ${registered.topic}, not on ${topic}`);
  }
  if (parsed.source !== sourceOf(registered.producer)) {
    throw new InvalidEventError(
      `event type "${parsed.type}" is produced by ${sourceOf(registered.producer)}, not by "${parsed.source}"`,
    );
  }
  if (typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data)) {
    throw new InvalidEventError('envelope attribute "data" must be an object');
  }
  const data = plainToInstance(registered.payload, parsed.data as object);
  const errors = await validate(data, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new InvalidEventError(`invalid ${parsed.type} payload: ${flatten(errors).join('; ')}`);
  }
  const envelope: EventEnvelope<object> = { ...(parsed as EventEnvelope<object>), data };
  // Tracing is best effort: a malformed trace context is dropped, never a reason to refuse the event.
  if (envelope.traceparent !== undefined && !TRACEPARENT.test(String(envelope.traceparent))) delete envelope.traceparent;
  if (envelope.tracestate !== undefined && (typeof envelope.tracestate !== 'string' || envelope.tracestate.length > 512 || !envelope.traceparent)) {
    delete envelope.tracestate;
  }
  return envelope;
}
