import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'enterprises' })
export class EnterpriseEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'legal_name', type: 'text' }) legalName!: string;
  @Column({ name: 'legal_name_key', type: 'text' }) legalNameKey!: string;
  @Column({ name: 'english_name', type: 'text' }) englishName!: string;
  @Column({ type: 'char', length: 2 }) country!: 'CN' | 'PK';
  @Column({ type: 'text', nullable: true }) region!: string | null;
  @Column({ name: 'organisation_type', type: 'text' }) organisationType!: string;
  @Column({ name: 'size_band', type: 'text', nullable: true }) sizeBand!: string | null;
  @Column({ type: 'text', array: true }) sectors!: string[];
  @Column({ type: 'text', nullable: true }) website!: string | null;
  @Column({ type: 'text', array: true }) languages!: string[];
  @Column({ name: 'contact_name', type: 'text' }) contactName!: string;
  @Column({ name: 'contact_email', type: 'text' }) contactEmail!: string;
  @Column({ name: 'contact_phone', type: 'text', nullable: true }) contactPhone!: string | null;
  @Column({ type: 'text' }) status!: 'active' | 'deactivated';
  @Column({ type: 'int' }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
