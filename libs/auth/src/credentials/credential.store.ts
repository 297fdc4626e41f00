import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PrincipalRole } from '@techbridge/contracts';
import { Principal } from '../principal';

interface CacheEntry {
  principal: Principal | null;
  expires: number;
}

/**
 * Looks up a key hash in the local credentials table. A short cache keeps the hot path off the
 * database; `invalidate()` is called after every credential event so a revocation takes effect at once.
 */
@Injectable()
export class CredentialStore {
  private readonly cache = new Map<string, CacheEntry>();
  private static readonly TTL_MS = 5000;
  private static readonly MAX_ENTRIES = 10000;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByHash(keyHash: string): Promise<Principal | null> {
    const now = Date.now();
    const hit = this.cache.get(keyHash);
    if (hit && hit.expires > now) return hit.principal;
    const rows: { key_id: string; principal_id: string; role: PrincipalRole }[] = await this.dataSource.query(
      `SELECT key_id, principal_id, role FROM credentials WHERE key_hash = $1 AND revoked_at IS NULL`,
      [keyHash],
    );
    const principal = rows[0] ? { id: rows[0].principal_id, role: rows[0].role, keyId: rows[0].key_id } : null;
    // Unknown keys are not cached: a key issued a moment ago may still be on its way.
    if (this.cache.size >= CredentialStore.MAX_ENTRIES) this.cache.clear();
    if (principal) this.cache.set(keyHash, { principal, expires: now + CredentialStore.TTL_MS });
    return principal;
  }

  invalidate(): void {
    this.cache.clear();
  }
}
