import { CredentialEntity } from './credentials/credential.entity';
import { CreateCredentials1766400000100 } from './migrations/1766400000100-create-credentials';
import { CredentialRoles1766500000100 } from './migrations/1766500000100-credential-roles';
import { RateLimits1766500000200 } from './migrations/1766500000200-rate-limits';

/** What every service that verifies API keys adds to its own entities and migrations. */
export const AUTH_ENTITIES = [CredentialEntity];
export const AUTH_MIGRATIONS = [CreateCredentials1766400000100, CredentialRoles1766500000100, RateLimits1766500000200];
