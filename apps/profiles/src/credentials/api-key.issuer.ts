import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CredentialIssuedV1, CredentialRevokedV1, EventTypes, PrincipalRole, Topics, createEnvelope } from '@techbridge/contracts';
import { generateApiKey, hashApiKey } from '@techbridge/auth';
import { OutboxPublisher } from '@techbridge/messaging';

export interface IssuedKey {
  keyId: string;
  apiKey: string;
}

/**
 * Issues and revokes API keys. The key itself is returned once and never stored; the hash goes to the
 * local credentials table and, through the outbox, to every other service.
 */
@Injectable()
export class ApiKeyIssuer {
  constructor(private readonly outbox: OutboxPublisher) {}

  async issue(manager: EntityManager, principalId: string, role: PrincipalRole): Promise<IssuedKey> {
    const apiKey = generateApiKey();
    const data: CredentialIssuedV1 = {
      keyId: randomUUID(),
      principalId,
      role,
      keyHash: hashApiKey(apiKey),
      issuedAt: new Date().toISOString(),
    };
    await manager.query(
      `INSERT INTO credentials (key_id, principal_id, role, key_hash, issued_at) VALUES ($1, $2, $3, $4, $5)`,
      [data.keyId, data.principalId, data.role, data.keyHash, data.issuedAt],
    );
    await this.outbox.publish(
      manager,
      Topics.ProfilesEnterprise,
      createEnvelope({ type: EventTypes.CredentialIssued, source: 'techbridge/profiles', subject: principalId, data }),
    );
    return { keyId: data.keyId, apiKey };
  }

  /** Revokes every live key of the principal except `keep`; returns how many were revoked. */
  async revokeAll(manager: EntityManager, principalId: string, keep?: string): Promise<number> {
    // TypeORM's Postgres driver answers an UPDATE … RETURNING with [rows, affectedCount], not rows.
    const [revoked]: [{ key_id: string; revoked_at: Date }[], number] = await manager.query(
      `UPDATE credentials SET revoked_at = now()
        WHERE principal_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR key_id <> $2::uuid)
        RETURNING key_id, revoked_at`,
      [principalId, keep ?? null],
    );
    for (const row of revoked) {
      const data: CredentialRevokedV1 = { keyId: row.key_id, principalId, revokedAt: new Date(row.revoked_at).toISOString() };
      await this.outbox.publish(
        manager,
        Topics.ProfilesEnterprise,
        createEnvelope({ type: EventTypes.CredentialRevoked, source: 'techbridge/profiles', subject: principalId, data }),
      );
    }
    return revoked.length;
  }
}
