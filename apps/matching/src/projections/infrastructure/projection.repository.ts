import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NeedDoc, OfferDoc } from '@techbridge/matching-core';

export type ProjectionKind = 'offer' | 'need';
const TABLE: Record<ProjectionKind, string> = { offer: 'offer_projections', need: 'need_projections' };

export interface ProjectionChange {
  kind: ProjectionKind;
  id: string;
  version: number;
}

export interface ProjectionChanges {
  /** The horizon to look from next time (see horizon()), of the same snapshot as the changes. */
  horizon: string;
  changes: ProjectionChange[];
}

export interface Replaced<D> {
  /** false: what is stored is as new or newer ("stale, nothing to do"). */
  saved: boolean;
  /** The snapshot stored before, when there was one (the row is locked for this transaction). */
  previous?: D;
}

/** matching's copy of catalog's offers and needs (any status), shared by every matching instance. */
@Injectable()
export class ProjectionRepository {
  /**
   * Stores the snapshot if it is newer than the stored one, and returns the one stored before: one
   * round trip. The stored row is read in FROM, so it is locked before the upsert (in the select list)
   * runs; both see the statement's snapshot, so `previous` is what was stored before this change. (A
   * row another transaction inserted and committed after that snapshot is not seen as `previous`: the
   * caller then recomputes, which is always correct.)
   */
  async replace<D extends OfferDoc | NeedDoc>(manager: EntityManager, kind: ProjectionKind, doc: D): Promise<Replaced<D>> {
    const table = TABLE[kind];
    const [row]: { previous: D | null; saved: number }[] = await manager.query(
      `WITH prev AS (SELECT snapshot FROM ${table} WHERE id = $1 FOR UPDATE),
       up AS (
         INSERT INTO ${table} (id, enterprise_id, version, status, snapshot, changed_xid)
         VALUES ($1, $2, $3, $4, $5, pg_current_xact_id())
         ON CONFLICT (id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id, version = EXCLUDED.version,
           status = EXCLUDED.status, snapshot = EXCLUDED.snapshot, changed_xid = EXCLUDED.changed_xid
         WHERE ${table}.version < EXCLUDED.version
         RETURNING id)
       SELECT prev.snapshot AS previous, (SELECT count(*)::int FROM up) AS saved FROM (SELECT 1) AS one LEFT JOIN prev ON true`,
      [doc.id, doc.enterpriseId, doc.version, doc.status, JSON.stringify(doc)],
    );
    return { saved: row.saved > 0, ...(row.previous ? { previous: row.previous } : {}) };
  }

  /**
   * The horizon (see horizon()) and the ids and versions of rows changed by transactions from `horizon` on
   * (committed ones are visible), of one snapshot, in one round trip, leaving out the rows this
   * transaction changed itself (the caller applied those to its index as it wrote them).
   */
  async changesSince(manager: EntityManager, horizon: string): Promise<ProjectionChanges> {
    const rows: { horizon: string; kind: ProjectionKind | null; id: string | null; version: number | null }[] = await manager.query(
      `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon, c.kind, c.id, c.version
       FROM (SELECT 1) AS one LEFT JOIN (
         SELECT 'offer' AS kind, id, version FROM offer_projections
          WHERE changed_xid >= $1::xid8 AND changed_xid IS DISTINCT FROM pg_current_xact_id_if_assigned()
         UNION ALL
         SELECT 'need' AS kind, id, version FROM need_projections
          WHERE changed_xid >= $1::xid8 AND changed_xid IS DISTINCT FROM pg_current_xact_id_if_assigned()
       ) AS c ON true`,
      [horizon],
    );
    return {
      horizon: rows[0].horizon,
      changes: rows.filter((r) => r.kind !== null).map((r) => ({ kind: r.kind!, id: r.id!, version: r.version! })),
    };
  }

  /** The oldest transaction still running: every change by an older one is committed (or gone). */
  async horizon(manager: EntityManager): Promise<string> {
    const [{ xmin }] = await manager.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`);
    return xmin;
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
