import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Catalog's projection of `profiles.enterprise.v2`: just enough to accept or refuse publications. */
@Entity({ name: 'known_enterprises' })
export class KnownEnterpriseEntity {
  @PrimaryColumn({ name: 'enterprise_id', type: 'uuid' }) enterpriseId!: string;
  @Column({ type: 'char', length: 2 }) country!: 'CN' | 'PK';
  @Column({ name: 'english_name', type: 'text' }) englishName!: string;
  @Column('text') status!: 'active' | 'deactivated';
  @Column('int') version!: number;
}
