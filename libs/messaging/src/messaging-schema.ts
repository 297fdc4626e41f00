import { InboxMessageEntity } from './inbox/inbox-message.entity';
import { CreateMessagingTables1766400000000 } from './migrations/1766400000000-create-messaging-tables';
import { OutboxParkingAndInboxRetention1766500000000 } from './migrations/1766500000000-outbox-parking-and-inbox-retention';
import { OutboxMessageEntity } from './outbox/outbox-message.entity';

/** What every service that publishes or consumes adds to its own entities and migrations. */
export const MESSAGING_ENTITIES = [OutboxMessageEntity, InboxMessageEntity];
export const MESSAGING_MIGRATIONS = [CreateMessagingTables1766400000000, OutboxParkingAndInboxRetention1766500000000];
