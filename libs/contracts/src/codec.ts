import { plainToInstance } from 'class-transformer';
import { ValidationError, validate } from 'class-validator';
import { EventEnvelope } from './envelope';
import { EVENT_REGISTRY } from './registry';

/** Raised for a message that can never be processed: it goes straight to the dead-letter topic. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}

const ENVELOPE_STRINGS = ['id', 'source', 'type', 'subject', 'time'] as const;

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

/**
 * Parses and validates one message: JSON, CloudEvents envelope, a known type/version, and the payload
 * against its contract class. Returns the payload as an instance of that class.
 */
export async function decodeEvent(raw: Buffer | string | null): Promise<EventEnvelope<object>> {
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
  }
  const registered = EVENT_REGISTRY[parsed.type];
  if (!registered) throw new InvalidEventError(`unknown event type "${parsed.type}"`);
  if (typeof parsed.data !== 'object' || parsed.data === null) {
    throw new InvalidEventError('envelope attribute "data" must be an object');
  }
  const data = plainToInstance(registered.payload, parsed.data as object);
  const errors = await validate(data, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new InvalidEventError(`invalid ${parsed.type} payload: ${flatten(errors).join('; ')}`);
  }
  return { ...(parsed as EventEnvelope<object>), data };
}
