import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, EventTypes, IntroductionEventV1 } from '@techbridge/contracts';
import { InboxContext } from '@techbridge/messaging';

/**
 * `introduction.accepted` (both sides interested) opens the escrow for that pair: a grant row, in the
 * inbox transaction. Idempotent; the other introduction events change nothing here.
 */
@Controller()
export class IntroductionEventsController {
  @EventPattern([EventTypes.IntroductionAccepted])
  async accepted(@Payload() event: EventEnvelope<IntroductionEventV1>, @Ctx() ctx: InboxContext): Promise<void> {
    const d = event.data;
    await ctx.manager.query(
      `INSERT INTO contact_grants (introduction_id, enterprise_a, enterprise_b, granted_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (introduction_id) DO NOTHING`,
      [d.introductionId, d.requesterEnterpriseId, d.recipientEnterpriseId, d.occurredAt],
    );
  }
}
