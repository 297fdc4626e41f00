import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'organisers' })
export class OrganiserEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column({ type: 'text', nullable: true }) organisation!: string | null;
  @Column('text') email!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
