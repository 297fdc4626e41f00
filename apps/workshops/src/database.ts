import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@techbridge/messaging';

// Workshops, participants, reports and schedules arrive with their own issue; the service already owns
// its database and the messaging tables so that it deploys like the others.
export const WORKSHOPS_ENTITIES = [...MESSAGING_ENTITIES];
export const WORKSHOPS_MIGRATIONS = [...MESSAGING_MIGRATIONS];
