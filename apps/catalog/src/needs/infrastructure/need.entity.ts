import { Column, Entity } from 'typeorm';
import { CatalogItemEntity, MoneyRange } from '../../items/infrastructure/catalog-item.entity';

@Entity({ name: 'needs' })
export class NeedEntity extends CatalogItemEntity {
  @Column({ name: 'min_trl', type: 'int', nullable: true }) minTrl!: number | null;
  @Column({ type: 'jsonb', nullable: true }) budget!: MoneyRange | null;
  @Column({ type: 'text', nullable: true }) region!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) deadline!: Date | null;
  @Column({ type: 'text', nullable: true }) urgency!: string | null;
}
