import { Inject, Injectable } from '@nestjs/common';
import { NeedSnapshotV1 } from '@techbridge/contracts';
import { NeedDoc } from '@techbridge/matching-core';
import { InboxContext } from '@techbridge/messaging';
import { IndexSync } from '../index/index-sync';
import { MATCHING_INDEX } from '../index/matching-index.provider';
import { MatchingIndex } from '../index/matching-index';
import { MatchingLock } from '../index/matching-lock';
import { MatchSetWriter } from '../match-sets/match-set.writer';
import { needMatchingFingerprint } from '../projections/domain/matching-relevant';
import { ProjectionRepository } from '../projections/infrastructure/projection.repository';

/**
 * A need was published, changed, or left: store its snapshot and (re)compute its match set against
 * every live offer, in the inbox transaction. Needs never read each other, so this takes the matching
 * lock shared: many needs are scored at once, on any number of instances.
 */
@Injectable()
export class ScoreNeedUseCase {
  constructor(
    @Inject(MATCHING_INDEX) private readonly index: MatchingIndex,
    private readonly sync: IndexSync,
    private readonly projections: ProjectionRepository,
    private readonly writer: MatchSetWriter,
  ) {}

  async execute(snapshot: NeedSnapshotV1, trigger: string, ctx: InboxContext): Promise<void> {
    const doc = snapshot as unknown as NeedDoc;
    const manager = ctx.manager;
    // The need's own lock now rather than in the writer: one round trip for both, and the order stays
    // matching lock → need lock (see MatchingLock).
    await MatchingLock.sharedThenNeed(manager, doc.id);
    await this.sync.catchUp(manager);
    const { saved, previous } = await this.projections.replace(manager, 'need', doc);
    if (!saved) return; // older than what we have
    ctx.afterRollback(() => this.sync.restore('need', doc.id));
    this.index.applyNeed(doc);
    // The row is locked and newest, and the index has it: the writer need not lock or read it back.
    const prepared = { locked: true, indexed: true };
    if (previous && needMatchingFingerprint(previous as unknown as Record<string, unknown>) === needMatchingFingerprint(snapshot as unknown as Record<string, unknown>)) {
      await this.writer.advanceVersion(manager, doc.id, doc.version, prepared);
      return;
    }
    await this.writer.recompute(manager, doc.id, trigger, prepared);
  }
}
