import { AUTH_ENTITIES, AUTH_MIGRATIONS } from '@techbridge/auth';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@techbridge/messaging';
import { KnownEnterpriseEntity } from './enterprises/infrastructure/known-enterprise.entity';
import { CreateWorkshops1766500004000 } from './migrations/1766500004000-create-workshops';
import { ParticipantEntity } from './participants/infrastructure/participant.entity';
import { ReportEntity } from './reports/infrastructure/report.entity';
import { WorkshopEntity } from './workshops/infrastructure/workshop.entity';

export const WORKSHOPS_ENTITIES = [WorkshopEntity, ParticipantEntity, ReportEntity, KnownEnterpriseEntity, ...AUTH_ENTITIES, ...MESSAGING_ENTITIES];
export const WORKSHOPS_MIGRATIONS = [...MESSAGING_MIGRATIONS, ...AUTH_MIGRATIONS, CreateWorkshops1766500004000];
