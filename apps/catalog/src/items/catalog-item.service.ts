import { HttpStatus } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, isOwnerOrAdmin } from '@techbridge/auth';
import { createEnvelope, sourceOf } from '@techbridge/contracts';
import { OutboxPublisher } from '@techbridge/messaging';
import { Page, ProblemException, Problems, decodeCursor, toPage } from '@techbridge/platform';
import { KnownEnterprises } from '../enterprises/known-enterprises';
import { ItemAction, LifecycleError, isAnnounced, transition } from './domain/item-lifecycle';
import { CatalogItemDto } from './dto/catalog-item.dto';
import { ItemSort, ListItemsQuery } from './dto/list-items.query';
import { CatalogItemEntity } from './infrastructure/catalog-item.entity';
import { ItemKind } from './item-kind';

export interface ItemResult {
  view: Record<string, unknown>;
  etag: string;
}

const PUBLICLY_VISIBLE = new Set(['published', 'expired', 'closed']);

const SORT_COLUMNS: Record<ItemSort, { column: 'created_at' | 'updated_at'; dir: 'ASC' | 'DESC' }> = {
  '-createdAt': { column: 'created_at', dir: 'DESC' },
  createdAt: { column: 'created_at', dir: 'ASC' },
  '-updatedAt': { column: 'updated_at', dir: 'DESC' },
  updatedAt: { column: 'updated_at', dir: 'ASC' },
};

export function etagOf(version: number): string {
  return `"v${version}"`;
}

/**
 * Everything offers and needs share: ownership (someone else's draft is a 404), optimistic concurrency
 * (If-Match → 412), the lifecycle state machine (illegal transition → 409), and the events — each
 * state change and its outbox row in one transaction.
 */
export class CatalogItemService<E extends CatalogItemEntity, C extends CatalogItemDto, U> {
  constructor(
    private readonly kind: ItemKind<E, C, U>,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly enterprises: KnownEnterprises,
  ) {}

