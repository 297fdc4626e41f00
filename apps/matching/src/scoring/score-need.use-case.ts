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
    await MatchingLock.shared(manager);
    await this.sync.catchUp(manager);
    const previous = await this.projections.current<NeedDoc>(manager, 'need', doc.id);
    if (!(await this.projections.save(manager, 'need', doc))) return; // older than what we have
    ctx.afterRollback(() => this.sync.restore('need', doc.id));
    this.index.applyNeed(doc);
    if (previous && needMatchingFingerprint(previous.snapshot as unknown as Record<string, unknown>) === needMatchingFingerprint(snapshot as unknown as Record<string, unknown>)) {
      await this.writer.advanceVersion(manager, doc.id, doc.version);
      return;
    }
    await this.writer.recompute(manager, doc.id, trigger);
  }
}
