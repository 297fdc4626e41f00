import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Problems } from '../http/problem';
import { QueryInteger } from '../validation/query-integer';

export const MAX_PAGE_SIZE = 100;

/** `?cursor=&limit=`: opaque cursor, limit 1..100 (default 20). */
export class PageQueryDto {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page (nextCursor).' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset cursor: the sort key and id of the last row served, base64url JSON. */
export function encodeCursor(position: { k: string | number; id: string }): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

/** What the list sorts by: a timestamp (created/updated at) or a number (score, rank). */
export type CursorKey = 'timestamp' | 'number';

/**
 * Reads a cursor this API issued. A cursor that is not base64url JSON of `{k, id}` with `id` a UUID and
 * `k` of the list's key kind is a 400 naming `cursor` — never a query that fails in the database.
 */
export function decodeCursor(cursor: string | undefined, key: CursorKey = 'timestamp'): { k: string | number; id: string } | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    const idOk = typeof parsed?.id === 'string' && UUID.test(parsed.id);
    const kOk =
      key === 'number'
        ? typeof parsed?.k === 'number' && Number.isFinite(parsed.k)
        : typeof parsed?.k === 'string' && ISO_TIMESTAMP.test(parsed.k) && Number.isFinite(Date.parse(parsed.k));
    if (idOk && kOk) return { k: parsed.k, id: parsed.id };
  } catch {
    // fall through to the problem below
  }
  throw Problems.validation([{ field: 'cursor', message: 'cursor is not one this API issued' }]);
}

/** Fetch `limit + 1` rows; this trims the extra one and builds the next cursor from the last served row. */
export function toPage<R, T>(rows: R[], limit: number, map: (r: R) => T, position: (r: R) => { k: string | number; id: string }): Page<T> {
  const hasMore = rows.length > limit;
  const served = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: served.map(map),
    nextCursor: hasMore ? encodeCursor(position(served[served.length - 1])) : null,
  };
}
