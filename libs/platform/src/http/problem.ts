import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, with `errors[]` naming each offending field. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'https://techbridge.dev/problems/';

/** Throw from anywhere to answer with a specific problem type. */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly problemType: string,
    readonly title: string,
    detail?: string,
    readonly errors?: FieldError[],
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title, status);
  }
}

export const Problems = {
  validation: (errors: FieldError[], detail = 'The request is not valid.') =>
    new ProblemException(HttpStatus.BAD_REQUEST, 'validation-error', 'Invalid request', detail, errors),
  notFound: (what: string) =>
    new ProblemException(HttpStatus.NOT_FOUND, 'not-found', 'Not found', `${what} was not found.`),
  conflict: (detail: string, errors?: FieldError[]) =>
    new ProblemException(HttpStatus.CONFLICT, 'conflict', 'Conflict', detail, errors),
  preconditionFailed: (detail: string) =>
    new ProblemException(HttpStatus.PRECONDITION_FAILED, 'precondition-failed', 'Precondition failed', detail),
  unauthorized: (detail = 'A valid API key is required (Authorization: Bearer <key> or X-API-Key).') =>
    new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized', 'Unauthorized', detail, undefined, {}, {
      'WWW-Authenticate': 'Bearer',
    }),
  forbidden: (detail: string) => new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', 'Forbidden', detail),
  /** Well-formed, but the business rules refuse it (422), naming the fields at fault. */
  unprocessable: (detail: string, errors?: FieldError[]) =>
    new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'unprocessable', 'Unprocessable request', detail, errors),
};
