import { AUTH_ENTITIES, AUTH_MIGRATIONS } from '@techbridge/auth';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@techbridge/messaging';
import { EnterpriseEntity } from './enterprises/infrastructure/enterprise.entity';
import { ContactGrantEntity } from './contact-escrow/infrastructure/contact-grant.entity';
import { ContactRevealEntity } from './contact-escrow/infrastructure/contact-reveal.entity';
import { CreateContactEscrow1766600001000 } from './migrations/1766600001000-create-contact-escrow';
import { OrganiserEntity } from './organisers/infrastructure/organiser.entity';
import { CreateProfiles1766400001000 } from './migrations/1766400001000-create-profiles';
import { RepublishProfilesTopics1766500001000 } from './migrations/1766500001000-republish-profiles-topics';
import { ContactEmailNotUnique1766500001100 } from './migrations/1766500001100-contact-email-not-unique';
import { LegalNameSkeletons1766500001200 } from './migrations/1766500001200-legal-name-skeletons';

export const PROFILES_ENTITIES = [EnterpriseEntity, OrganiserEntity, ContactGrantEntity, ContactRevealEntity, ...AUTH_ENTITIES, ...MESSAGING_ENTITIES];
export const PROFILES_MIGRATIONS = [...MESSAGING_MIGRATIONS, ...AUTH_MIGRATIONS, CreateProfiles1766400001000, RepublishProfilesTopics1766500001000, ContactEmailNotUnique1766500001100, LegalNameSkeletons1766500001200, CreateContactEscrow1766600001000];
