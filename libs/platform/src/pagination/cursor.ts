import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Problems } from '../http/problem';

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
  @Type(() => Number)
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

export function decodeCursor(cursor: string | undefined): { k: string | number; id: string } | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (typeof parsed?.id === 'string' && (typeof parsed.k === 'string' || typeof parsed.k === 'number')) return parsed;
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
