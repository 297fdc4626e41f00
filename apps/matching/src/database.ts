import { CredentialEntity, CreateCredentials1766400000100 } from '@techbridge/auth';
import { CreateMessagingTables1766400000000, InboxMessageEntity, OutboxMessageEntity } from '@techbridge/messaging';
import { MatchEntity, MatchSetEntity } from './match-sets/match-set.entities';
import { CreateMatching1766400003000 } from './migrations/1766400003000-create-matching';
import { NeedProjectionEntity, OfferProjectionEntity } from './projections/projection.entities';

export const MATCHING_ENTITIES = [
  OfferProjectionEntity,
  NeedProjectionEntity,
  MatchSetEntity,
  MatchEntity,
  CredentialEntity,
  OutboxMessageEntity,
  InboxMessageEntity,
];
export const MATCHING_MIGRATIONS = [CreateMessagingTables1766400000000, CreateCredentials1766400000100, CreateMatching1766400003000];
