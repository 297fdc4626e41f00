import { Column, Entity } from 'typeorm';
import { CatalogItemEntity, MoneyRange } from '../../items/infrastructure/catalog-item.entity';

@Entity({ name: 'offers' })
export class OfferEntity extends CatalogItemEntity {
  @Column('int') trl!: number;
  @Column({ name: 'ipr_status', type: 'text' }) iprStatus!: string;
  @Column({ type: 'jsonb', nullable: true }) price!: MoneyRange | null;
  @Column({ name: 'target_regions', type: 'text', array: true }) targetRegions!: string[];
  @Column({ name: 'valid_until', type: 'timestamptz' }) validUntil!: Date;
}
