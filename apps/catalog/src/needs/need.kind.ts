import { EventTypes, NeedSnapshotV1, Topics } from '@techbridge/contracts';
import { assessQuality } from '../items/domain/quality-hints';
import { commonFields } from '../items/catalog-item.mapper';
import { ItemKind } from '../items/item-kind';
import { CreateNeedDto } from './dto/create-need.dto';
import { UpdateNeedDto } from './dto/update-need.dto';
import { NeedEntity } from './infrastructure/need.entity';

export const NEED_KIND: ItemKind<NeedEntity, CreateNeedDto, UpdateNeedDto> = {
  name: 'need',
  label: 'Need',
  entity: NeedEntity,
  table: 'needs',
  topic: Topics.CatalogNeed,
  events: {
    published: EventTypes.NeedPublished,
    updated: EventTypes.NeedUpdated,
    withdrawn: EventTypes.NeedWithdrawn,
    expired: EventTypes.NeedExpired,
    closed: EventTypes.NeedClosed,
  },
  expiryColumn: 'deadline',
  trlColumn: 'min_trl',
  regionCondition: 'i.region = :region',
  applySpecific(e, dto, creating) {
    if (dto.minTrl !== undefined) e.minTrl = dto.minTrl;
    else if (creating) e.minTrl = null;
    if (dto.budget !== undefined) e.budget = dto.budget ? { min: dto.budget.min, max: dto.budget.max, currency: dto.budget.currency } : null;
    else if (creating) e.budget = null;
    if (dto.region !== undefined) e.region = dto.region;
    else if (creating) e.region = null;
    if (dto.deadline !== undefined) e.deadline = dto.deadline === null ? null : new Date(dto.deadline);
    else if (creating) e.deadline = null;
    if (dto.urgency !== undefined) e.urgency = dto.urgency;
    else if (creating) e.urgency = 'medium';
  },
  toSnapshot(e): NeedSnapshotV1 {
    return {
      ...commonFields(e),
      minTrl: e.minTrl,
      budget: e.budget,
      region: e.region,
      deadline: e.deadline ? e.deadline.toISOString() : null,
      urgency: e.urgency,
    };
  },
  toView(e) {
    return { ...NEED_KIND.toSnapshot(e), attachments: e.attachments, createdAt: e.createdAt.toISOString() };
  },
  quality: (e) =>
    assessQuality({
      ...e,
      trl: e.minTrl,
      money: e.budget,
      moneyField: 'budget',
      trlField: 'minTrl',
      regions: e.region ? [e.region] : [],
      regionField: 'region',
    }),
};
