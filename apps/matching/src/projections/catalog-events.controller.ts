import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, EventTypes, NeedSnapshotV1, OfferSnapshotV1 } from '@techbridge/contracts';
import { InboxContext } from '@techbridge/messaging';
import { MatchingMetrics } from '../observability/matching.metrics';
import { ReverseMatchUseCase } from '../scoring/reverse-match.use-case';
import { ScoreNeedUseCase } from '../scoring/score-need.use-case';

const OFFER_EVENTS = [EventTypes.OfferPublished, EventTypes.OfferUpdated, EventTypes.OfferWithdrawn, EventTypes.OfferExpired, EventTypes.OfferClosed];
const NEED_EVENTS = [EventTypes.NeedPublished, EventTypes.NeedUpdated, EventTypes.NeedWithdrawn, EventTypes.NeedExpired, EventTypes.NeedClosed];

/** `need.published.v1` → `need.published`: what caused a set to change, as stored and announced. */
const triggerOf = (type: string) => type.replace(/^techbridge\.catalog\./, '').replace(/\.v\d+$/, '');

/**
 * Catalog's offer and need events, each handled in the inbox transaction: projection row, match sets
 * and `need.matched` outbox rows commit with the inbox row, or not at all. Routing only.
 */
@Controller()
export class CatalogEventsController {
  constructor(
    private readonly scoreNeed: ScoreNeedUseCase,
    private readonly reverseMatch: ReverseMatchUseCase,
    private readonly metrics: MatchingMetrics,
  ) {}

  // Offers and needs share one consumer group, whose partitions are worked on concurrently: up to one
  // per need partition (catalog.need.v1 has 6), since needs hold the matching lock shared and spend
  // most of their time waiting on Postgres. Offer events hold it exclusively, so concurrent offer
  // partitions simply queue on the lock.
  @EventPattern(OFFER_EVENTS, { concurrency: 6 })
  offerChanged(@Payload() event: EventEnvelope<OfferSnapshotV1>, @Ctx() ctx: InboxContext): Promise<void> {
    return this.reverseMatch.execute(event.data, triggerOf(event.type), ctx);
  }

  @EventPattern(NEED_EVENTS)
  needChanged(@Payload() event: EventEnvelope<NeedSnapshotV1>, @Ctx() ctx: InboxContext): Promise<void> {
    const trigger = triggerOf(event.type);
    ctx.afterCommit(() => this.metrics.matchCommitted(event.time, trigger));
    return this.scoreNeed.execute(event.data, trigger, ctx);
  }
}
