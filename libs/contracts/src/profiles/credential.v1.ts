import { IsHexadecimal, IsIn, IsISO8601, IsOptional, IsUUID, Length } from 'class-validator';

export const PRINCIPAL_ROLES = ['enterprise', 'organiser', 'admin'] as const;
export type PrincipalRole = (typeof PRINCIPAL_ROLES)[number];

/** Roles a credential event may carry. `admin` is never one: the admin key comes from configuration. */
export const CREDENTIAL_ROLES = ['enterprise', 'organiser'] as const;
export type CredentialRole = (typeof CREDENTIAL_ROLES)[number];

/**
 * The whole state of one API key, keyed by key id on the compacted `profiles.credential.v1`: issued
 * and revoked events both carry it, so after compaction a revoked key is still known as revoked and a
 * replayed issue can never bring it back. Carries only the SHA-256 of a 256-bit random key: a consumer
 * of this topic cannot log in with it.
 */
export class CredentialSnapshotV1 {
  @IsUUID() keyId!: string;
  @IsUUID() principalId!: string;
  @IsIn(CREDENTIAL_ROLES) role!: CredentialRole;
  @IsHexadecimal() @Length(64, 64) keyHash!: string;
  @IsISO8601() issuedAt!: string;
  @IsOptional() @IsISO8601() revokedAt!: string | null;
}
