import { EntityManager } from 'typeorm';

/** Any constant works; every matching instance of one database uses the same one. */
const INDEX_LOCK_KEY = 748_201_301;

/**
 * Serialises the matching work that could otherwise race across instances, with one transaction-scoped
 * reader/writer lock in Postgres:
 * - an offer change takes it exclusively: it may enter or leave any need's set;
 * - scoring needs (their own events, queued re-scores) takes it shared: needs never read each other.
 * Whoever holds it next brings its index up to date from the projections (IndexSync) first, so it sees
 * every change committed before — nothing is scored against an index that is behind. A need and an
 * offer handled at once on two instances therefore always meet, in one order or the other.
 *
 * Lock order, everywhere: this lock first, then needs' own locks (`need`). An offer transaction never
 * holds a need's lock while it waits for this one, so the two kinds never deadlock each other.
 */
export const MatchingLock = {
  async exclusive(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [INDEX_LOCK_KEY]);
  },
  async shared(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock_shared($1)`, [INDEX_LOCK_KEY]);
  },
  /**
   * `shared`, then `need(needId)`, in one round trip. The subquery (kept apart by OFFSET 0) produces its
   * row — the shared lock taken — before the outer select evaluates the need's lock for that row.
   */
  async sharedThenNeed(manager: EntityManager, needId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($2, 0)) FROM (SELECT pg_advisory_xact_lock_shared($1) OFFSET 0) AS matching`, [
      INDEX_LOCK_KEY,
      needId,
    ]);
  },
  /**
   * One need's lock: whoever (re)computes its match set holds it, so its triggers (its own update, a new
   * offer's re-score, an admin re-score) apply one after the other. An advisory lock also covers a need
   * that has no row yet (a first computation racing a new offer).
   */
  async need(manager: EntityManager, needId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [needId]);
  },
};
