import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Latest known state of a need (any status); the snapshot is the catalog event payload. */
@Entity({ name: 'need_projections' })
export class NeedProjectionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Index() @Column({ name: 'enterprise_id', type: 'uuid' }) enterpriseId!: string;
  @Column('int') version!: number;
  @Column('text') status!: string;
  @Column('jsonb') snapshot!: Record<string, any>;
}
