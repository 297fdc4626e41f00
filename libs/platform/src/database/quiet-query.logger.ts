import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** SQLSTATEs the services turn into 4xx answers themselves (duplicate → 409, missing reference → 404/409). */
const ANSWERED = new Set(['23505', '23503']);

/**
 * TypeORM's own logger prints a failed query with its parameters — contact emails and phone numbers
 * included — and every duplicate registration the API already answers with 409. This one logs only the
 * SQLSTATE and the statement (never the parameters), and nothing for errors the service answers itself.
 */
export class QuietQueryLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQuery(): void {
    return undefined;
  }

  logQueryError(error: string | Error, query: string): void {
    const code = typeof error === 'object' ? String((error as { code?: string }).code ?? '') : '';
    if (ANSWERED.has(code)) return;
    const message = typeof error === 'string' ? error : error.message;
    this.logger.warn(`query failed${code ? ` (SQLSTATE ${code})` : ''}: ${message} — ${query.replace(/\s+/g, ' ').slice(0, 300)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query.replace(/\s+/g, ' ').slice(0, 300)}`);
  }

  logSchemaBuild(): void {
    return undefined;
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
