import { assertCanReadPrivate, assertOwnerOrAdmin, isOwnerOrAdmin } from './ownership';
import { ADMIN_PRINCIPAL_ID, Principal } from './principal';
import { extractApiKey, generateApiKey, hashApiKey, parseApiKey } from './credentials/api-key';

const owner: Principal = { id: 'a1', role: 'enterprise', keyId: 'k1' };
const other: Principal = { id: 'b2', role: 'enterprise', keyId: 'k2' };
const admin: Principal = { id: ADMIN_PRINCIPAL_ID, role: 'admin', keyId: null };
const organiser: Principal = { id: 'o3', role: 'organiser', keyId: 'k3' };

describe('ownership rule', () => {
  it('lets the owner and admins through', () => {
    expect(isOwnerOrAdmin(owner, 'a1')).toBe(true);
    expect(isOwnerOrAdmin(admin, 'a1')).toBe(true);
  });

  it('answers another enterprise, an organiser and an anonymous caller with 404, not 403', () => {
    for (const p of [other, organiser, null]) {
      let status: number | undefined;
      try {
        assertOwnerOrAdmin(p, 'a1', 'Need x');
      } catch (e: any) {
        status = e.getStatus();
      }
      expect(status).toBe(404);
    }
  });

  it('lets organisers read where allowed', () => {
    expect(() => assertCanReadPrivate(organiser, 'a1', 'x', true)).not.toThrow();
    expect(() => assertCanReadPrivate(organiser, 'a1', 'x', false)).toThrow();
  });
});

describe('api keys', () => {
  it('are random, carry their id and issue time, are hashed to 64 hex chars, and read from either header', () => {
    const issuedAt = Date.UTC(2026, 11, 2, 9, 30);
    const { keyId, apiKey: key } = generateApiKey(issuedAt);
    expect(key).toMatch(/^tb_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(key)).toEqual({ kind: 'v2', keyId, issuedAt });
    expect(keyId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(generateApiKey(issuedAt).apiKey).not.toBe(key);
    expect(parseApiKey(`tb_${'a'.repeat(43)}`)).toEqual({ kind: 'legacy' });
    expect(parseApiKey('tb_nope')).toEqual({ kind: 'malformed' });
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(extractApiKey({ authorization: `Bearer ${key}` })).toBe(key);
    expect(extractApiKey({ 'x-api-key': key })).toBe(key);
    expect(extractApiKey({ authorization: 'Basic abc' })).toBeNull();
  });
});
