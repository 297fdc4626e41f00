import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventTypes, Topics, createEnvelope, sourceOf } from '@techbridge/contracts';
import { OutboxPublisher } from '@techbridge/messaging';
import { toEnterpriseSnapshot } from './enterprise.mapper';
import { EnterpriseEntity } from './infrastructure/enterprise.entity';

type EnterpriseEventType =
  | typeof EventTypes.EnterpriseRegistered
  | typeof EventTypes.EnterpriseUpdated
  | typeof EventTypes.EnterpriseDeactivated;

@Injectable()
export class EnterpriseEvents {
  constructor(private readonly outbox: OutboxPublisher) {}

  /** Every event carries the full public snapshot: the latest one per key is the whole state. */
  publish(manager: EntityManager, type: EnterpriseEventType, enterprise: EnterpriseEntity): Promise<void> {
    return this.outbox.publish(
      manager,
      Topics.ProfilesEnterprise,
      createEnvelope({
        type,
        source: sourceOf('profiles'),
        subject: enterprise.id,
        dataschemaversion: 1,
        data: toEnterpriseSnapshot(enterprise),
      }),
    );
  }
}
