import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@techbridge/auth';
import { Problems, decodeCursor, toPage } from '@techbridge/platform';
import { isParty } from './answer-introduction.use-case';
import { FunnelQuery } from './dto/funnel.query';
import { ListIntroductionsQuery } from './dto/list-introductions.query';
import { presentIntroduction } from './introduction.presenter';
import { IntroductionEntity } from './infrastructure/introduction.entity';
import { IntroductionOutcomeEntity } from './infrastructure/introduction-outcome.entity';

/** Reads introductions: each party sees its own; organisers and admins see only aggregate funnels. */
@Injectable()
export class IntroductionQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(principal: Principal, q: ListIntroductionsQuery) {
    const limit = q.limit ?? 20;
    const cursor = decodeCursor(q.cursor, 'timestamp');
    const qb = this.dataSource.getRepository(IntroductionEntity).createQueryBuilder('i');
    if (q.direction === 'incoming') qb.where('i.recipient_enterprise_id = :me', { me: principal.id });
    else if (q.direction === 'outgoing') qb.where('i.requester_enterprise_id = :me', { me: principal.id });
    else qb.where('(i.recipient_enterprise_id = :me OR i.requester_enterprise_id = :me)', { me: principal.id });
    if (q.status) qb.andWhere('i.status = :status', { status: q.status });
    if (cursor) qb.andWhere('(i.created_at < :k OR (i.created_at = :k AND i.id < :id))', { k: cursor.k, id: cursor.id });
    const rows = await qb.orderBy('i.created_at', 'DESC').addOrderBy('i.id', 'DESC').limit(limit + 1).getMany();
    return toPage(rows, limit, (i) => presentIntroduction(i, principal.id), (i) => ({ k: i.createdAt.toISOString(), id: i.id }));
  }

  async get(principal: Principal, id: string) {
    const i = await this.dataSource.getRepository(IntroductionEntity).findOneBy({ id });
    if (!i || !isParty(principal, i)) throw Problems.notFound(`Introduction ${id}`);
    const outcomes = await this.dataSource.getRepository(IntroductionOutcomeEntity).find({ where: { introductionId: id }, order: { recordedAt: 'ASC' } });
    return presentIntroduction(i, principal.id, outcomes);
  }

  /** Counts per status, acceptance rate, median time to answer and outcomes by stage; never a party's details. */
  async funnel(q: FunnelQuery) {
    const params = [q.sector ?? null, q.workshopId ?? null];
    const where = `($1::text IS NULL OR EXISTS (SELECT 1 FROM unnest(i.sectors) s WHERE s = $1 OR s LIKE $1 || '/%'))
                   AND ($2::uuid IS NULL OR i.workshop_id = $2)`;
    const byStatus: { status: string; n: number }[] = await this.dataSource.query(`SELECT status, count(*)::int AS n FROM introductions i WHERE ${where} GROUP BY status`, params);
    const [timing] = await this.dataSource.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - created_at)) AS median
         FROM introductions i WHERE ${where} AND answered_at IS NOT NULL AND NOT mutual`,
      params,
    );
    const byStage: { stage: string; n: number }[] = await this.dataSource.query(
      `SELECT o.stage, count(DISTINCT o.introduction_id)::int AS n
         FROM introduction_outcomes o JOIN introductions i ON i.id = o.introduction_id WHERE ${where} GROUP BY o.stage`,
      params,
    );
    const count = (s: string) => byStatus.find((r) => r.status === s)?.n ?? 0;
    const counts = { requested: count('requested'), accepted: count('accepted'), declined: count('declined'), expired: count('expired') };
    const closed = counts.accepted + counts.declined + counts.expired;
    return {
      sector: q.sector ?? null,
      workshopId: q.workshopId ?? null,
      total: counts.requested + closed,
      byStatus: counts,
      acceptanceRate: closed > 0 ? Math.round((counts.accepted / closed) * 1000) / 1000 : null,
      medianSecondsToAnswer: timing?.median != null ? Math.round(Number(timing.median)) : null,
      outcomesByStage: Object.fromEntries(byStage.map((r) => [r.stage, r.n])),
    };
  }
}
