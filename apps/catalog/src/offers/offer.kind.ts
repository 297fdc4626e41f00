import { EventTypes, OfferSnapshotV1, Topics } from '@techbridge/contracts';
import { assessQuality } from '../items/domain/quality-hints';
import { commonFields } from '../items/catalog-item.mapper';
import { ItemKind } from '../items/item-kind';
import { CreateOfferDto } from './dto/create-offer.dto';
import { UpdateOfferDto } from './dto/update-offer.dto';
import { OfferEntity } from './infrastructure/offer.entity';

const DEFAULT_VALIDITY_MS = 365 * 24 * 3600 * 1000;

export const OFFER_KIND: ItemKind<OfferEntity, CreateOfferDto, UpdateOfferDto> = {
  name: 'offer',
  label: 'Offer',
  entity: OfferEntity,
  table: 'offers',
  topic: Topics.CatalogOffer,
  events: {
    published: EventTypes.OfferPublished,
    updated: EventTypes.OfferUpdated,
    withdrawn: EventTypes.OfferWithdrawn,
    expired: EventTypes.OfferExpired,
    closed: EventTypes.OfferClosed,
  },
  expiryColumn: 'valid_until',
  trlColumn: 'trl',
  regionCondition: ':region = ANY(i.target_regions)',
  applySpecific(e, dto, creating) {
    if (dto.trl !== undefined) e.trl = dto.trl;
    if (dto.iprStatus !== undefined) e.iprStatus = dto.iprStatus;
    if (dto.price !== undefined) e.price = dto.price ? { min: dto.price.min, max: dto.price.max, currency: dto.price.currency } : null;
    else if (creating) e.price = null;
    if (dto.targetRegions !== undefined) e.targetRegions = dto.targetRegions;
    else if (creating) e.targetRegions = [];
    if (dto.validUntil !== undefined) e.validUntil = new Date(dto.validUntil);
    else if (creating) e.validUntil = new Date(Date.now() + DEFAULT_VALIDITY_MS);
  },
  toSnapshot(e): OfferSnapshotV1 {
    return {
      ...commonFields(e),
      trl: e.trl,
      iprStatus: e.iprStatus,
      price: e.price,
      targetRegions: e.targetRegions,
      validUntil: e.validUntil.toISOString(),
    };
  },
  toView(e) {
    return {
      ...OFFER_KIND.toSnapshot(e),
      attachments: e.attachments,
      createdAt: e.createdAt.toISOString(),
    };
  },
  quality: (e) =>
    assessQuality({
      ...e,
      trl: e.trl,
      money: e.price,
      moneyField: 'price',
      trlField: 'trl',
      regions: e.targetRegions,
      regionField: 'targetRegions',
    }),
};