  async create(principal: Principal, dto: C, publish: boolean): Promise<ItemResult> {
    if (principal.role !== 'enterprise') {
      throw Problems.forbidden(`Only enterprises publish ${this.kind.name}s; use an enterprise API key.`);
    }
    // Cached; right after registering, the key may reach catalog a moment before the enterprise does.
    const owner = await this.enterprises.find(principal.id);
    if (!owner || owner.status !== 'active') {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'enterprise-not-active',
        'Enterprise not active',
        'Your enterprise is deactivated or not yet known to the catalog; it cannot publish.',
      );
    }
    const item = this.dataSource.manager.create(this.kind.entity);
    const now = new Date();
    Object.assign(item, {
      id: randomUUID(),
      enterpriseId: owner.enterpriseId,
      country: owner.country,
      status: publish ? 'published' : 'draft',
      version: 1,
      publishedAt: publish ? now : null,
      attachments: [],
      keywords: [],
    });
    this.applyCommon(item, dto);
    this.kind.applySpecific(item, dto, true);
    Object.assign(item, { createdAt: now, updatedAt: now });
    // A create reads nothing it changes, so the row and its event go in ONE statement — one round trip,
    // atomic without BEGIN / COMMIT (OutboxPublisher.publishWith). This is the hot write path.
    const [sql, params] = this.dataSource
      .createQueryBuilder()
      .insert()
      .into(this.kind.entity)
      .values(item as any)
      .updateEntity(false)
      .getQueryAndParameters();
    if (publish) {
      await this.outbox.publishWith(
        this.dataSource,
        { sql, params },
        this.kind.topic,
        this.envelope(item, this.kind.events.published),
      );
    } else {
      await this.dataSource.query(sql, params);
    }
    return this.result(item);
  }

  async get(principal: Principal | null, id: string): Promise<ItemResult> {
    const item = await this.dataSource.getRepository(this.kind.entity).findOneBy({ id } as any);
    if (!item || (!PUBLICLY_VISIBLE.has(item.status) && !isOwnerOrAdmin(principal, item.enterpriseId))) {
      throw Problems.notFound(`${this.kind.label} ${id}`);
    }
    return this.result(item);
  }

  update(principal: Principal, id: string, dto: Partial<C> & U, ifMatch?: string): Promise<ItemResult> {
    return this.change(principal, id, 'edit', ifMatch, (item) => {
      this.applyCommon(item, dto);
      this.kind.applySpecific(item, dto, false);
      return item.status === 'published' ? this.kind.events.updated : null;
    });
  }

  publish(principal: Principal, id: string, ifMatch?: string): Promise<ItemResult> {
    return this.change(principal, id, 'publish', ifMatch, (item) => {
      item.publishedAt = new Date();
      return this.kind.events.published;
    });
  }

  withdraw(principal: Principal, id: string, ifMatch?: string): Promise<ItemResult> {
    return this.change(principal, id, 'withdraw', ifMatch, (_item, from) =>
      isAnnounced(from) ? this.kind.events.withdrawn : null,
    );
  }

  close(principal: Principal, id: string, ifMatch?: string): Promise<ItemResult> {
    return this.change(principal, id, 'close', ifMatch, () => this.kind.events.closed);
  }

  async list(principal: Principal | null, q: ListItemsQuery): Promise<Page<Record<string, unknown>>> {
    const limit = q.limit ?? 20;
    const sort = SORT_COLUMNS[q.sort ?? '-createdAt'];
    const qb = this.dataSource
      .getRepository(this.kind.entity)
      .createQueryBuilder('i')
      .orderBy(`i.${sort.column}`, sort.dir)
      .addOrderBy('i.id', sort.dir)
      .limit(limit + 1);
    const status = q.status ?? (q.mine ? undefined : 'published');
    if (status) qb.andWhere('i.status = :status', { status });
    if (q.mine || (status && status !== 'published')) {
      // Anything but the public listing shows the caller's own items only.
      if (!principal)
        throw Problems.unauthorized('Listing your own or unpublished items needs your API key.');
      if (principal.role !== 'admin') qb.andWhere('i.enterprise_id = :owner', { owner: principal.id });
    }
    if (q.country) qb.andWhere('i.country = :country', { country: q.country });
    if (q.sector) {
      qb.andWhere(`EXISTS (SELECT 1 FROM unnest(i.sectors) s WHERE s = :sector OR s LIKE :prefix)`, {
        sector: q.sector,
        prefix: `${q.sector}/%`,
      });
    }
    if (q.trlMin) qb.andWhere(`i.${this.kind.trlColumn} >= :trlMin`, { trlMin: q.trlMin });
    if (q.trlMax) qb.andWhere(`i.${this.kind.trlColumn} <= :trlMax`, { trlMax: q.trlMax });
    if (q.mode) qb.andWhere(':mode = ANY(i.cooperation_modes)', { mode: q.mode });
    if (q.language) qb.andWhere('i.language = :language', { language: q.language });
    if (q.region) qb.andWhere(this.kind.regionCondition, { region: q.region });
    if (q.q) {
      const like = `%${q.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        `(i.title ILIKE :like OR i.summary ILIKE :like OR EXISTS (SELECT 1 FROM unnest(i.keywords) k WHERE k ILIKE :like))`,
        { like },
      );
    }
    const cursor = decodeCursor(q.cursor);
    if (cursor) {
      const op = sort.dir === 'DESC' ? '<' : '>';
      qb.andWhere(`(i.${sort.column}, i.id) ${op} (:k::timestamptz, :id::uuid)`, {
        k: cursor.k,
        id: cursor.id,
      });
    }
    const rows = await qb.getMany();
    const key = sort.column === 'created_at' ? 'createdAt' : 'updatedAt';
    return toPage(
      rows,
      limit,
      (r) => this.kind.toView(r),
      (r) => ({ k: (r[key] as Date).toISOString(), id: r.id }),
    );
  }

  /**
   * Expires live items whose date has passed, each with its event. SKIP LOCKED lets several instances
   * run the job at once without expiring (or announcing) anything twice.
   */
  async expireDue(batchSize = 200): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due: E[] = await manager
        .getRepository(this.kind.entity)
        .createQueryBuilder('i')
        .where(`i.status = 'published' AND i.${this.kind.expiryColumn} <= now()`)
        .orderBy(`i.${this.kind.expiryColumn}`)
        .limit(batchSize)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const item of due) {
        item.status = transition(item.status, 'expire');
        item.version += 1;
        await manager.save(item);
        await this.announce(manager, item, this.kind.events.expired);
      }
      return due.length;
    });
  }

  /** An enterprise was deactivated: its live and draft items are withdrawn (published ones announced). */
  async withdrawAllOf(manager: EntityManager, enterpriseId: string): Promise<number> {
    const items: E[] = await manager
      .getRepository(this.kind.entity)
      .createQueryBuilder('i')
      .where(`i.enterprise_id = :enterpriseId AND i.status IN ('draft', 'published')`, { enterpriseId })
      .setLock('pessimistic_write')
      .getMany();
    for (const item of items) {
      const from = item.status;
      item.status = transition(from, 'withdraw');
      item.version += 1;
      await manager.save(item);
      if (isAnnounced(from)) await this.announce(manager, item, this.kind.events.withdrawn);
    }
    return items.length;
  }

  private async change(
    principal: Principal,
    id: string,
    action: ItemAction,
    ifMatch: string | undefined,
    mutate: (item: E, from: E['status']) => string | null,
  ): Promise<ItemResult> {
    return this.dataSource.transaction(async (manager) => {
      const item = await manager
        .getRepository(this.kind.entity)
        .createQueryBuilder('i')
        .where('i.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      // Only the owner changes an item; for anyone else it does not exist.
      if (!item || item.enterpriseId !== principal.id) throw Problems.notFound(`${this.kind.label} ${id}`);
      if (ifMatch !== undefined && !etagMatches(ifMatch, item.version)) {
        throw Problems.preconditionFailed(
          `${this.kind.label} ${id} is at version ${item.version} (ETag ${etagOf(item.version)}); reload it and apply your change again.`,
        );
      }
      const from = item.status;
      const before = action === 'edit' ? this.contentOf(item) : undefined;
      try {
        item.status = transition(from, action);
      } catch (err) {
        if (err instanceof LifecycleError)
          throw Problems.conflict(`Cannot ${action} a ${from} ${this.kind.name}.`);
        throw err;
      }
      const eventType = mutate(item, from);
      // An edit that changes nothing (`{}`, or the same values again) is not a new version: no event,
      // no re-matching anywhere, the same ETag.
      if (before !== undefined && before === this.contentOf(item)) return this.result(item);
      item.version += 1;
      await manager.save(item);
      if (eventType) await this.announce(manager, item, eventType);
      return this.result(item);
    });
  }

  /** Everything an item says, without its bookkeeping (version, timestamps). */
  private contentOf(item: E): string {
    const { version: _v, updatedAt: _u, ...content } = this.kind.toSnapshot(item) as Record<string, unknown>;
    return JSON.stringify({ ...content, attachments: item.attachments });
  }

  private applyCommon(item: E, dto: Partial<CatalogItemDto>): void {
    if (dto.title !== undefined) item.title = dto.title.trim();
    if (dto.summary !== undefined) item.summary = dto.summary.trim();
    if (dto.description !== undefined) item.description = dto.description.trim();
    if (dto.language !== undefined) item.language = dto.language;
    if (dto.sectors !== undefined) item.sectors = dto.sectors;
    if (dto.keywords !== undefined) item.keywords = [...new Set(dto.keywords.map((k) => k.trim()))];
    if (dto.cooperationModes !== undefined) item.cooperationModes = dto.cooperationModes;
    if (dto.attachments !== undefined)
      item.attachments = dto.attachments.map((a) => ({ title: a.title, url: a.url }));
  }

  private announce(manager: EntityManager, item: E, type: string): Promise<void> {
    return this.outbox.publish(manager, this.kind.topic, this.envelope(item, type));
  }

  private envelope(item: E, type: string) {
    return createEnvelope({
      type,
      source: sourceOf('catalog'),
      subject: item.id,
      data: this.kind.toSnapshot(item),
    });
  }

  private result(item: E): ItemResult {
    return {
      view: { ...this.kind.toView(item), quality: this.kind.quality(item) },
      etag: etagOf(item.version),
    };
  }
}

function etagMatches(header: string, version: number): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etagOf(version));
}
