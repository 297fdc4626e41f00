import { CredentialEntity, CreateCredentials1766400000100 } from '@techbridge/auth';
import { CreateMessagingTables1766400000000, InboxMessageEntity, OutboxMessageEntity } from '@techbridge/messaging';
import { KnownEnterpriseEntity } from './enterprises/known-enterprise.entity';
import { CreateCatalog1766400002000 } from './migrations/1766400002000-create-catalog';
import { NeedEntity } from './needs/need.entity';
import { OfferEntity } from './offers/offer.entity';

export const CATALOG_ENTITIES = [
  OfferEntity,
  NeedEntity,
  KnownEnterpriseEntity,
  CredentialEntity,
  OutboxMessageEntity,
  InboxMessageEntity,
];
export const CATALOG_MIGRATIONS = [CreateMessagingTables1766400000000, CreateCredentials1766400000100, CreateCatalog1766400002000];
