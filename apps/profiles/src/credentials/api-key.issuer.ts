import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CredentialRole, CredentialSnapshotV1, EventTypes, Topics, createEnvelope, sourceOf } from '@techbridge/contracts';
import { CredentialStore, generateApiKey, hashApiKey } from '@techbridge/auth';
import { OutboxPublisher } from '@techbridge/messaging';

interface RevokedRow {
  key_id: string;
  principal_id: string;
  role: CredentialRole;
  key_hash: string;
  issued_at: Date;
  revoked_at: Date;
}

export interface IssuedKey {
  keyId: string;
  apiKey: string;
}

/**
 * Issues and revokes API keys. The key itself is returned once and never stored; the hash goes to the
 * local credentials table and, through the outbox, to every other service: each event is the whole
 * credential, keyed by key id on the compacted `profiles.credential.v1`.
 */
@Injectable()
export class ApiKeyIssuer {
  constructor(private readonly outbox: OutboxPublisher) {}

  async issue(manager: EntityManager, principalId: string, role: CredentialRole): Promise<IssuedKey> {
    const { keyId, apiKey } = generateApiKey();
    const data: CredentialSnapshotV1 = {
      keyId,
      principalId,
      role,
      keyHash: hashApiKey(apiKey),
      issuedAt: new Date().toISOString(),
      revokedAt: null,
    };
    await manager.query(
      `INSERT INTO credentials (key_id, principal_id, role, key_hash, issued_at) VALUES ($1, $2, $3, $4, $5)`,
      [data.keyId, data.principalId, data.role, data.keyHash, data.issuedAt],
    );
    await this.announce(manager, EventTypes.CredentialIssued, data);
    return { keyId: data.keyId, apiKey };
  }

  /** Revokes every live key of the principal except `keep`; returns how many were revoked. */
  async revokeAll(manager: EntityManager, principalId: string, keep?: string): Promise<number> {
    // TypeORM's Postgres driver answers an UPDATE … RETURNING with [rows, affectedCount], not rows.
    const [revoked]: [RevokedRow[], number] = await manager.query(
      `UPDATE credentials SET revoked_at = now()
        WHERE principal_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR key_id <> $2::uuid)
        RETURNING key_id, principal_id, role, key_hash, issued_at, revoked_at`,
      [principalId, keep ?? null],
    );
    for (const row of revoked) {
      // Every profiles instance drops the key from its cache when this commits; the event does the rest.
      await CredentialStore.announceChange(manager, row.key_hash);
      await this.announce(manager, EventTypes.CredentialRevoked, {
        keyId: row.key_id,
        principalId: row.principal_id,
        role: row.role,
        keyHash: row.key_hash,
        issuedAt: new Date(row.issued_at).toISOString(),
        revokedAt: new Date(row.revoked_at).toISOString(),
      });
    }
    return revoked.length;
  }

  private announce(manager: EntityManager, type: string, data: CredentialSnapshotV1): Promise<void> {
    return this.outbox.publish(
      manager,
      Topics.ProfilesCredential,
      createEnvelope({ type, source: sourceOf('profiles'), subject: data.keyId, data }),
    );
  }
}
