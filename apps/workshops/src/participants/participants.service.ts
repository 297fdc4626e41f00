import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@techbridge/auth';
import { Problems } from '@techbridge/platform';
import { KnownEnterpriseEntity } from '../enterprises/infrastructure/known-enterprise.entity';
import { ReportEntity } from '../reports/infrastructure/report.entity';
import { acceptsParticipants } from '../workshops/domain/workshop-lifecycle';
import { daysOf } from '../workshops/domain/workshop-plan';
import { WorkshopEntity } from '../workshops/infrastructure/workshop.entity';
import { WorkshopsService } from '../workshops/workshops.service';
import { participationProblems, toAttendance, toAvailability } from './domain/participation-rules';
import { AddParticipantDto, ParticipationDto } from './dto/participation.dto';
import { ParticipantEntity, ParticipantStatus } from './infrastructure/participant.entity';

export function toParticipantView(p: ParticipantEntity, e: KnownEnterpriseEntity | null) {
  return {
    workshopId: p.workshopId,
    enterpriseId: p.enterpriseId,
    enterprise: e ? { id: e.enterpriseId, name: e.englishName, legalName: e.legalName, country: e.country, region: e.region } : null,
    status: p.status,
    attendance: p.attendance,
    availability: p.availability,
    languages: p.languages,
    maxMeetings: p.maxMeetings,
    offerIds: p.offerIds,
    needIds: p.needIds,
    appliedAt: p.appliedAt.toISOString(),
    decidedAt: p.decidedAt?.toISOString() ?? null,
  };
}

/**
 * Who takes part, how and when; applications and the organiser's decisions; wishlists. The organiser
 * manages everyone; an enterprise manages its own participation only (someone else's → 404).
 */
