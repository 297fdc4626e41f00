import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Latest known state of an offer (any status); the snapshot is the catalog event payload. */
@Entity({ name: 'offer_projections' })
export class OfferProjectionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Index() @Column({ name: 'enterprise_id', type: 'uuid' }) enterpriseId!: string;
  @Column('int') version!: number;
  @Column('text') status!: string;
  @Column('jsonb') snapshot!: Record<string, any>;
}
