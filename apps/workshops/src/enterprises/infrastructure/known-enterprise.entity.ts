import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Workshops' projection of `profiles.enterprise.v2`: who may take part, and the names reports show. */
@Entity({ name: 'known_enterprises' })
export class KnownEnterpriseEntity {
  @PrimaryColumn({ name: 'enterprise_id', type: 'uuid' }) enterpriseId!: string;
  @Column({ name: 'legal_name', type: 'text' }) legalName!: string;
  @Column({ name: 'english_name', type: 'text' }) englishName!: string;
  @Column({ type: 'char', length: 2 }) country!: 'CN' | 'PK';
  @Column({ type: 'text', nullable: true }) region!: string | null;
  @Column('text', { array: true }) languages!: string[];
  @Column('text') status!: 'active' | 'deactivated';
  @Column('int') version!: number;
}
