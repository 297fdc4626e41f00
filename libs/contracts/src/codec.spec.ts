import { randomUUID } from 'node:crypto';
import { createEnvelope } from './envelope';
import { EventTypes } from './event-types';
import { InvalidEventError, decodeEvent, encodeEvent } from './codec';
import { CredentialIssuedV1 } from './profiles/credential.v1';

const credential = (): CredentialIssuedV1 => ({
  keyId: randomUUID(),
  principalId: randomUUID(),
  role: 'enterprise',
  keyHash: 'a'.repeat(64),
  issuedAt: new Date().toISOString(),
});

describe('event codec', () => {
  it('round-trips a valid event into its contract class', async () => {
    const env = createEnvelope({ type: EventTypes.CredentialIssued, source: 'test', subject: 'k', data: credential() });
    const decoded = await decodeEvent(encodeEvent(env));
    expect(decoded.data).toBeInstanceOf(CredentialIssuedV1);
    expect(decoded.id).toBe(env.id);
  });

  it.each([
    ['not JSON', Buffer.from('{oops'), /not JSON/],
    ['empty', Buffer.alloc(0), /empty/],
    ['wrong specversion', Buffer.from(JSON.stringify({ specversion: '0.3' })), /specversion/],
  ])('rejects %s', async (_label, raw, message) => {
    await expect(decodeEvent(raw)).rejects.toThrow(message);
  });

  it('rejects an unknown event type or version', async () => {
    const env = createEnvelope({ type: 'techbridge.catalog.need.published.v9', source: 't', subject: 's', data: {} });
    await expect(decodeEvent(encodeEvent(env))).rejects.toThrow(/unknown event type/);
  });

  it('names the invalid payload field', async () => {
    const env = createEnvelope({
      type: EventTypes.CredentialIssued,
      source: 't',
      subject: 's',
      data: { ...credential(), keyHash: 'short' },
    });
    const err = await decodeEvent(encodeEvent(env)).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidEventError);
    expect(err.message).toMatch(/keyHash/);
  });
});
