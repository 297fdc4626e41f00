import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventTypes } from '@techbridge/contracts';
import { CredentialStore, Principal, assertOwnerOrAdmin } from '@techbridge/auth';
import { Problems } from '@techbridge/platform';
import { ApiKeyIssuer } from '../credentials/api-key.issuer';
import { EnterpriseEvents } from './enterprise-events';
import { EnterpriseEntity } from './infrastructure/enterprise.entity';

/**
 * Soft delete: the row stays (history, audits), its keys are revoked everywhere, and catalog and
 * matching learn from `enterprise.deactivated` to withdraw its offers and needs.
 */
@Injectable()
export class DeactivateEnterpriseUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EnterpriseEvents,
    private readonly keys: ApiKeyIssuer,
    private readonly credentials: CredentialStore,
  ) {}

  async execute(principal: Principal, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const e = await manager.findOne(EnterpriseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!e || e.status !== 'active') throw Problems.notFound(`Enterprise ${id}`);
      assertOwnerOrAdmin(principal, e.id, `Enterprise ${id}`);
      e.status = 'deactivated';
      e.version += 1;
      await manager.save(e);
      await this.events.publish(manager, EventTypes.EnterpriseDeactivated, e);
      await this.keys.revokeAll(manager, e.id);
    });
    this.credentials.invalidate();
  }
}
