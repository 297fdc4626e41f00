import { randomUUID } from 'node:crypto';
import { createEnvelope } from './envelope';
import { EventTypes } from './event-types';
import { InvalidEventError, UnknownEventTypeError, decodeEvent, encodeEvent } from './codec';
import { CredentialSnapshotV1 } from './profiles/credential.v1';
import { EVENT_REGISTRY } from './registry';
import { TOPIC_SPECS, Topics, sourceOf } from './topics';

const credential = (): CredentialSnapshotV1 => ({
  keyId: randomUUID(),
  principalId: randomUUID(),
  role: 'enterprise',
  keyHash: 'a'.repeat(64),
  issuedAt: new Date().toISOString(),
  revokedAt: null,
});
const PROFILES = sourceOf('profiles');
const issued = (data: object = credential(), source = PROFILES, type: string = EventTypes.CredentialIssued) =>
  encodeEvent(createEnvelope({ type, source, subject: 'k', data }));

describe('event codec', () => {
  it('round-trips a valid event into its contract class', async () => {
    const env = createEnvelope({ type: EventTypes.CredentialIssued, source: PROFILES, subject: 'k', data: credential() });
    const decoded = await decodeEvent(encodeEvent(env), { topic: Topics.ProfilesCredential });
    expect(decoded.data).toBeInstanceOf(CredentialSnapshotV1);
    expect(decoded.id).toBe(env.id);
  });

  it('keeps a valid W3C trace context (tracing extension) and drops a malformed one instead of refusing the event', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const env = createEnvelope({ type: EventTypes.CredentialIssued, source: PROFILES, subject: 'k', data: credential() });
    const kept = await decodeEvent(encodeEvent({ ...env, traceparent, tracestate: 'vendor=1' }), { topic: Topics.ProfilesCredential });
    expect(kept).toMatchObject({ traceparent, tracestate: 'vendor=1' });
    for (const bad of ['01-x', '00-00000000000000000000000000000000-00f067aa0ba902b7-01', 42]) {
      const dropped = await decodeEvent(encodeEvent({ ...env, traceparent: bad as string, tracestate: 'vendor=1' }), {
        topic: Topics.ProfilesCredential,
      });
      expect(dropped.traceparent).toBeUndefined();
      expect(dropped.tracestate).toBeUndefined();
    }
  });

  it.each([
    ['not JSON', Buffer.from('{oops'), /not JSON/],
    ['empty', Buffer.alloc(0), /empty/],
    ['wrong specversion', Buffer.from(JSON.stringify({ specversion: '0.3' })), /specversion/],
  ])('rejects %s', async (_label, raw, message) => {
    await expect(decodeEvent(raw)).rejects.toThrow(message);
  });

  it('skips (does not reject) an unknown type from the topic’s own producer: a newer producer mid-deploy', async () => {
    const raw = encodeEvent(
      createEnvelope({ type: 'techbridge.catalog.offer.archived.v9', source: sourceOf('catalog'), subject: 's', data: {} }),
    );
    await expect(decodeEvent(raw, { topic: Topics.CatalogOffer })).rejects.toBeInstanceOf(UnknownEventTypeError);
  });

  it('rejects an unknown type that the topic’s producer could not have sent', async () => {
    const raw = encodeEvent(
      createEnvelope({ type: 'techbridge.catalog.offer.archived.v9', source: 'techbridge/elsewhere', subject: 's', data: {} }),
    );
    await expect(decodeEvent(raw, { topic: Topics.CatalogOffer })).rejects.toBeInstanceOf(InvalidEventError);
    const foreign = encodeEvent(createEnvelope({ type: 'techbridge.matching.x.y.v1', source: sourceOf('matching'), subject: 's', data: {} }));
    await expect(decodeEvent(foreign, { topic: Topics.CatalogOffer })).rejects.toThrow(/unknown event type/);
  });

  it('rejects a known type on another topic, and one from a source that is not its producer', async () => {
    await expect(decodeEvent(issued(), { topic: Topics.CatalogOffer })).rejects.toThrow(/belongs on profiles\.credential\.v1/);
    await expect(decodeEvent(issued(credential(), 'techbridge/catalog'), { topic: Topics.ProfilesCredential })).rejects.toThrow(
      /produced by techbridge\/profiles/,
    );
  });

  it('never accepts the admin role from an event', async () => {
    const err = await decodeEvent(issued({ ...credential(), role: 'admin' }), { topic: Topics.ProfilesCredential }).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidEventError);
    expect(err.message).toMatch(/role/);
  });

  it('caps string lengths in payloads and envelopes', async () => {
    const long = createEnvelope({
      type: EventTypes.OrganiserRegistered,
      source: PROFILES,
      subject: 's',
      data: { organiserId: randomUUID(), name: '名'.repeat(201), createdAt: new Date().toISOString() },
    });
    await expect(decodeEvent(encodeEvent(long), { topic: Topics.ProfilesOrganiser })).rejects.toThrow(/name/);
    const env = createEnvelope({ type: EventTypes.CredentialIssued, source: PROFILES, subject: 'x'.repeat(300), data: credential() });
    await expect(decodeEvent(encodeEvent(env))).rejects.toThrow(/subject/);
  });

  it('names the invalid payload field', async () => {
    const err = await decodeEvent(issued({ ...credential(), keyHash: 'short' })).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidEventError);
    expect(err.message).toMatch(/keyHash/);
  });
});

describe('event registry', () => {
  it('puts every type on a topic of topics.json, produced by that topic’s owner', () => {
    for (const [type, r] of Object.entries(EVENT_REGISTRY)) {
      const spec = TOPIC_SPECS.find((t) => t.name === r.topic);
      expect({ type, topic: spec?.name, owner: spec?.owner }).toEqual({ type, topic: r.topic, owner: r.producer });
      expect(type.startsWith(`techbridge.${r.producer}.`)).toBe(true);
    }
  });

  it('allows only snapshots on compacted topics (the last event per key is the whole state)', () => {
    const compacted = new Set(TOPIC_SPECS.filter((t) => t.compacted).map((t) => t.name));
    const offenders = Object.entries(EVENT_REGISTRY).filter(([, r]) => compacted.has(r.topic) && !r.snapshot);
    expect(offenders).toEqual([]);
  });
});
