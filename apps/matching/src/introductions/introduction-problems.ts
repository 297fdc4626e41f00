import { HttpStatus } from '@nestjs/common';
import { ProblemException, Problems } from '@techbridge/platform';
import { IntroductionRuleError } from './domain/introduction';

/** The domain's refusal as the HTTP problem (404 / 409 / 422), naming the field when there is one. */
export function toProblem(err: unknown): unknown {
  if (!(err instanceof IntroductionRuleError)) return err;
  const errors = err.field ? [{ field: err.field, message: err.message }] : undefined;
  if (err.kind === 'not-found') return new ProblemException(HttpStatus.NOT_FOUND, 'not-found', 'Not found', err.message);
  if (err.kind === 'conflict') return Problems.conflict(err.message, errors);
  return Problems.unprocessable(err.message, errors);
}

/** Runs `fn`, turning the domain's refusals into problems. */
export async function withProblems<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toProblem(err);
  }
}
