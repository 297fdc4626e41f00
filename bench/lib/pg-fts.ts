/**
 * The Postgres full-text-search baseline: offers in a table with a weighted 'simple' tsvector
 * (title + keywords = A, summary = B, description = C), a GIN index, and a top-20 query whose
 * tsquery is the OR of the need text's distinct 'simple' lexemes — i.e. the OR of
 * plainto_tsquery('simple', w) over the words w of the need — under the engine's hard filters
 * (counterpart country, published, at least one common cooperation mode).
 */
import { Client } from 'pg';
import type { NeedDoc, OfferDoc } from '@techbridge/matching-core';

export type RankFn = 'ts_rank' | 'ts_rank_norm1' | 'ts_rank_cd';

const RANK_SQL: Record<RankFn, string> = {
  ts_rank: 'ts_rank(o.tsv, q.q)',
  ts_rank_norm1: 'ts_rank(o.tsv, q.q, 1)',
  ts_rank_cd: 'ts_rank_cd(o.tsv, q.q)',
};

export const RANK_LABEL: Record<RankFn, string> = {
  ts_rank: 'ts_rank(tsv, q) (default normalisation 0)',
  ts_rank_norm1: 'ts_rank(tsv, q, 1) (divided by 1 + log(document length))',
  ts_rank_cd: 'ts_rank_cd(tsv, q) (cover density)',
};

export async function createFtsTable(c: Client, table: string): Promise<void> {
  await c.query(`DROP TABLE IF EXISTS ${table}`);
  await c.query(`
    CREATE TABLE ${table} (
      id text PRIMARY KEY,
      country char(2) NOT NULL,
      status text NOT NULL,
      cooperation_modes text[] NOT NULL,
      title text NOT NULL,
      summary text NOT NULL,
      description text NOT NULL,
      keywords_text text NOT NULL,
      tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title), 'A') ||
        setweight(to_tsvector('simple', keywords_text), 'A') ||
        setweight(to_tsvector('simple', summary), 'B') ||
        setweight(to_tsvector('simple', description), 'C')
      ) STORED
    )`);
}

/** Bulk insert (unnest of arrays, 2,000 rows per statement), then the GIN index and ANALYZE. */
export async function loadOffers(c: Client, table: string, offers: OfferDoc[]): Promise<void> {
  const B = 2000;
  for (let i = 0; i < offers.length; i += B) {
    const chunk = offers.slice(i, i + B);
    await c.query(
      `INSERT INTO ${table} (id, country, status, cooperation_modes, title, summary, description, keywords_text)
       SELECT id, country, status, string_to_array(modes, ','), title, summary, description, kw
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         AS t(id, country, status, modes, title, summary, description, kw)`,
      [
        chunk.map((o) => o.id),
        chunk.map((o) => o.country),
        chunk.map((o) => o.status),
        chunk.map((o) => o.cooperationModes.join(',')),
        chunk.map((o) => o.title),
        chunk.map((o) => o.summary),
        chunk.map((o) => o.description),
        chunk.map((o) => (o.keywords ?? []).join(' ')),
      ],
    );
  }
  await c.query(`CREATE INDEX ${table}_tsv_gin ON ${table} USING gin (tsv)`);
  await c.query(`ANALYZE ${table}`);
}

export function needText(n: NeedDoc): string {
  return [n.title, n.summary, n.description, ...(n.keywords ?? [])].join(' ');
}

/** Top-`limit` offer ids for a need; the tsquery is built inside the statement from the need text. */
export function topQuery(table: string, rank: RankFn = 'ts_rank', limit = 20): string {
  return `
    WITH q AS (
      SELECT array_to_string(array(
        SELECT quote_literal(l) FROM unnest(tsvector_to_array(to_tsvector('simple', $1))) AS l
      ), ' | ')::tsquery AS q
    )
    SELECT o.id FROM ${table} o, q
    WHERE o.tsv @@ q.q AND o.status = 'published' AND o.country <> $2 AND o.cooperation_modes && $3::text[]
    ORDER BY ${RANK_SQL[rank]} DESC, o.id
    LIMIT ${limit}`;
}

export async function rankNeed(
  c: Client,
  table: string,
  need: NeedDoc,
  rank: RankFn = 'ts_rank',
  name?: string,
): Promise<string[]> {
  const res = await c.query({
    name,
    text: topQuery(table, rank),
    values: [needText(need), need.country, need.cooperationModes],
  });
  return res.rows.map((r: { id: string }) => r.id);
}

export interface FtsLatency {
  /** seconds to create the table, load the offers and build the GIN index */
  loadSeconds: number;
  queries: number;
  /** mean rows returned per query */
  meanRows: number;
  times: number[];
}

/**
 * Postgres full-text search as the baseline engine: loads `offers` into `table`, answers `warmup`
 * needs untimed and then each of `measured` with the top-20 query, timing each round trip; drops the
 * table afterwards.
 */
export async function measureFts(
  c: Client,
  table: string,
  offers: OfferDoc[],
  warmup: NeedDoc[],
  measured: NeedDoc[],
  /** called after each measured query (the bench's progress bar) */
  onQuery?: () => void,
): Promise<FtsLatency> {
  const t0 = performance.now();
  await createFtsTable(c, table);
  await loadOffers(c, table, offers);
  const loadSeconds = (performance.now() - t0) / 1000;
  const stmt = `fts_top20_${table}`;
  try {
    for (const nd of warmup) await rankNeed(c, table, nd, 'ts_rank', stmt);
    const times: number[] = [];
    let rows = 0;
    for (const nd of measured) {
      const t = performance.now();
      rows += (await rankNeed(c, table, nd, 'ts_rank', stmt)).length;
      times.push(performance.now() - t);
      onQuery?.();
    }
    return { loadSeconds, queries: measured.length, meanRows: rows / Math.max(1, measured.length), times };
  } finally {
    await c.query(`DEALLOCATE ${stmt}`).catch(() => undefined);
    await c.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
