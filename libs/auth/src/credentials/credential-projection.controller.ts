import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CredentialSnapshotV1, EventEnvelope, EventTypes } from '@techbridge/contracts';
import { InboxContext } from '@techbridge/messaging';
import { CredentialStore } from './credential.store';

/**
 * Keeps this service's `credentials` table equal to profiles' (the compacted `profiles.credential.v1`:
 * one snapshot per key). Its own consumer group, so a revocation never waits behind a service's
 * business events. A revoked key stays revoked: a replayed or reordered `issued` snapshot can never
 * clear `revoked_at`.
 */
@Controller()
export class CredentialProjectionController {
  /**
   * Both types carry the whole credential: issued and revoked are applied the same way. Never
   * dead-lettered by a handler error — a revocation not applied would leave a key working — so it is
   * retried until it applies (later keys of its partition wait: fail closed).
   */
  @EventPattern([EventTypes.CredentialIssued, EventTypes.CredentialRevoked], { group: 'credentials', maxAttempts: Number.POSITIVE_INFINITY })
  async credentialChanged(@Payload() event: EventEnvelope<CredentialSnapshotV1>, @Ctx() ctx: InboxContext): Promise<void> {
    const d = event.data;
    await ctx.manager.query(
      `INSERT INTO credentials (key_id, principal_id, role, key_hash, issued_at, revoked_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (key_id) DO UPDATE SET revoked_at = COALESCE(credentials.revoked_at, EXCLUDED.revoked_at)`,
      [d.keyId, d.principalId, d.role, d.keyHash, d.issuedAt, d.revokedAt ?? null],
    );
    // Every instance of this service drops the key from its cache when this commits.
    await CredentialStore.announceChange(ctx.manager, d.keyHash);
  }
}
