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
 */
export const MatchingLock = {
  async exclusive(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [INDEX_LOCK_KEY]);
  },
  async shared(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock_shared($1)`, [INDEX_LOCK_KEY]);
  },
};
