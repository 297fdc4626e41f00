import { Inject, Injectable } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventTypes, NeedMatchedV1, Topics, createEnvelope, sourceOf } from '@techbridge/contracts';
import { Match, NeedDoc, OfferStanding, renderReason } from '@techbridge/matching-core';
import { OutboxPublisher, Statement } from '@techbridge/messaging';
import { MATCHING_CONFIG, MatchingServiceConfig } from '../config';
import { MATCHING_INDEX } from '../index/matching-index.provider';
import { MatchingLock } from '../index/matching-lock';
import { MatchingIndex } from '../index/matching-index';
import { OutcomePriorReader } from '../introductions/outcome-prior.reader';
import { ProjectionRepository } from '../projections/infrastructure/projection.repository';

const EVENT_TOP_N = 10;
/** The engine keeps min(limit, 10) near-misses by default. */
const nearMissLimit = (setSize: number) => Math.min(setSize, 10);

/** The engine call as its own span: the event path's stage table (npm run bench) separates scoring from I/O. */
function scoreSpan<T>(needId: string, score: () => T): T {
  const span = trace.getTracer('techbridge').startSpan('score need', { attributes: { 'techbridge.need.id': needId } });
  try {
    return score();
  } finally {
    span.end();
  }
}

/** What the caller of recompute / advanceVersion already did in this transaction. */
export interface NeedPrepared {
  /** It holds the need's lock (MatchingLock.need / sharedThenNeed). */
  locked?: boolean;
  /** It just stored the need's projection, locked, and applied it to the index: nothing newer exists. */
  indexed?: boolean;
}

interface LockedSet {
  revision: number;
  fingerprint: string;
  status: string;
  needVersion: number;
}

/**
 * Computes a need's match set from the index and stores it with its `need.matched` event, in the
 * caller's transaction (which holds MatchingLock and has caught its index up). The need is locked
 * first and read back from its projection, so concurrent triggers for one need (its own update on one
 * instance, a new offer's re-score on another) are applied one after the other, each on the need's
 * latest committed version; a set is never stored for an older version than the one stored. A set
 * that did not change (same need version, same ranked offers and scores) is neither rewritten nor
 * announced.
 */
@Injectable()
export class MatchSetWriter {
  constructor(
    @Inject(MATCHING_INDEX) private readonly index: MatchingIndex,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingServiceConfig,
    private readonly outbox: OutboxPublisher,
    private readonly projections: ProjectionRepository,
    private readonly prior: OutcomePriorReader,
  ) {}

  /** Returns true when a new revision was stored and announced. */
  async recompute(manager: EntityManager, needId: string, trigger: string, prepared: NeedPrepared = {}): Promise<boolean> {
    const current = await this.lock(manager, needId, prepared.locked);
    if (!prepared.indexed) {
      // Another instance may have committed a newer version of this need a moment ago.
      const [latest] = await this.projections.snapshots<NeedDoc>(manager, 'need', [needId]);
      if (latest) this.index.applyNeed(latest);
    }
    const need = this.index.need(needId);
    if (!need) return this.closeLocked(manager, needId, current);
    if (current && current.needVersion > need.version) return false;
    const computed = scoreSpan(needId, () => this.index.engine.matchNeed(need, { limit: this.config.MATCH_SET_SIZE }));
    // What introductions taught (INTRODUCTION_PRIOR=on): bounded, re-ranked, each change with its reason.
    const set = this.prior.enabled ? { ...computed, matches: await this.prior.apply(manager, need, computed.matches) } : computed;
    const fingerprint = `${need.version}|${set.matches.map((m) => `${m.offerId}:${m.score}`).join(',')}|${set.nearMisses
      .map((m) => `${m.offerId}:${m.score}`)
      .join(',')}|${set.hint?.code ?? ''}`;
    if (current && current.status === 'open' && current.fingerprint === fingerprint) return false;

    const matchSetId = randomUUID();
    const computedAt = new Date();
    const revision = (current?.revision ?? 0) + 1;
    // What a new offer must score to enter each list (null: the list has room).
    const matchFloor = set.matches.length >= this.config.MATCH_SET_SIZE ? set.matches[set.matches.length - 1].score : null;
    const nearFloor = set.nearMisses.length >= nearMissLimit(this.config.MATCH_SET_SIZE) ? set.nearMisses[set.nearMisses.length - 1].score : null;
    // The set, its matches and its event in one statement (one round trip): the set row is upserted,
    // matches no longer in it are deleted and the others upserted — disjoint rows, so the
    // sub-statements cannot trip over each other — and the outbox row is written with them.
    const rows = [
      ...set.matches.map((m, i) => ({ m, kind: 'match', rank: i + 1 })),
      ...set.nearMisses.map((m, i) => ({ m, kind: 'near-miss', rank: i + 1 })),
    ];
    const changes: Statement[] = [
      {
        sql: `INSERT INTO match_sets (need_id, enterprise_id, need_version, revision, match_set_id, fingerprint, hint, status, match_count, trigger, computed_at, match_floor, near_floor)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $10, $11, $12)
       ON CONFLICT (need_id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id, need_version = EXCLUDED.need_version,
         revision = EXCLUDED.revision, match_set_id = EXCLUDED.match_set_id, fingerprint = EXCLUDED.fingerprint,
         hint = EXCLUDED.hint, status = 'open', match_count = EXCLUDED.match_count, trigger = EXCLUDED.trigger,
         computed_at = EXCLUDED.computed_at, match_floor = EXCLUDED.match_floor, near_floor = EXCLUDED.near_floor`,
        params: [needId, need.enterpriseId, need.version, revision, matchSetId, fingerprint, set.hint ? JSON.stringify(set.hint) : null, set.matches.length, trigger, computedAt, matchFloor, nearFloor],
      },
      {
        sql: `DELETE FROM matches WHERE need_id = $1 AND NOT (offer_id = ANY($2::uuid[]))`,
        params: [needId, rows.map(({ m }) => m.offerId)],
      },
    ];
    if (rows.length > 0) {
      const values: unknown[] = [];
      const tuples = rows.map(({ m, kind, rank }, i) => {
        values.push(needId, m.offerId, kind, rank, m.score, JSON.stringify(m.components), JSON.stringify(m.matchedTerms), JSON.stringify(m.reasons), m.nearMiss ? JSON.stringify(m.nearMiss) : null);
        const b = i * 9;
        return `($${b + 1}::uuid, $${b + 2}::uuid, $${b + 3}, $${b + 4}::int, $${b + 5}::numeric, $${b + 6}::jsonb, $${b + 7}::jsonb, $${b + 8}::jsonb, $${b + 9}::jsonb)`;
      });
      changes.push({
        sql: `INSERT INTO matches (need_id, offer_id, kind, rank, score, components, matched_terms, reasons, near_miss) VALUES ${tuples.join(', ')}
         ON CONFLICT (need_id, offer_id) DO UPDATE SET kind = EXCLUDED.kind, rank = EXCLUDED.rank, score = EXCLUDED.score,
           components = EXCLUDED.components, matched_terms = EXCLUDED.matched_terms, reasons = EXCLUDED.reasons, near_miss = EXCLUDED.near_miss`,
        params: values,
      });
    }
    const data: NeedMatchedV1 = {
      needId,
      needVersion: need.version,
      matchSetId,
      enterpriseId: need.enterpriseId,
      trigger,
      matchCount: set.matches.length,
      revision,
      top: set.matches.slice(0, EVENT_TOP_N).map((m: Match) => ({
        offerId: m.offerId,
        score: m.score,
        reasons: m.reasons.map((r) => renderReason(r, 'en')),
      })),
      hint: set.hint ? renderReason(set.hint, 'en') : null,
      computedAt: computedAt.toISOString(),
    };
    await this.outbox.publishWithin(
      manager,
      changes,
      Topics.MatchingMatch,
      createEnvelope({ type: EventTypes.NeedMatched, source: sourceOf('matching'), subject: needId, data }),
    );
    return true;
  }

