import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal, isOwnerOrAdmin } from '@techbridge/auth';
import { Page, Problems, decodeCursor, toPage } from '@techbridge/platform';
import { ListEnterprisesQuery } from './dto/list-enterprises.query';
import { EnterpriseView, toEnterpriseView } from './enterprise.mapper';
import { EnterpriseEntity } from './infrastructure/enterprise.entity';

@Injectable()
export class EnterpriseQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Public profile for everyone; contact details only for the owner and admins. */
  async get(principal: Principal | null, id: string): Promise<EnterpriseView> {
    const e = await this.dataSource.getRepository(EnterpriseEntity).findOne({ where: { id } });
    const mine = !!e && isOwnerOrAdmin(principal, e.id);
    if (!e || (e.status !== 'active' && principal?.role !== 'admin')) throw Problems.notFound(`Enterprise ${id}`);
    return toEnterpriseView(e, mine);
  }

  /** Active enterprises, newest first, keyset-paginated. */
  async list(principal: Principal | null, q: ListEnterprisesQuery): Promise<Page<EnterpriseView>> {
    const limit = q.limit ?? 20;
    const qb = this.dataSource
      .getRepository(EnterpriseEntity)
      .createQueryBuilder('e')
      .where(`e.status = 'active'`)
      .orderBy('e.created_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(limit + 1);
    if (q.country) qb.andWhere('e.country = :country', { country: q.country });
    if (q.sector) {
      qb.andWhere(`EXISTS (SELECT 1 FROM unnest(e.sectors) s WHERE s = :sector OR s LIKE :prefix)`, {
        sector: q.sector,
        prefix: `${q.sector}/%`,
      });
    }
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(e.legal_name ILIKE :like OR e.english_name ILIKE :like)', { like });
    }
    const cursor = decodeCursor(q.cursor);
    if (cursor) {
      qb.andWhere('(e.created_at, e.id) < (:k::timestamptz, :id::uuid)', { k: cursor.k, id: cursor.id });
    }
    const rows = await qb.getMany();
    return toPage(
      rows,
      limit,
      (e) => toEnterpriseView(e, isOwnerOrAdmin(principal, e.id)),
      (e) => ({ k: e.createdAt.toISOString(), id: e.id }),
    );
  }
}
