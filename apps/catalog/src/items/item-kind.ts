import type { CatalogItemEntity } from './infrastructure/catalog-item.entity';
import type { QualityReport } from './domain/quality-hints';

export interface ItemEventTypes {
  published: string;
  updated: string;
  withdrawn: string;
  expired: string;
  closed: string;
}

/**
 * What differs between offers and needs; everything else (lifecycle, events, ownership, listing) is
 * shared by CatalogItemService.
 */
export interface ItemKind<E extends CatalogItemEntity, C, U> {
  name: 'offer' | 'need';
  label: 'Offer' | 'Need';
  entity: new () => E;
  table: 'offers' | 'needs';
  topic: string;
  events: ItemEventTypes;
  /** SQL column holding the date after which a live item expires. */
  expiryColumn: 'valid_until' | 'deadline';
  trlColumn: 'trl' | 'min_trl';
  /** SQL condition for `?region=` (param :region). */
  regionCondition: string;
  /** Copies kind-specific fields from a create or patch body onto the entity. */
  applySpecific(entity: E, dto: Partial<C> | U, creating: boolean): void;
  toSnapshot(entity: E): object;
  toView(entity: E): Record<string, unknown>;
  quality(entity: E): QualityReport;
}
