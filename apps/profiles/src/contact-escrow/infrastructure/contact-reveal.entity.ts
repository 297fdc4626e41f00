import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One time an enterprise was shown another's contact details. */
@Entity({ name: 'contact_reveals' })
export class ContactRevealEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'introduction_id', type: 'uuid' }) introductionId!: string;
  @Column({ name: 'viewer_enterprise_id', type: 'uuid' }) viewerEnterpriseId!: string;
  @Column({ name: 'revealed_enterprise_id', type: 'uuid' }) revealedEnterpriseId!: string;
  @Column({ name: 'revealed_at', type: 'timestamptz' }) revealedAt!: Date;
}
