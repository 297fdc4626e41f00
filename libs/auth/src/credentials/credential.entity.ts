import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * API-key hashes usable in this service. Profiles writes it directly when it issues keys; every other
 * service keeps it as a projection of the credential snapshots on `profiles.credential.v1`.
 */
@Entity({ name: 'credentials' })
export class CredentialEntity {
  @PrimaryColumn({ name: 'key_id', type: 'uuid' }) keyId!: string;
  @Index() @Column({ name: 'principal_id', type: 'uuid' }) principalId!: string;
  @Column('text') role!: string;
  @Index({ unique: true }) @Column({ name: 'key_hash', type: 'char', length: 64 }) keyHash!: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}
