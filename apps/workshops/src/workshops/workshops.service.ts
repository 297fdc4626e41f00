import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Principal } from '@techbridge/auth';
import { Page, Problems, decodeCursor, toPage } from '@techbridge/platform';
import { WorkshopStatus, allowedNext, canMove, isPlanEditable, isPublic } from './domain/workshop-lifecycle';
import { WorkshopPlan, planProblems } from './domain/workshop-plan';
import { CreateWorkshopDto } from './dto/create-workshop.dto';
import { ListWorkshopsQuery } from './dto/list-workshops.query';
import { UpdateWorkshopDto } from './dto/update-workshop.dto';
import { WorkshopEntity } from './infrastructure/workshop.entity';
import { WorkshopView, toWorkshopView } from './workshop.view';

const etagOf = (version: number) => `"v${version}"`;

/**
 * Workshops and their plan. Organisers own theirs; admins see all; a draft is private to its
 * organiser (404 for anyone else), every other status is public so enterprises can find and apply.
 */
@Injectable()
export class WorkshopsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(principal: Principal, dto: CreateWorkshopDto): Promise<{ view: WorkshopView; etag: string }> {
    const plan = this.planOf(dto as Required<CreateWorkshopDto>);
    this.assertValid(plan);
    const repo = this.dataSource.getRepository(WorkshopEntity);
    const entity = repo.create({
      id: randomUUID(),
      organiserId: principal.id,
      title: { ...dto.title },
      mode: dto.mode,
      status: 'draft',
      startDate: dto.startDate,
      endDate: dto.endDate,
      slotMinutes: dto.slotMinutes,
      session: { start: dto.session.start, end: dto.session.end, breaks: dto.session.breaks ?? [] },
      venues: dto.venues.map((v) => ({ ...v, city: { ...v.city }, ...(v.name ? { name: { ...v.name } } : {}) })),
      sectors: dto.sectors ?? [],
      interpreters: (dto.interpreters ?? []).map((i) => ({ ...i })),
      countries: ['CN', 'PK'],
      defaultMaxMeetings: dto.defaultMaxMeetings ?? null,
      version: 1,
    });
    await repo.insert(entity);
    const saved = await repo.findOneByOrFail({ id: entity.id });
    return { view: toWorkshopView(saved), etag: etagOf(saved.version) };
  }

  async get(principal: Principal, id: string): Promise<{ view: WorkshopView; etag: string }> {
    const w = await this.visible(principal, id);
    return { view: toWorkshopView(w), etag: etagOf(w.version) };
  }

  async list(principal: Principal, q: ListWorkshopsQuery): Promise<Page<WorkshopView>> {
    const limit = q.limit ?? 20;
    const qb = this.dataSource
      .getRepository(WorkshopEntity)
      .createQueryBuilder('w')
      .orderBy('w.created_at', 'DESC')
      .addOrderBy('w.id', 'DESC')
      .limit(limit + 1);
    if (q.mine) {
      if (principal.role === 'enterprise') {
        qb.andWhere(`EXISTS (SELECT 1 FROM participants p WHERE p.workshop_id = w.id AND p.enterprise_id = :me)`, { me: principal.id });
      } else if (principal.role !== 'admin') {
        qb.andWhere('w.organiser_id = :me', { me: principal.id });
      }
    }
    if (principal.role !== 'admin') qb.andWhere(`(w.status <> 'draft' OR w.organiser_id = :me)`, { me: principal.id });
    if (q.status) qb.andWhere('w.status = :status', { status: q.status });
    const cursor = decodeCursor(q.cursor);
    if (cursor) qb.andWhere('(w.created_at, w.id) < (:k::timestamptz, :id::uuid)', { k: cursor.k, id: cursor.id });
    const rows = await qb.getMany();
    return toPage(rows, limit, toWorkshopView, (w) => ({ k: w.createdAt.toISOString(), id: w.id }));
  }

  async update(principal: Principal, id: string, dto: UpdateWorkshopDto, ifMatch?: string): Promise<{ view: WorkshopView; etag: string }> {
    return this.dataSource.transaction(async (manager) => {
      const w = await manager.getRepository(WorkshopEntity).createQueryBuilder('w').where('w.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!w || !this.owns(principal, w)) throw Problems.notFound(`Workshop ${id}`);
      if (ifMatch !== undefined && ifMatch.trim() !== '*' && !ifMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etagOf(w.version))) {
        throw Problems.preconditionFailed(`Workshop ${id} is at version ${w.version} (ETag ${etagOf(w.version)}); reload it and apply your change again.`);
      }
      if (!isPlanEditable(w.status)) throw Problems.conflict(`A ${w.status} workshop cannot be changed.`);
      const before = JSON.stringify(toWorkshopView(w));
      if (dto.title !== undefined) w.title = { ...dto.title };
      if (dto.mode !== undefined) w.mode = dto.mode;
      if (dto.startDate !== undefined) w.startDate = dto.startDate;
      if (dto.endDate !== undefined) w.endDate = dto.endDate;
      if (dto.slotMinutes !== undefined) w.slotMinutes = dto.slotMinutes;
      if (dto.session !== undefined) w.session = { start: dto.session.start, end: dto.session.end, breaks: dto.session.breaks ?? [] };
      if (dto.venues !== undefined) w.venues = dto.venues.map((v) => ({ ...v, city: { ...v.city } }));
      if (dto.sectors !== undefined) w.sectors = dto.sectors;
      if (dto.interpreters !== undefined) w.interpreters = dto.interpreters.map((i) => ({ ...i }));
      if (dto.defaultMaxMeetings !== undefined) w.defaultMaxMeetings = dto.defaultMaxMeetings;
      this.assertValid(this.planOf(w));
      if (JSON.stringify(toWorkshopView(w)) === before) return { view: toWorkshopView(w), etag: etagOf(w.version) };
      w.version += 1;
      await manager.save(w);
      return { view: toWorkshopView(w), etag: etagOf(w.version) };
    });
  }

  async changeStatus(principal: Principal, id: string, to: WorkshopStatus): Promise<{ view: WorkshopView; etag: string }> {
    return this.dataSource.transaction(async (manager) => {
      const w = await manager.getRepository(WorkshopEntity).createQueryBuilder('w').where('w.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!w || !this.owns(principal, w)) throw Problems.notFound(`Workshop ${id}`);
      if (w.status === to) return { view: toWorkshopView(w), etag: etagOf(w.version) };
      if (!canMove(w.status, to)) {
        const next = allowedNext(w.status);
        throw Problems.conflict(`A ${w.status} workshop cannot become ${to}${next.length ? `; it can become ${next.join(' or ')}` : ''}.`);
      }
      w.status = to;
      w.version += 1;
      await manager.save(w);
      return { view: toWorkshopView(w), etag: etagOf(w.version) };
    });
  }

  /** The workshop if the caller organises it (or is an admin); 404 otherwise. */
  async owned(principal: Principal, id: string): Promise<WorkshopEntity> {
    const w = await this.dataSource.getRepository(WorkshopEntity).findOneBy({ id });
    if (!w || !this.owns(principal, w)) throw Problems.notFound(`Workshop ${id}`);
    return w;
  }

  /** The workshop if the caller may see it (public, or its organiser / an admin); 404 otherwise. */
  async visible(principal: Principal, id: string): Promise<WorkshopEntity> {
    const w = await this.dataSource.getRepository(WorkshopEntity).findOneBy({ id });
    if (!w || (!isPublic(w.status) && !this.owns(principal, w))) throw Problems.notFound(`Workshop ${id}`);
    return w;
  }

  owns(principal: Principal, w: WorkshopEntity): boolean {
    return principal.role === 'admin' || (principal.role === 'organiser' && principal.id === w.organiserId);
  }

  private planOf(w: Pick<WorkshopEntity, 'mode' | 'startDate' | 'endDate' | 'slotMinutes' | 'session' | 'venues' | 'interpreters'>): WorkshopPlan {
    return {
      mode: w.mode,
      startDate: w.startDate,
      endDate: w.endDate,
      slotMinutes: w.slotMinutes,
      session: w.session,
      venues: w.venues,
      interpreters: w.interpreters ?? [],
    };
  }

  private assertValid(plan: WorkshopPlan): void {
    const problems = planProblems(plan);
    if (problems.length > 0) throw Problems.validation(problems, 'The workshop plan cannot be scheduled as it is.');
  }
}
