import { Controller, Inject, Logger, OnModuleInit } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope, EventTypes, NeedSnapshotV1, OfferSnapshotV1 } from '@techbridge/contracts';
import { NeedDoc, OfferDoc } from '@techbridge/matching-core';
import { InboxContext } from '@techbridge/messaging';
import { MATCHING_INDEX } from '../index/matching-index.provider';
import { MatchingIndex } from '../index/matching-index';
import { MatchSetWriter } from '../match-sets/match-set.writer';
import { IndexFollower } from '../index/index-follower';

/**
 * Turns catalog events into match sets. Each handler runs in the inbox transaction: projection row,
 * match sets and `need.matched` outbox rows commit together with the inbox row, or not at all.
 */
@Controller()
export class CatalogEventsController implements OnModuleInit {
  private readonly logger = new Logger('Matching');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MATCHING_INDEX) private readonly index: MatchingIndex,
    private readonly writer: MatchSetWriter,
    private readonly follower: IndexFollower,
  ) {}

  /** Rebuild the index before any consumer starts (the app is not ready before). */
  async onModuleInit(): Promise<void> {
    const started = Date.now();
    for (const row of await this.dataSource.query(`SELECT snapshot FROM offer_projections WHERE status = 'published'`)) {
      this.index.applyOffer(row.snapshot as OfferDoc);
    }
    for (const row of await this.dataSource.query(`SELECT snapshot FROM need_projections WHERE status = 'published'`)) {
      this.index.applyNeed(row.snapshot as NeedDoc);
    }
    const { offers, needs } = this.index.size;
    this.logger.log(`index rebuilt from projections: ${offers} offers, ${needs} needs in ${Date.now() - started} ms`);
    // Then from the compacted catalog topics, for what other instances processed (scale-out).
    await this.follower.catchUp();
  }

  @EventPattern([EventTypes.OfferPublished, EventTypes.OfferUpdated, EventTypes.OfferWithdrawn, EventTypes.OfferExpired, EventTypes.OfferClosed], { concurrency: 2 })
  offerChanged(@Payload() event: EventEnvelope<OfferSnapshotV1>, @Ctx() ctx: InboxContext): Promise<void> {
    return this.onOffer(event.data, event.type, ctx);
  }

  @EventPattern([EventTypes.NeedPublished, EventTypes.NeedUpdated, EventTypes.NeedWithdrawn, EventTypes.NeedExpired, EventTypes.NeedClosed], { concurrency: 2 })
  needChanged(@Payload() event: EventEnvelope<NeedSnapshotV1>, @Ctx() ctx: InboxContext): Promise<void> {
    return this.onNeed(event.data, event.type, ctx);
  }

  private async onOffer(snapshot: OfferSnapshotV1, type: string, ctx: InboxContext): Promise<void> {
    const doc = snapshot as unknown as OfferDoc;
    if (!(await this.saveProjection(ctx.manager, 'offer_projections', doc))) return;
    // Applied before commit so the recomputation below sees it. If the transaction fails, the retry
    // finds the index already there (version guard) and redoes the database part; a message that
    // ends in the DLQ can leave the index ahead of the database until the next restart rebuilds it.
    this.index.applyOffer(doc);
    // Reverse matching: needs this offer now scores for, plus needs whose set had it before.
    const affected = new Set(await this.writer.needsMentioning(ctx.manager, doc.id));
    if (doc.status === 'published') {
      const reverse = this.index.engine.matchOffer(doc, { limit: 10_000, nearMissLimit: 10_000 });
      for (const m of [...reverse.matches, ...reverse.nearMisses]) affected.add(m.needId);
    }
    const trigger = type.replace('techbridge.catalog.', '').replace(/\.v\d+$/, '');
    for (const needId of [...affected].sort()) await this.writer.recompute(ctx.manager, needId, trigger);
  }

  private async onNeed(snapshot: NeedSnapshotV1, type: string, ctx: InboxContext): Promise<void> {
    const doc = snapshot as unknown as NeedDoc;
    if (!(await this.saveProjection(ctx.manager, 'need_projections', doc))) return;
    this.index.applyNeed(doc);
    const trigger = type.replace('techbridge.catalog.', '').replace(/\.v\d+$/, '');
    await this.writer.recompute(ctx.manager, doc.id, trigger);
  }

  /** Stores the snapshot if it is newer than the stored one; false means "stale, nothing to do". */
  private async saveProjection(manager: EntityManager, table: string, doc: { id: string; enterpriseId: string; version: number; status: string }): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO ${table} (id, enterprise_id, version, status, snapshot) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id, version = EXCLUDED.version,
         status = EXCLUDED.status, snapshot = EXCLUDED.snapshot
       WHERE ${table}.version < EXCLUDED.version
       RETURNING id`,
      [doc.id, doc.enterpriseId, doc.version, doc.status, JSON.stringify(doc)],
    );
    return rows.length > 0;
  }
}
