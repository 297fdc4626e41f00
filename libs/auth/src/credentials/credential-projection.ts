import { CredentialIssuedV1, CredentialRevokedV1, EventTypes } from '@techbridge/contracts';
import type { EventHandler } from '@techbridge/messaging';

/** Handlers that keep the local `credentials` table in step with profiles (idempotent upserts). */
export function credentialProjectionHandlers(onChange?: () => void): Record<string, EventHandler> {
  return {
    [EventTypes.CredentialIssued]: async (event, ctx) => {
      const d = event.data as CredentialIssuedV1;
      await ctx.manager.query(
        `INSERT INTO credentials (key_id, principal_id, role, key_hash, issued_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key_id) DO NOTHING`,
        [d.keyId, d.principalId, d.role, d.keyHash, d.issuedAt],
      );
      if (onChange) ctx.afterCommit(onChange);
    },
    [EventTypes.CredentialRevoked]: async (event, ctx) => {
      const d = event.data as CredentialRevokedV1;
      // A revocation may arrive before its issue only across a replay gap; record it either way.
      await ctx.manager.query(
        `UPDATE credentials SET revoked_at = COALESCE(revoked_at, $2) WHERE key_id = $1`,
        [d.keyId, d.revokedAt],
      );
      if (onChange) ctx.afterCommit(onChange);
    },
  };
}
