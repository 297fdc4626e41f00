import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal, assertCanReadPrivate } from '@techbridge/auth';
import { Reason, renderReason } from '@techbridge/matching-core';
import { ProblemException, Problems, decodeCursor, toPage } from '@techbridge/platform';
import { MATCHING_INDEX } from '../index/matching-index.provider';
import { MatchingIndex } from '../index/matching-index';
import { MatchesQuery } from './dto/matches.query';
import { MatchEntity } from './infrastructure/match.entity';
import { MatchSetEntity } from './infrastructure/match-set.entity';
import { counterpartOf, presentMatch } from './match.presenter';

/** Reads stored, explained rankings. Owners, organisers and admins only; anyone else gets 404. */
@Injectable()
export class MatchQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MATCHING_INDEX) private readonly index: MatchingIndex,
  ) {}

  async forNeed(principal: Principal, needId: string, q: MatchesQuery) {
    const what = `Matches of need ${needId}`;
    const set = await this.dataSource.getRepository(MatchSetEntity).findOneBy({ needId });
    if (!set) {
      const need = await this.dataSource.query(`SELECT enterprise_id, status FROM need_projections WHERE id = $1`, [needId]);
      if (!need[0]) {
        // Matching learns of a need from catalog's event, a few milliseconds after the 201.
        throw new ProblemException(HttpStatus.NOT_FOUND, 'not-found', 'Not found', `${what} was not found. A need published a moment ago reaches matching within milliseconds: retry shortly.`);
      }
      assertCanReadPrivate(principal, need[0].enterprise_id, what, true);
      // Published a moment ago: the match set is being computed.
      return { needId, status: 'pending', needVersion: null, computedAt: null, matchCount: 0, hint: null, items: [], nextCursor: null, nearMisses: [] };
    }
    assertCanReadPrivate(principal, set.enterpriseId, what, true);
    const limit = q.limit ?? 20;
    const lang = q.lang ?? 'en';
    const cursor = decodeCursor(q.cursor, 'number');
    const rows = await this.dataSource
      .getRepository(MatchEntity)
      .createQueryBuilder('m')
      .where(`m.need_id = :needId AND m.kind = 'match'`, { needId })
      .andWhere(cursor ? 'm.rank > :rank' : 'TRUE', { rank: Number(cursor?.k ?? 0) })
      .orderBy('m.rank', 'ASC')
      .limit(limit + 1)
      .getMany();
    const nearMisses = cursor
      ? []
      : await this.dataSource.getRepository(MatchEntity).find({ where: { needId, kind: 'near-miss' }, order: { rank: 'ASC' } });
    const snapshots = await this.snapshots('offer_projections', [...rows, ...nearMisses].map((r) => r.offerId));
    const opts = { lang, full: q.explain === 'full', weights: { ...this.index.engine.config.weights } };
    const page = toPage(
      rows,
      limit,
      (m) => presentMatch(m, counterpartOf(snapshots.get(m.offerId) ?? this.index.offer(m.offerId)), opts),
      (m) => ({ k: m.rank, id: m.offerId }),
    );
    return {
      needId,
      status: set.status,
      needVersion: set.needVersion,
      revision: set.revision,
      matchSetId: set.matchSetId,
      computedAt: set.computedAt.toISOString(),
      trigger: set.trigger,
      matchCount: set.matchCount,
      hint: set.hint ? renderReason(set.hint as Reason, lang) : null,
      ...page,
      nearMisses: nearMisses.map((m) => presentMatch(m, counterpartOf(snapshots.get(m.offerId) ?? this.index.offer(m.offerId)), opts)),
    };
  }

  /** Reverse view: the open needs whose current match set ranks this offer, best score first. */
  async forOffer(principal: Principal, offerId: string, q: MatchesQuery) {
    const what = `Matches of offer ${offerId}`;
    const offer = await this.dataSource.query(`SELECT enterprise_id FROM offer_projections WHERE id = $1`, [offerId]);
    if (!offer[0]) throw Problems.notFound(what);
    assertCanReadPrivate(principal, offer[0].enterprise_id, what, true);
    const limit = q.limit ?? 20;
    const cursor = decodeCursor(q.cursor, 'number');
    const qb = this.dataSource
      .getRepository(MatchEntity)
      .createQueryBuilder('m')
      .where(`m.offer_id = :offerId AND m.kind = 'match'`, { offerId })
      .orderBy('m.score', 'DESC')
      .addOrderBy('m.need_id', 'ASC')
      .limit(limit + 1);
    if (cursor) {
      qb.andWhere('(m.score < :score OR (m.score = :score AND m.need_id > :id))', { score: Number(cursor.k), id: cursor.id });
    }
    const rows = await qb.getMany();
    const snapshots = await this.snapshots('need_projections', rows.map((r) => r.needId));
    const opts = { lang: q.lang ?? 'en', full: q.explain === 'full', weights: { ...this.index.engine.config.weights } };
    return {
      offerId,
      ...toPage(rows, limit, (m) => presentMatch(m, counterpartOf(snapshots.get(m.needId) ?? this.index.need(m.needId)), opts), (m) => ({ k: m.score, id: m.needId })),
    };
  }

  private async snapshots(table: 'offer_projections' | 'need_projections', ids: string[]): Promise<Map<string, Record<string, any>>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; snapshot: Record<string, any> }[] = await this.dataSource.query(
      `SELECT id, snapshot FROM ${table} WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.snapshot]));
  }
}
