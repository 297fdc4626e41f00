import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Both enterprises of an accepted introduction may see each other's contact details. */
@Entity({ name: 'contact_grants' })
export class ContactGrantEntity {
  @PrimaryColumn({ name: 'introduction_id', type: 'uuid' }) introductionId!: string;
  @Column({ name: 'enterprise_a', type: 'uuid' }) enterpriseA!: string;
  @Column({ name: 'enterprise_b', type: 'uuid' }) enterpriseB!: string;
  @Column({ name: 'granted_at', type: 'timestamptz' }) grantedAt!: Date;
}