  /** A need update that changes nothing the engine reads: the stored set stays, its version follows. */
  async advanceVersion(manager: EntityManager, needId: string, version: number, prepared: NeedPrepared = {}): Promise<void> {
    if (!prepared.locked) await MatchingLock.need(manager, needId);
    await manager.query(`UPDATE match_sets SET need_version = $2 WHERE need_id = $1 AND need_version < $2`, [needId, version]);
  }

  /**
   * Needs whose stored lists an offer standing so in their rankings would enter (or that have no open
   * set). A floor is the shown score of a full list's last entry; a near-miss's ranking key is at least
   * its shown score, so comparing keys with floors never misses an entry (at worst re-scores a need
   * for nothing). A `closest` pair is listed only while the need has no match.
   */
  async needsEntered(manager: EntityManager, candidates: OfferStanding[]): Promise<string[]> {
    if (candidates.length === 0) return [];
    const rows: { need_id: string; match_floor: string | null; near_floor: string | null; status: string; match_count: number }[] = await manager.query(
      `SELECT need_id, match_floor, near_floor, status, match_count FROM match_sets WHERE need_id = ANY($1::uuid[])`,
      [candidates.map((c) => c.needId)],
    );
    const floors = new Map(rows.map((r) => [r.need_id, r]));
    return candidates
      .filter((c) => {
        const f = floors.get(c.needId);
        if (!f || f.status !== 'open') return true;
        if (c.list === 'closest' && f.match_count > 0) return false;
        const floor = c.list === 'match' ? f.match_floor : f.near_floor;
        return floor === null || c.key >= Number(floor);
      })
      .map((c) => c.needId);
  }

  /** The need is no longer live: its matches are removed, the set is kept as closed. */
  async close(manager: EntityManager, needId: string): Promise<boolean> {
    return this.closeLocked(manager, needId, await this.lock(manager, needId));
  }

  private async closeLocked(manager: EntityManager, needId: string, current: LockedSet | undefined): Promise<boolean> {
    if (!current || current.status === 'closed') return false;
    await manager.query(
      `WITH gone AS (DELETE FROM matches WHERE need_id = $1)
       UPDATE match_sets SET status = 'closed', match_count = 0, computed_at = now() WHERE need_id = $1`,
      [needId],
    );
    return true;
  }

  /** Needs whose stored set mentions the offer: they must be re-scored when it changes or goes. */
  async needsMentioning(manager: EntityManager, offerId: string): Promise<string[]> {
    const rows: { need_id: string }[] = await manager.query(`SELECT need_id FROM matches WHERE offer_id = $1`, [offerId]);
    return rows.map((r) => r.need_id);
  }

  /** The need's lock (unless the caller holds it), then its stored set — read after the lock, in a statement of its own. */
  private async lock(manager: EntityManager, needId: string, held = false): Promise<LockedSet | undefined> {
    if (!held) await MatchingLock.need(manager, needId);
    const rows = await manager.query(
      `SELECT revision, fingerprint, status, need_version AS "needVersion" FROM match_sets WHERE need_id = $1`,
      [needId],
    );
    return rows[0];
  }
}
