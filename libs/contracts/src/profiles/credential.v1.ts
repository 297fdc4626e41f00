import { IsHexadecimal, IsIn, IsISO8601, IsUUID, Length } from 'class-validator';

export const PRINCIPAL_ROLES = ['enterprise', 'organiser', 'admin'] as const;
export type PrincipalRole = (typeof PRINCIPAL_ROLES)[number];

/**
 * Lets every service verify API keys locally. Carries only the SHA-256 of a 256-bit random key: it
 * cannot be turned back into a key, so a consumer of this topic cannot log in with it.
 */
export class CredentialIssuedV1 {
  @IsUUID() keyId!: string;
  @IsUUID() principalId!: string;
  @IsIn(PRINCIPAL_ROLES) role!: PrincipalRole;
  @IsHexadecimal() @Length(64, 64) keyHash!: string;
  @IsISO8601() issuedAt!: string;
}

export class CredentialRevokedV1 {
  @IsUUID() keyId!: string;
  @IsUUID() principalId!: string;
  @IsISO8601() revokedAt!: string;
}
