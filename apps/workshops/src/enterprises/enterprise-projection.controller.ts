import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EnterpriseSnapshotV1, EventEnvelope, EventTypes } from '@techbridge/contracts';
import { InboxContext } from '@techbridge/messaging';

/**
 * Consumes `profiles.enterprise.v2` (a snapshot per enterprise, compacted): rebuilt from offset 0 by a
 * new workshops instance or database. Newer versions only, so a replay never rolls a profile back.
 */
@Controller()
export class EnterpriseProjectionController {
  @EventPattern([EventTypes.EnterpriseRegistered, EventTypes.EnterpriseUpdated, EventTypes.EnterpriseDeactivated])
  async enterpriseChanged(@Payload() event: EventEnvelope<EnterpriseSnapshotV1>, @Ctx() ctx: InboxContext): Promise<void> {
    const d = event.data;
    await ctx.manager.query(
      `INSERT INTO known_enterprises (enterprise_id, legal_name, english_name, country, region, languages, status, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (enterprise_id) DO UPDATE SET legal_name = EXCLUDED.legal_name, english_name = EXCLUDED.english_name,
         country = EXCLUDED.country, region = EXCLUDED.region, languages = EXCLUDED.languages,
         status = EXCLUDED.status, version = EXCLUDED.version
       WHERE known_enterprises.version < EXCLUDED.version`,
      [d.enterpriseId, d.legalName, d.englishName, d.country, d.region ?? null, d.languages, d.status, d.version],
    );
  }
}
