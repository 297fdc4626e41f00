import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NeedDoc, OfferDoc } from '@techbridge/matching-core';

export type ProjectionKind = 'offer' | 'need';
const TABLE: Record<ProjectionKind, string> = { offer: 'offer_projections', need: 'need_projections' };

export interface StoredProjection<D> {
  version: number;
  snapshot: D;
}

export interface ProjectionChange {
  kind: ProjectionKind;
  id: string;
  version: number;
}

/** matching's copy of catalog's offers and needs (any status), shared by every matching instance. */
@Injectable()
export class ProjectionRepository {
  /** The stored snapshot, locked for this transaction (the caller is about to replace it). */
  async current<D extends OfferDoc | NeedDoc>(manager: EntityManager, kind: ProjectionKind, id: string): Promise<StoredProjection<D> | undefined> {
    const rows = await manager.query(`SELECT version, snapshot FROM ${TABLE[kind]} WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0];
  }

  /** Stores the snapshot if it is newer than the stored one; false means "stale, nothing to do". */
  async save(manager: EntityManager, kind: ProjectionKind, doc: OfferDoc | NeedDoc): Promise<boolean> {
    const table = TABLE[kind];
    const rows = await manager.query(
      `INSERT INTO ${table} (id, enterprise_id, version, status, snapshot, changed_xid)
       VALUES ($1, $2, $3, $4, $5, pg_current_xact_id())
       ON CONFLICT (id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id, version = EXCLUDED.version,
         status = EXCLUDED.status, snapshot = EXCLUDED.snapshot, changed_xid = EXCLUDED.changed_xid
       WHERE ${table}.version < EXCLUDED.version
       RETURNING id`,
      [doc.id, doc.enterpriseId, doc.version, doc.status, JSON.stringify(doc)],
    );
    return rows.length > 0;
  }

  /** The oldest transaction still running: every change by an older one is committed (or gone). */
  async horizon(manager: EntityManager): Promise<string> {
    const [{ xmin }] = await manager.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`);
    return xmin;
  }

  /** Ids and versions of rows changed by transactions from `horizon` on (committed ones are visible). */
  async changedSince(manager: EntityManager, horizon: string): Promise<ProjectionChange[]> {
    const rows: { kind: ProjectionKind; id: string; version: number }[] = await manager.query(
      `SELECT 'offer' AS kind, id, version FROM offer_projections WHERE changed_xid >= $1::xid8
       UNION ALL
       SELECT 'need' AS kind, id, version FROM need_projections WHERE changed_xid >= $1::xid8`,
      [horizon],
    );
    return rows;
  }

  async snapshots<D>(manager: EntityManager, kind: ProjectionKind, ids: string[]): Promise<D[]> {
    if (ids.length === 0) return [];
    const rows = await manager.query(`SELECT snapshot FROM ${TABLE[kind]} WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map((r: { snapshot: D }) => r.snapshot);
  }

  async published<D>(manager: EntityManager, kind: ProjectionKind): Promise<D[]> {
    const rows = await manager.query(`SELECT snapshot FROM ${TABLE[kind]} WHERE status = 'published'`);
    return rows.map((r: { snapshot: D }) => r.snapshot);
  }
}
