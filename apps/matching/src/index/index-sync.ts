import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NeedDoc, OfferDoc } from '@techbridge/matching-core';
import { ProjectionRepository } from '../projections/infrastructure/projection.repository';
import { MATCHING_INDEX } from './matching-index.provider';
import { MatchingIndex } from './matching-index';

/**
 * Keeps this instance's in-memory index equal to the shared projection tables, which every matching
 * instance writes. Each projection row records the transaction that last changed it (`changed_xid`);
 * the instance remembers the oldest transaction that was still running when it last looked (the
 * horizon) and reads back only rows changed from there on, applying those newer than what it holds.
 * Called under MatchingLock, so it sees everything that could change the work it is about to do.
 */
@Injectable()
export class IndexSync {
  private readonly logger = new Logger('IndexSync');
  private horizon = '0';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MATCHING_INDEX) private readonly index: MatchingIndex,
    private readonly projections: ProjectionRepository,
  ) {}

  /** The whole index from the projections (start-up, before any event is consumed). */
  async rebuild(): Promise<void> {
    const started = Date.now();
    await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // Taken first: anything committed after it is at or above it and is read back by catchUp.
      this.horizon = await this.projections.horizon(manager);
      for (const o of await this.projections.published<OfferDoc>(manager, 'offer')) this.index.applyOffer(o);
      for (const n of await this.projections.published<NeedDoc>(manager, 'need')) this.index.applyNeed(n);
    });
    const { offers, needs } = this.index.size;
    this.logger.log(`index rebuilt from projections: ${offers} offers, ${needs} needs in ${Date.now() - started} ms`);
  }

  /** Applies what other instances (and earlier transactions of this one) committed since the last look. */
  async catchUp(manager: EntityManager): Promise<number> {
    const { horizon: next, changes } = await this.projections.changesSince(manager, this.horizon);
    const newer = { offer: [] as string[], need: [] as string[] };
    for (const c of changes) if (c.version > this.index.versionOf(c.id)) newer[c.kind].push(c.id);
    for (const o of await this.projections.snapshots<OfferDoc>(manager, 'offer', newer.offer)) this.index.applyOffer(o);
    for (const n of await this.projections.snapshots<NeedDoc>(manager, 'need', newer.need)) this.index.applyNeed(n);
    this.horizon = next;
    return newer.offer.length + newer.need.length;
  }

  /** After a rollback: put back what the database holds for an item this transaction had changed. */
  async restore(kind: 'offer' | 'need', id: string): Promise<void> {
    const [doc] = await this.projections.snapshots<OfferDoc & NeedDoc>(this.dataSource.manager, kind, [id]);
    if (kind === 'offer') this.index.restoreOffer(id, doc ?? null);
    else this.index.restoreNeed(id, doc ?? null);
  }
}
