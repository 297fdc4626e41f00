import { Inject, Injectable } from '@nestjs/common';
import { OfferSnapshotV1 } from '@techbridge/contracts';
import { OfferDoc } from '@techbridge/matching-core';
import { InboxContext } from '@techbridge/messaging';
import { IndexSync } from '../index/index-sync';
import { MATCHING_INDEX } from '../index/matching-index.provider';
import { MatchingIndex } from '../index/matching-index';
import { MatchingLock } from '../index/matching-lock';
import { MatchSetWriter } from '../match-sets/match-set.writer';
import { offerMatchingFingerprint } from '../projections/domain/matching-relevant';
import { ProjectionRepository } from '../projections/infrastructure/projection.repository';
import { RescoreQueue } from '../rescore/rescore.queue';

/** Needs re-scored inside the offer event's own transaction; the rest go to the rescore queue. */
export const INLINE_RESCORES = 100;

/**
 * An offer was published, changed, withdrawn, expired or closed: store its snapshot, then re-score
 * exactly the needs whose stored lists it enters (its key in the need's own ranking beats the list's
 * floor) or leaves (it is in them now). The first INLINE_RESCORES are re-scored in the event's transaction — the common case,
 * fastest — and the others are queued for the rescore workers, in bounded chunks of their own: an
 * offer in a sector with tens of thousands of open needs never becomes one huge transaction. An update
 * that changes nothing the engine reads re-scores nothing. Takes the matching lock exclusively: an
 * offer can change any need's set.
 */
@Injectable()
export class ReverseMatchUseCase {
  constructor(
    @Inject(MATCHING_INDEX) private readonly index: MatchingIndex,
    private readonly sync: IndexSync,
    private readonly projections: ProjectionRepository,
    private readonly writer: MatchSetWriter,
    private readonly queue: RescoreQueue,
  ) {}

  async execute(snapshot: OfferSnapshotV1, trigger: string, ctx: InboxContext): Promise<void> {
    const doc = snapshot as unknown as OfferDoc;
    const manager = ctx.manager;
    await MatchingLock.exclusive(manager);
    await this.sync.catchUp(manager);
    const { saved, previous } = await this.projections.replace(manager, 'offer', doc);
    if (!saved) return; // older than what we have
    ctx.afterRollback(() => this.sync.restore('offer', doc.id));
    this.index.applyOffer(doc);
    if (previous && offerMatchingFingerprint(previous as unknown as Record<string, unknown>) === offerMatchingFingerprint(snapshot as unknown as Record<string, unknown>)) {
      return;
    }

    const affected = new Set(await this.writer.needsMentioning(manager, doc.id));
    if (doc.status === 'published') {
      // Where the offer stands in each need's own ranking — not the reverse query, which scores how
      // much of the offer the need covers and misses needs the offer serves well (see standingOfOffer).
      const candidates = this.index.engine.standingOfOffer(doc.id).filter((c) => !affected.has(c.needId));
      for (const needId of await this.writer.needsEntered(manager, candidates)) affected.add(needId);
    }
    const needIds = [...affected].sort();
    for (const needId of needIds.slice(0, INLINE_RESCORES)) await this.writer.recompute(manager, needId, trigger);
    await this.queue.enqueue(manager, needIds.slice(INLINE_RESCORES), trigger);
  }
}
