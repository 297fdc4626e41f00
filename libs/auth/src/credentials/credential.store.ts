import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PrincipalRole } from '@techbridge/contracts';
import { Principal } from '../principal';

/** Postgres channel on which a credential change is announced to every instance sharing the database. */
export const CREDENTIALS_CHANNEL = 'techbridge_credentials';

export type KeyLookup = { found: 'live'; principal: Principal } | { found: 'revoked' } | { found: 'none' };

interface CacheEntry {
  lookup: KeyLookup;
  expires: number;
}

/**
 * Looks keys up in the local `credentials` table. A short cache keeps the hot path off the database.
 * Revocation reaches every instance of the service at once: whoever changes a credential row sends
 * NOTIFY on CREDENTIALS_CHANNEL in the same transaction, and every instance LISTENs and drops the key
 * from its cache on commit. If the LISTEN connection is down, the cache's 1 s lifetime is the bound.
 * Unknown keys are not cached (a key issued a moment ago may still be on its way).
 */
@Injectable()
export class CredentialStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Credentials');
  private readonly cache = new Map<string, CacheEntry>();
  private static readonly TTL_MS = 1000;
  private static readonly MAX_ENTRIES = 10000;
  private listener?: Client;
  private stopped = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Announces a change of one credential to every instance (call inside the changing transaction). */
  static async announceChange(manager: EntityManager, keyHash: string): Promise<void> {
    await manager.query(`SELECT pg_notify($1, $2)`, [CREDENTIALS_CHANNEL, keyHash]);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.listener?.end().catch(() => undefined);
  }

  /** By hash (legacy keys, and the check of a v2 key's secret). */
  async findByHash(keyHash: string): Promise<Principal | null> {
    const lookup = await this.lookup(keyHash, `WHERE key_hash = $1`, [keyHash]);
    return lookup.found === 'live' ? lookup.principal : null;
  }

  /** By key id and hash: tells a revoked key from an unknown one, so a revoked key is refused at once. */
  async findByKey(keyId: string, keyHash: string): Promise<KeyLookup> {
    return this.lookup(keyHash, `WHERE key_id = $2 AND key_hash = $1`, [keyHash, keyId]);
  }

  invalidate(keyHash?: string): void {
    if (keyHash) this.cache.delete(keyHash);
    else this.cache.clear();
  }

  private async lookup(keyHash: string, where: string, params: unknown[]): Promise<KeyLookup> {
    const now = Date.now();
    const hit = this.cache.get(keyHash);
    if (hit && hit.expires > now) return hit.lookup;
    const rows: { key_id: string; principal_id: string; role: PrincipalRole; revoked_at: Date | null }[] = await this.dataSource.query(
      `SELECT key_id, principal_id, role, revoked_at FROM credentials ${where}`,
      params,
    );
    const row = rows[0];
    const lookup: KeyLookup = !row
      ? { found: 'none' }
      : row.revoked_at
        ? { found: 'revoked' }
        : { found: 'live', principal: { id: row.principal_id, role: row.role, keyId: row.key_id } };
    if (lookup.found !== 'none') {
      if (this.cache.size >= CredentialStore.MAX_ENTRIES) this.cache.clear();
      this.cache.set(keyHash, { lookup, expires: now + CredentialStore.TTL_MS });
    }
    return lookup;
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const options = this.dataSource.options as { url?: string };
    if (!options.url) return;
    const client = new Client({ connectionString: options.url });
    client.on('notification', (n) => this.invalidate(n.payload || undefined));
    client.on('error', (err) => {
      this.logger.warn(`LISTEN ${CREDENTIALS_CHANNEL} lost (${err.message}); cached keys expire within 1 s meanwhile`);
      this.listener = undefined;
      client.end().catch(() => undefined);
      this.cache.clear();
      if (!this.stopped) setTimeout(() => void this.listen(), 1000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CREDENTIALS_CHANNEL}`);
      this.listener = client;
    } catch {
      await client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), 1000).unref();
    }
  }
}
