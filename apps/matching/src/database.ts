import { AUTH_ENTITIES, AUTH_MIGRATIONS } from '@techbridge/auth';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@techbridge/messaging';
import { IntroductionEntity } from './introductions/infrastructure/introduction.entity';
import { IntroductionOutcomeEntity } from './introductions/infrastructure/introduction-outcome.entity';
import { MatchEntity } from './match-sets/infrastructure/match.entity';
import { MatchSetEntity } from './match-sets/infrastructure/match-set.entity';
import { CreateMatching1766400003000 } from './migrations/1766400003000-create-matching';
import { ConsistentScaleOut1766500003000 } from './migrations/1766500003000-consistent-scale-out';
import { CreateIntroductions1766600003000 } from './migrations/1766600003000-create-introductions';
import { NeedProjectionEntity } from './projections/infrastructure/need-projection.entity';
import { OfferProjectionEntity } from './projections/infrastructure/offer-projection.entity';

export const MATCHING_ENTITIES = [
  OfferProjectionEntity,
  NeedProjectionEntity,
  MatchSetEntity,
  MatchEntity,
  IntroductionEntity,
  IntroductionOutcomeEntity,
  ...AUTH_ENTITIES,
  ...MESSAGING_ENTITIES,
];
export const MATCHING_MIGRATIONS = [...MESSAGING_MIGRATIONS, ...AUTH_MIGRATIONS, CreateMatching1766400003000, ConsistentScaleOut1766500003000, CreateIntroductions1766600003000];