@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workshops: WorkshopsService,
  ) {}

  /** The organiser adds a registered enterprise (accepted at once). */
  async add(principal: Principal, workshopId: string, dto: AddParticipantDto) {
    const w = await this.workshops.owned(principal, workshopId);
    if (!acceptsParticipants(w.status)) throw Problems.conflict(`A ${w.status} workshop takes no more participants.`);
    const enterprise = await this.activeEnterprise(dto.enterpriseId, w, 'enterpriseId');
    return this.insert(w, enterprise, dto, 'accepted');
  }

  /** An enterprise applies to an open workshop; the organiser decides. */
  async apply(principal: Principal, workshopId: string, dto: ParticipationDto) {
    if (principal.role !== 'enterprise') throw Problems.forbidden('Enterprises apply to workshops; use an enterprise API key.');
    const w = await this.workshops.visible(principal, workshopId);
    if (w.status !== 'open') throw Problems.conflict(`Applications are taken while a workshop is open; this one is ${w.status}.`);
    const enterprise = await this.activeEnterprise(principal.id, w, 'enterprise');
    return this.insert(w, enterprise, dto, 'applied');
  }

  async decide(principal: Principal, workshopId: string, enterpriseId: string, decision: 'accept' | 'decline') {
    await this.workshops.owned(principal, workshopId);
    return this.dataSource.transaction(async (manager) => {
      const p = await this.lockParticipant(manager, workshopId, enterpriseId);
      const to: ParticipantStatus = decision === 'accept' ? 'accepted' : 'declined';
      if (p.status === to) return this.view(manager, p);
      if (p.status !== 'applied') throw Problems.conflict(`Only an application can be decided; this participant is ${p.status}.`);
      p.status = to;
      p.decidedAt = new Date();
      await manager.save(p);
      return this.view(manager, p);
    });
  }

  async update(principal: Principal, workshopId: string, enterpriseId: string, dto: Partial<ParticipationDto>) {
    const w = await this.workshopFor(principal, workshopId, enterpriseId);
    if (!acceptsParticipants(w.status)) throw Problems.conflict(`A ${w.status} workshop cannot change its participants.`);
    return this.dataSource.transaction(async (manager) => {
      const p = await this.lockParticipant(manager, workshopId, enterpriseId);
      const attendance = dto.attendance ?? this.attendanceInput(p);
      const problems = participationProblems(this.frame(w), attendance, dto.availability);
      if (problems.length > 0) throw Problems.validation(problems);
      if (dto.attendance) p.attendance = toAttendance(dto.attendance);
      if (dto.availability !== undefined) p.availability = toAvailability(dto.availability);
      if (dto.languages !== undefined) p.languages = dto.languages;
      if (dto.maxMeetings !== undefined) p.maxMeetings = dto.maxMeetings;
      if (dto.offerIds !== undefined) p.offerIds = dto.offerIds;
      if (dto.needIds !== undefined) p.needIds = dto.needIds;
      await manager.save(p);
      return this.view(manager, p);
    });
  }

  async remove(principal: Principal, workshopId: string, enterpriseId: string): Promise<void> {
    const w = await this.workshops.owned(principal, workshopId);
    if (!acceptsParticipants(w.status)) throw Problems.conflict(`A ${w.status} workshop cannot change its participants.`);
    await this.dataSource.transaction(async (manager) => {
      await this.lockParticipant(manager, workshopId, enterpriseId);
      await manager.delete(ParticipantEntity, { workshopId, enterpriseId });
      await manager.query(`DELETE FROM wishes WHERE workshop_id = $1 AND (from_enterprise = $2 OR to_enterprise = $2)`, [workshopId, enterpriseId]);
    });
  }

  async list(principal: Principal, workshopId: string, status?: ParticipantStatus) {
    await this.workshops.owned(principal, workshopId);
    const rows: ParticipantEntity[] = await this.dataSource.getRepository(ParticipantEntity).find({
      where: { workshopId, ...(status ? { status } : {}) },
      order: { appliedAt: 'ASC', enterpriseId: 'ASC' },
    });
    const enterprises = await this.enterprises(rows.map((r) => r.enterpriseId));
    return { items: rows.map((p) => toParticipantView(p, enterprises.get(p.enterpriseId) ?? null)), nextCursor: null };
  }

  async get(principal: Principal, workshopId: string, enterpriseId: string) {
    await this.workshopFor(principal, workshopId, enterpriseId);
    const p = await this.dataSource.getRepository(ParticipantEntity).findOneBy({ workshopId, enterpriseId });
    if (!p) throw Problems.notFound(`Participant ${enterpriseId}`);
    return this.view(this.dataSource.manager, p);
  }

  /** Replaces the caller's wishlist: accepted participants of this workshop it wants to meet. */
  async setWishes(principal: Principal, workshopId: string, enterpriseIds: string[]) {
    await this.acceptedParticipant(principal, workshopId);
    const accepted = new Set(
      (await this.dataSource.query(`SELECT enterprise_id FROM participants WHERE workshop_id = $1 AND status = 'accepted'`, [workshopId])).map(
        (r: { enterprise_id: string }) => r.enterprise_id,
      ),
    );
    const problems = enterpriseIds.flatMap((id, i) =>
      id === principal.id
        ? [{ field: `enterpriseIds[${i}]`, message: 'you cannot wish to meet yourself' }]
        : accepted.has(id)
          ? []
          : [{ field: `enterpriseIds[${i}]`, message: 'not an accepted participant of this workshop' }],
    );
    if (problems.length > 0) throw Problems.unprocessable('Every wished enterprise must be another accepted participant.', problems);
    await this.dataSource.transaction(async (manager) => {
      // One replacement at a time per participant: two concurrent PUTs would otherwise both delete, then
      // both insert, and the second would hit the primary key (a 500) or leave the union of both lists.
      await manager.query(`SELECT 1 FROM participants WHERE workshop_id = $1 AND enterprise_id = $2 FOR UPDATE`, [workshopId, principal.id]);
      await manager.query(`DELETE FROM wishes WHERE workshop_id = $1 AND from_enterprise = $2`, [workshopId, principal.id]);
      if (enterpriseIds.length > 0) {
        await manager.query(
          `INSERT INTO wishes (workshop_id, from_enterprise, to_enterprise) SELECT $1, $2, unnest($3::uuid[])`,
          [workshopId, principal.id, enterpriseIds],
        );
      }
    });
    return this.wishes(principal, workshopId);
  }

  async wishes(principal: Principal, workshopId: string) {
    await this.acceptedParticipant(principal, workshopId);
    const rows: { to_enterprise: string; mutual: boolean }[] = await this.dataSource.query(
      `SELECT w.to_enterprise, EXISTS (SELECT 1 FROM wishes r WHERE r.workshop_id = w.workshop_id AND r.from_enterprise = w.to_enterprise AND r.to_enterprise = w.from_enterprise) AS mutual
         FROM wishes w WHERE w.workshop_id = $1 AND w.from_enterprise = $2 ORDER BY w.to_enterprise`,
      [workshopId, principal.id],
    );
    return { enterpriseIds: rows.map((r) => r.to_enterprise), mutual: rows.filter((r) => r.mutual).map((r) => r.to_enterprise) };
  }

  /**
   * The counterparts matching found for one participant (from the latest ready report), best first,
   * with reasons in the requested language and the wishes both ways.
   */
  async candidates(principal: Principal, workshopId: string, enterpriseId: string | undefined, lang: 'en' | 'zh-Hans' | 'ur') {
    const w = await this.dataSource.getRepository(WorkshopEntity).findOneBy({ id: workshopId });
    const who = enterpriseId ?? principal.id;
    if (!w) throw Problems.notFound(`Workshop ${workshopId}`);
    if (this.workshops.owns(principal, w)) {
      if (!enterpriseId) throw Problems.validation([{ field: 'enterpriseId', message: 'organisers name the participant whose candidates they want' }]);
    } else {
      if (enterpriseId && enterpriseId !== principal.id) throw Problems.notFound(`Participant ${enterpriseId}`);
      await this.acceptedParticipant(principal, workshopId);
    }
    const [report] = await this.dataSource.getRepository(ReportEntity).find({
      where: { workshopId, status: 'ready' },
      order: { completedAt: 'DESC' },
      take: 1,
    });
    if (!report?.model) return { reportId: null, items: [], hint: 'No match report yet: the organiser requests one, then your candidates appear here.' };
    const best = new Map<string, { enterprise: unknown; score: number; reasons: string[]; topics: string[] }>();
    const consider = (counterpart: { enterprise: { id: string } }, score: number, reasons: Record<string, string | undefined>[], topic: string) => {
      const id = counterpart.enterprise.id;
      const current = best.get(id);
      const rendered = reasons.map((r) => r[lang] ?? r.en ?? '').filter(Boolean);
      if (!current) best.set(id, { enterprise: counterpart.enterprise, score, reasons: rendered, topics: [topic] });
      else {
        current.topics.push(topic);
        if (score > current.score) Object.assign(current, { score, reasons: rendered });
      }
    };
    for (const n of report.model.needs) if (n.enterprise.id === who) for (const o of n.bestOffers) consider(o, o.score, o.reasons as any, `${n.title} ↔ ${o.title}`);
    for (const o of report.model.offers) if (o.enterprise.id === who) for (const n of o.bestNeeds) consider(n, n.score, n.reasons as any, `${o.title} ↔ ${n.title}`);
    const wishes: { from_enterprise: string; to_enterprise: string }[] = await this.dataSource.query(
      `SELECT from_enterprise, to_enterprise FROM wishes WHERE workshop_id = $1 AND (from_enterprise = $2 OR to_enterprise = $2)`,
      [workshopId, who],
    );
    const iWish = new Set(wishes.filter((x) => x.from_enterprise === who).map((x) => x.to_enterprise));
    const wishesMe = new Set(wishes.filter((x) => x.to_enterprise === who).map((x) => x.from_enterprise));
    const items = [...best]
      .sort(([a, x], [b, y]) => y.score - x.score || (a < b ? -1 : 1))
      .map(([id, c]) => ({ enterpriseId: id, enterprise: c.enterprise, score: c.score, reasons: c.reasons, topics: c.topics, wished: iWish.has(id), wishedBy: wishesMe.has(id) }));
    return { reportId: report.id, items };
  }

  /** The caller as an accepted participant of the workshop (404 otherwise: nothing to see). */
  private async acceptedParticipant(principal: Principal, workshopId: string): Promise<ParticipantEntity> {
    const p = await this.dataSource.getRepository(ParticipantEntity).findOneBy({ workshopId, enterpriseId: principal.id });
    if (!p || p.status !== 'accepted') throw Problems.notFound(`Workshop ${workshopId}`);
    return p;
  }

  /** The organiser for any participant, an enterprise for itself only. */
  private async workshopFor(principal: Principal, workshopId: string, enterpriseId: string): Promise<WorkshopEntity> {
    const w = await this.dataSource.getRepository(WorkshopEntity).findOneBy({ id: workshopId });
    if (!w) throw Problems.notFound(`Workshop ${workshopId}`);
    if (this.workshops.owns(principal, w)) return w;
    if (principal.role === 'enterprise' && principal.id === enterpriseId) return w;
    throw Problems.notFound(`Participant ${enterpriseId}`);
  }

  private async insert(w: WorkshopEntity, enterprise: KnownEnterpriseEntity, dto: ParticipationDto, status: ParticipantStatus) {
    const problems = participationProblems(this.frame(w), dto.attendance, dto.availability);
    if (problems.length > 0) throw Problems.validation(problems);
    const rows = await this.dataSource.query(
      `INSERT INTO participants (workshop_id, enterprise_id, status, attendance, availability, languages, max_meetings, offer_ids, need_ids, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $3 = 'accepted' THEN now() END)
       ON CONFLICT (workshop_id, enterprise_id) DO NOTHING RETURNING enterprise_id`,
      [
        w.id,
        enterprise.enterpriseId,
        status,
        JSON.stringify(toAttendance(dto.attendance)),
        dto.availability ? JSON.stringify(toAvailability(dto.availability)) : null,
        dto.languages ?? enterprise.languages,
        dto.maxMeetings ?? null,
        dto.offerIds ?? null,
        dto.needIds ?? null,
      ],
    );
    if (rows.length === 0) {
      throw Problems.conflict(`Enterprise ${enterprise.enterpriseId} already takes part in (or applied to) this workshop.`, [
        { field: status === 'applied' ? 'enterprise' : 'enterpriseId', message: 'already a participant' },
      ]);
    }
    const p = await this.dataSource.getRepository(ParticipantEntity).findOneByOrFail({ workshopId: w.id, enterpriseId: enterprise.enterpriseId });
    return toParticipantView(p, enterprise);
  }

  /**
   * A registered, active enterprise of one of the workshop's countries (422 otherwise). An enterprise
   * registered a moment ago may still be on its way through Kafka: looked up again for a short while.
   */
  private async activeEnterprise(enterpriseId: string, w: WorkshopEntity, field: string): Promise<KnownEnterpriseEntity> {
    const repo = this.dataSource.getRepository(KnownEnterpriseEntity);
    const deadline = Date.now() + 1500;
    let e = await repo.findOneBy({ enterpriseId });
    while (!e && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      e = await repo.findOneBy({ enterpriseId });
    }
    if (!e || e.status !== 'active') {
      throw Problems.unprocessable('Only registered, active enterprises take part in workshops.', [
        { field, message: e ? 'the enterprise is deactivated' : 'no registered enterprise has this id' },
      ]);
    }
    if (!w.countries.includes(e.country)) {
      throw Problems.unprocessable(`This workshop brings together enterprises from ${w.countries.join(' and ')}.`, [
        { field, message: `an enterprise from ${e.country} cannot take part` },
      ]);
    }
    return e;
  }

  private async lockParticipant(manager: EntityManager, workshopId: string, enterpriseId: string): Promise<ParticipantEntity> {
    const p = await manager
      .getRepository(ParticipantEntity)
      .createQueryBuilder('p')
      .where('p.workshop_id = :workshopId AND p.enterprise_id = :enterpriseId', { workshopId, enterpriseId })
      .setLock('pessimistic_write')
      .getOne();
    if (!p) throw Problems.notFound(`Participant ${enterpriseId}`);
    return p;
  }

  private async view(manager: EntityManager, p: ParticipantEntity) {
    const e = await manager.getRepository(KnownEnterpriseEntity).findOneBy({ enterpriseId: p.enterpriseId });
    return toParticipantView(p, e);
  }

  private async enterprises(ids: string[]): Promise<Map<string, KnownEnterpriseEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(KnownEnterpriseEntity).createQueryBuilder('e').where('e.enterprise_id = ANY(:ids)', { ids }).getMany();
    return new Map(rows.map((e) => [e.enterpriseId, e]));
  }

  private frame(w: WorkshopEntity) {
    return { mode: w.mode, venueIds: w.venues.map((v) => v.id), days: daysOf(w.startDate, w.endDate) };
  }

  private attendanceInput(p: ParticipantEntity) {
    return p.attendance.kind === 'venue' ? { venueId: p.attendance.venueId } : { timeZone: p.attendance.timeZone, workingHours: p.attendance.workingHours };
  }
}
