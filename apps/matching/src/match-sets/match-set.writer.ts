import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventTypes, NeedMatchedV1, Topics, createEnvelope, sourceOf } from '@techbridge/contracts';
import { Match, renderReason } from '@techbridge/matching-core';
import { OutboxPublisher } from '@techbridge/messaging';
import { MATCHING_CONFIG, MatchingServiceConfig } from '../config';
import { MATCHING_INDEX } from '../index/matching-index.provider';
import { MatchingIndex } from '../index/matching-index';

const EVENT_TOP_N = 10;

/**
 * Computes a need's match set from the index and stores it with its `need.matched` event, in the
 * caller's transaction. The match_sets row is locked first, so concurrent triggers for one need
 * (its own update, a new offer) are applied one after the other, each on the latest index. A set that
 * did not change (same need version, same ranked offers and scores) is neither rewritten nor announced.
 */
@Injectable()
export class MatchSetWriter {
  constructor(
    @Inject(MATCHING_INDEX) private readonly index: MatchingIndex,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingServiceConfig,
    private readonly outbox: OutboxPublisher,
  ) {}

  /** Returns true when a new revision was stored and announced. */
  async recompute(manager: EntityManager, needId: string, trigger: string): Promise<boolean> {
    const need = this.index.need(needId);
    if (!need) return this.close(manager, needId);
    const current = await this.lock(manager, needId);
    const set = this.index.engine.matchNeed(need, { limit: this.config.MATCH_SET_SIZE });
    const fingerprint = `${need.version}|${set.matches.map((m) => `${m.offerId}:${m.score}`).join(',')}|${set.nearMisses
      .map((m) => `${m.offerId}:${m.score}`)
      .join(',')}|${set.hint?.code ?? ''}`;
    if (current && current.status === 'open' && current.fingerprint === fingerprint) return false;

    const matchSetId = randomUUID();
    const computedAt = new Date();
    const revision = (current?.revision ?? 0) + 1;
    await manager.query(
      `INSERT INTO match_sets (need_id, enterprise_id, need_version, revision, match_set_id, fingerprint, hint, status, match_count, trigger, computed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $10)
       ON CONFLICT (need_id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id, need_version = EXCLUDED.need_version,
         revision = EXCLUDED.revision, match_set_id = EXCLUDED.match_set_id, fingerprint = EXCLUDED.fingerprint,
         hint = EXCLUDED.hint, status = 'open', match_count = EXCLUDED.match_count, trigger = EXCLUDED.trigger,
         computed_at = EXCLUDED.computed_at`,
      [needId, need.enterpriseId, need.version, revision, matchSetId, fingerprint, set.hint ? JSON.stringify(set.hint) : null, set.matches.length, trigger, computedAt],
    );
    await manager.query(`DELETE FROM matches WHERE need_id = $1`, [needId]);
    const rows = [
      ...set.matches.map((m, i) => ({ m, kind: 'match', rank: i + 1 })),
      ...set.nearMisses.map((m, i) => ({ m, kind: 'near-miss', rank: i + 1 })),
    ];
    if (rows.length > 0) {
      const values: unknown[] = [];
      const tuples = rows.map(({ m, kind, rank }, i) => {
        values.push(needId, m.offerId, kind, rank, m.score, JSON.stringify(m.components), JSON.stringify(m.matchedTerms), JSON.stringify(m.reasons), m.nearMiss ? JSON.stringify(m.nearMiss) : null);
        const b = i * 9;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}, $${b + 9})`;
      });
      await manager.query(
        `INSERT INTO matches (need_id, offer_id, kind, rank, score, components, matched_terms, reasons, near_miss) VALUES ${tuples.join(', ')}`,
        values,
      );
    }
    const data: NeedMatchedV1 = {
      needId,
      needVersion: need.version,
      matchSetId,
      enterpriseId: need.enterpriseId,
      trigger,
      matchCount: set.matches.length,
      top: set.matches.slice(0, EVENT_TOP_N).map((m: Match) => ({
        offerId: m.offerId,
        score: m.score,
        reasons: m.reasons.map((r) => renderReason(r, 'en')),
      })),
      hint: set.hint ? renderReason(set.hint, 'en') : null,
      computedAt: computedAt.toISOString(),
    };
    await this.outbox.publish(
      manager,
      Topics.MatchingMatch,
      createEnvelope({ type: EventTypes.NeedMatched, source: sourceOf('matching'), subject: needId, data }),
    );
    return true;
  }

  /** The need is no longer live: its matches are removed, the set is kept as closed. */
  async close(manager: EntityManager, needId: string): Promise<boolean> {
    const current = await this.lock(manager, needId);
    if (!current || current.status === 'closed') return false;
    await manager.query(`DELETE FROM matches WHERE need_id = $1`, [needId]);
    await manager.query(`UPDATE match_sets SET status = 'closed', match_count = 0, computed_at = now() WHERE need_id = $1`, [needId]);
    return true;
  }

  /** Needs whose stored set mentions the offer: they must be re-scored when it changes or goes. */
  async needsMentioning(manager: EntityManager, offerId: string): Promise<string[]> {
    const rows: { need_id: string }[] = await manager.query(`SELECT need_id FROM matches WHERE offer_id = $1`, [offerId]);
    return rows.map((r) => r.need_id);
  }

  private async lock(
    manager: EntityManager,
    needId: string,
  ): Promise<{ revision: number; fingerprint: string; status: string } | undefined> {
    // An advisory lock also covers a need that has no row yet (first computation racing a new offer).
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [needId]);
    const rows = await manager.query(
      `SELECT revision, fingerprint, status FROM match_sets WHERE need_id = $1`,
      [needId],
    );
    return rows[0];
  }
}
