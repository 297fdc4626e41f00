import { CreateMessagingTables1766400000000, InboxMessageEntity, OutboxMessageEntity } from '@techbridge/messaging';

// Workshops, participants, reports and schedules arrive with their own issue; the service already owns
// its database and the messaging tables so that it deploys like the others.
export const WORKSHOPS_ENTITIES = [OutboxMessageEntity, InboxMessageEntity];
export const WORKSHOPS_MIGRATIONS = [CreateMessagingTables1766400000000];
