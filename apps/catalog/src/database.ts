import { AUTH_ENTITIES, AUTH_MIGRATIONS } from '@techbridge/auth';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@techbridge/messaging';
import { KnownEnterpriseEntity } from './enterprises/infrastructure/known-enterprise.entity';
import { CreateCatalog1766400002000 } from './migrations/1766400002000-create-catalog';
import { NeedEntity } from './needs/infrastructure/need.entity';
import { OfferEntity } from './offers/infrastructure/offer.entity';

export const CATALOG_ENTITIES = [OfferEntity, NeedEntity, KnownEnterpriseEntity, ...AUTH_ENTITIES, ...MESSAGING_ENTITIES];
export const CATALOG_MIGRATIONS = [...MESSAGING_MIGRATIONS, ...AUTH_MIGRATIONS, CreateCatalog1766400002000];
