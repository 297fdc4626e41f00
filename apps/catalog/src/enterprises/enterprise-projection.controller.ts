import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EnterpriseSnapshotV1, EventEnvelope, EventTypes } from '@techbridge/contracts';
import { InboxContext } from '@techbridge/messaging';
import { CatalogItemService } from '../items/catalog-item.service';
import { NEEDS, OFFERS } from '../items/item.tokens';
import { KnownEnterprises } from './known-enterprises';

/**
 * Consumes `profiles.enterprise.v2`: which enterprises may publish. A deactivation withdraws the
 * enterprise's offers and needs in the same transaction as the inbox row, so a redelivery cannot
 * withdraw (or announce) twice.
 */
@Controller()
export class EnterpriseProjectionController {
  constructor(
    @Inject(OFFERS) private readonly offers: CatalogItemService<any, any, any>,
    @Inject(NEEDS) private readonly needs: CatalogItemService<any, any, any>,
  ) {}

  @EventPattern([EventTypes.EnterpriseRegistered, EventTypes.EnterpriseUpdated, EventTypes.EnterpriseDeactivated])
  async enterpriseChanged(@Payload() event: EventEnvelope<EnterpriseSnapshotV1>, @Ctx() ctx: InboxContext): Promise<void> {
    const d = event.data;
    // Newer versions only: a replayed or reordered older snapshot never rolls state back.
    const newer: unknown[] = await ctx.manager.query(
      `INSERT INTO known_enterprises (enterprise_id, country, english_name, status, version)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (enterprise_id) DO UPDATE
         SET country = EXCLUDED.country, english_name = EXCLUDED.english_name,
             status = EXCLUDED.status, version = EXCLUDED.version
       WHERE known_enterprises.version < EXCLUDED.version
       RETURNING enterprise_id`,
      [d.enterpriseId, d.country, d.englishName, d.status, d.version],
    );
    if (newer.length > 0) await KnownEnterprises.announceChange(ctx.manager, d.enterpriseId);
    if (newer.length > 0 && d.status === 'deactivated') {
      await this.offers.withdrawAllOf(ctx.manager, d.enterpriseId);
      await this.needs.withdrawAllOf(ctx.manager, d.enterpriseId);
    }
  }
}
