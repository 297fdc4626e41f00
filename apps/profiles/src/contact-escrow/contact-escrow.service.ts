import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Principal } from '@techbridge/auth';
import { ContactsRevealedV1, EventTypes, Topics, createEnvelope, sourceOf } from '@techbridge/contracts';
import { OutboxPublisher } from '@techbridge/messaging';
import { PageQueryDto, Problems, decodeCursor, toPage } from '@techbridge/platform';
import { EnterpriseEntity } from '../enterprises/infrastructure/enterprise.entity';
import { ContactGrantEntity } from './infrastructure/contact-grant.entity';
import { ContactRevealEntity } from './infrastructure/contact-reveal.entity';

/**
 * Reveals a counterpart's contact details to the other party of an accepted introduction — and to
 * nobody else, before or after — recording each reveal and announcing it (ids only).
 */
@Injectable()
export class ContactEscrowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
  ) {}

  reveal(principal: Principal, introductionId: string) {
    const what = `Contact details for introduction ${introductionId}`;
    return this.dataSource.transaction(async (m) => {
      const grant = await m.getRepository(ContactGrantEntity).findOneBy({ introductionId });
      if (!grant || principal.role !== 'enterprise' || ![grant.enterpriseA, grant.enterpriseB].includes(principal.id)) throw Problems.notFound(what);
      const counterpartId = grant.enterpriseA === principal.id ? grant.enterpriseB : grant.enterpriseA;
      const counterpart = await m.getRepository(EnterpriseEntity).findOneBy({ id: counterpartId, status: 'active' });
      if (!counterpart) throw Problems.notFound(what);
      const reveal: ContactRevealEntity = { id: randomUUID(), introductionId, viewerEnterpriseId: principal.id, revealedEnterpriseId: counterpartId, revealedAt: new Date() };
      await m.getRepository(ContactRevealEntity).insert(reveal);
      const data: ContactsRevealedV1 = { revealId: reveal.id, introductionId, viewerEnterpriseId: principal.id, revealedEnterpriseId: counterpartId, revealedAt: reveal.revealedAt.toISOString() };
      await this.outbox.publish(m, Topics.ProfilesContactReveal, createEnvelope({ type: EventTypes.ContactsRevealed, source: sourceOf('profiles'), subject: introductionId, data }));
      return {
        introductionId,
        enterpriseId: counterpart.id,
        englishName: counterpart.englishName,
        legalName: counterpart.legalName,
        contact: { name: counterpart.contactName, email: counterpart.contactEmail, phone: counterpart.contactPhone },
        revealedAt: reveal.revealedAt.toISOString(),
      };
    });
  }

  /** Who saw the caller's contact details, and when (newest first). */
  async revealsOf(principal: Principal, q: PageQueryDto) {
    const limit = q.limit ?? 20;
    const cursor = decodeCursor(q.cursor, 'timestamp');
    const qb = this.dataSource
      .getRepository(ContactRevealEntity)
      .createQueryBuilder('r')
      .where('r.revealed_enterprise_id = :me', { me: principal.id });
    if (cursor) qb.andWhere('(r.revealed_at < :k OR (r.revealed_at = :k AND r.id < :id))', { k: cursor.k, id: cursor.id });
    const rows = await qb.orderBy('r.revealed_at', 'DESC').addOrderBy('r.id', 'DESC').limit(limit + 1).getMany();
    const names = new Map<string, string>();
    const ids = [...new Set(rows.map((r) => r.viewerEnterpriseId))];
    if (ids.length) {
      const viewers: { id: string; english_name: string }[] = await this.dataSource.query(`SELECT id, english_name FROM enterprises WHERE id = ANY($1::uuid[])`, [ids]);
      for (const v of viewers) names.set(v.id, v.english_name);
    }
    return toPage(
      rows,
      limit,
      (r) => ({ id: r.id, introductionId: r.introductionId, viewer: { id: r.viewerEnterpriseId, englishName: names.get(r.viewerEnterpriseId) ?? null }, revealedAt: r.revealedAt.toISOString() }),
      (r) => ({ k: r.revealedAt.toISOString(), id: r.id }),
    );
  }
}
