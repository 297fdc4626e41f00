import { CredentialEntity, CreateCredentials1766400000100 } from '@techbridge/auth';
import { CreateMessagingTables1766400000000, InboxMessageEntity, OutboxMessageEntity } from '@techbridge/messaging';
import { EnterpriseEntity } from './enterprises/infrastructure/enterprise.entity';
import { OrganiserEntity } from './organisers/infrastructure/organiser.entity';
import { CreateProfiles1766400001000 } from './migrations/1766400001000-create-profiles';

export const PROFILES_ENTITIES = [EnterpriseEntity, OrganiserEntity, CredentialEntity, OutboxMessageEntity, InboxMessageEntity];
export const PROFILES_MIGRATIONS = [CreateMessagingTables1766400000000, CreateCredentials1766400000100, CreateProfiles1766400001000];
