import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CredentialStore, credentialProjectionHandlers } from '@techbridge/auth';
import { EnterpriseSnapshotV1, EventTypes, Topics } from '@techbridge/contracts';
import { EventHandler, InboxConsumerRegistry } from '@techbridge/messaging';
import { CatalogItemService } from '../items/catalog-item.service';
import { NEEDS, OFFERS } from '../items/item.tokens';

/**
 * Consumes `profiles.enterprise.v1`: the credentials (so enterprise keys work here) and which
 * enterprises may publish. A deactivation withdraws the enterprise's offers and needs in the same
 * transaction as the inbox row, so a redelivery cannot withdraw (or announce) twice.
 */
@Injectable()
export class EnterpriseProjectionHandler implements OnModuleInit {
  constructor(
    private readonly registry: InboxConsumerRegistry,
    private readonly credentials: CredentialStore,
    @Inject(OFFERS) private readonly offers: CatalogItemService<any, any, any>,
    @Inject(NEEDS) private readonly needs: CatalogItemService<any, any, any>,
  ) {}

  onModuleInit(): void {
    const upsert: EventHandler<EnterpriseSnapshotV1> = async (event, ctx) => {
      const d = event.data;
      // Newer versions only: a replayed or reordered older snapshot never rolls state back.
      await ctx.manager.query(
        `INSERT INTO known_enterprises (enterprise_id, country, english_name, status, version)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (enterprise_id) DO UPDATE
           SET country = EXCLUDED.country, english_name = EXCLUDED.english_name,
               status = EXCLUDED.status, version = EXCLUDED.version
         WHERE known_enterprises.version < EXCLUDED.version`,
        [d.enterpriseId, d.country, d.englishName, d.status, d.version],
      );
      if (d.status === 'deactivated') {
        await this.offers.withdrawAllOf(ctx.manager, d.enterpriseId);
        await this.needs.withdrawAllOf(ctx.manager, d.enterpriseId);
      }
    };
    this.registry.register({
      consumer: 'catalog.profiles',
      groupId: 'catalog.profiles',
      topics: [Topics.ProfilesEnterprise],
      handlers: {
        ...credentialProjectionHandlers(() => this.credentials.invalidate()),
        [EventTypes.EnterpriseRegistered]: upsert,
        [EventTypes.EnterpriseUpdated]: upsert,
        [EventTypes.EnterpriseDeactivated]: upsert,
      },
    });
  }
}
