import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Keys are `tb_<key id>_<secret>`: the key id is a UUIDv7 (32 hex digits: its first 48 bits are the
 * millisecond it was issued), the secret 256 random bits. Only the SHA-256 of the whole key is stored or
 * published. The id lets a service look the key up by id, tell a revoked key at once, and wait briefly
 * only for a key issued a moment ago that has not reached it yet — a made-up key costs one lookup.
 * Keys issued before the id existed (`tb_<secret>`) still work; they are never waited for.
 */
const V2 = /^tb_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
const LEGACY = /^tb_[A-Za-z0-9_-]{43}$/;

export interface IssuedApiKey {
  keyId: string;
  apiKey: string;
}

/** A UUIDv7: time-ordered, so the issue time can be read back (RFC 9562). */
export function uuidV7(now = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function generateApiKey(now = Date.now()): IssuedApiKey {
  const keyId = uuidV7(now);
  return { keyId, apiKey: `tb_${keyId.replace(/-/g, '')}_${randomBytes(32).toString('base64url')}` };
}

export type ParsedApiKey = { kind: 'v2'; keyId: string; issuedAt: number } | { kind: 'legacy' } | { kind: 'malformed' };

export function parseApiKey(key: string): ParsedApiKey {
  const m = V2.exec(key);
  if (m) {
    const hex = m[1];
    const keyId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return { kind: 'v2', keyId, issuedAt: parseInt(hex.slice(0, 12), 16) };
  }
  return LEGACY.test(key) ? { kind: 'legacy' } : { kind: 'malformed' };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function constantTimeEquals(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
export function extractApiKey(headers: Record<string, string | string[] | undefined>): string | null {
  const auth = headers['authorization'];
  const value = Array.isArray(auth) ? auth[0] : auth;
  if (value) {
    const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
    if (match) return match[1];
  }
  const apiKey = headers['x-api-key'];
  const key = Array.isArray(apiKey) ? apiKey[0] : apiKey;
  return key?.trim() || null;
}
