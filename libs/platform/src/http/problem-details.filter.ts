import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { isDependencyOutage } from '../errors/dependency-outage';
import { PROBLEM_TYPE_BASE, ProblemDetails, ProblemException } from './problem';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  503: 'Service unavailable',
};

/**
 * Every error leaves as `application/problem+json` (RFC 9457). Database outages become 503 with
 * Retry-After (the client can try again), never a 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<{ url?: string; method?: string }>();
    const reply = ctx.getResponse<any>();
    const { problem, headers } = this.toProblem(exception);
    problem.instance = request?.url;
    reply.header('content-type', 'application/problem+json; charset=utf-8');
    for (const [k, v] of Object.entries(headers)) reply.header(k, v);
    reply.status(problem.status).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): { problem: ProblemDetails; headers: Record<string, string> } {
    if (exception instanceof ProblemException) {
      return {
        problem: {
          type: PROBLEM_TYPE_BASE + exception.problemType,
          title: exception.title,
          status: exception.getStatus(),
          detail: exception.message,
          ...(exception.errors ? { errors: exception.errors } : {}),
          ...exception.extensions,
        },
        headers: exception.headers,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse() as any;
      const detail =
        typeof body === 'string'
          ? body
          : Array.isArray(body?.message)
            ? body.message.join('; ')
            : body?.message;
      // Body-level rejections (malformed JSON, wrong media type, too large) name the body as the field.
      const bodyLevel = [400, 413, 415].includes(status)
        ? { errors: [{ field: 'body', message: String(detail) }] }
        : {};
      return {
        problem: {
          type: `${PROBLEM_TYPE_BASE}http-${status}`,
          title: TITLES[status] ?? 'Error',
          status,
          detail,
          ...bodyLevel,
        },
        headers: status === 429 ? { 'retry-after': '60' } : {},
      };
    }
    const fastify = this.fromFastifyError(exception);
    if (fastify) return { problem: fastify, headers: {} };
    if (isDependencyOutage(exception)) {
      this.logger.warn(`dependency unavailable: ${outageSummary(exception)}`);
      return {
        problem: {
          type: `${PROBLEM_TYPE_BASE}service-unavailable`,
          title: TITLES[503],
          status: 503,
          detail: 'A backing service is temporarily unavailable; retry after the indicated delay.',
        },
        headers: { 'retry-after': '5' },
      };
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return {
      problem: {
        type: `${PROBLEM_TYPE_BASE}internal`,
        title: 'Internal error',
        status: HttpStatus.INTERNAL_SERVER_ERROR,
      },
      headers: {},
    };
  }

  /** Fastify rejects some requests before Nest sees them (body too large, bad JSON, wrong media type). */
  private fromFastifyError(exception: unknown): ProblemDetails | undefined {
    const e = exception as { code?: string; statusCode?: number; message?: string };
    if (!e?.code?.startsWith('FST_') || !e.statusCode || e.statusCode >= 500) return undefined;
    const status = e.statusCode;
    const field =
      e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.code.startsWith('FST_ERR_CTP') ? 'body' : undefined;
    return {
      type: `${PROBLEM_TYPE_BASE}http-${status}`,
      title: TITLES[status] ?? 'Bad request',
      status,
      detail: e.message,
      ...(field ? { errors: [{ field, message: e.message ?? 'invalid body' }] } : {}),
    };
  }
}

/**
 * One line for the log about an outage: the error's message, else its code or class name. Never the whole
 * object (a driver error can carry the failed query's parameters, contact details included).
 */
export function outageSummary(exception: unknown): string {
  const e = exception as
    { message?: unknown; code?: unknown; constructor?: { name?: string } } | null | undefined;
  if (typeof e?.message === 'string' && e.message) return e.message;
  if (typeof e?.code === 'string' && e.code) return e.code;
  if (typeof exception === 'string') return exception;
  return e?.constructor?.name && e.constructor.name !== 'Object' ? e.constructor.name : 'unknown error';
}
