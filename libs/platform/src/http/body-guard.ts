import { FieldError, PROBLEM_TYPE_BASE } from './problem';

/** Deeper JSON than any of our request shapes needs; deeper bodies are refused before validation. */
export const MAX_JSON_DEPTH = 32;
/** Names that reach for an object's prototype: never a field of ours (Fastify refuses only some forms). */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain the NUL character';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (it contains a lone surrogate)';
  return null;
}

/**
 * What no handler can store, found before validation: nesting deeper than MAX_JSON_DEPTH (class-
 * transformer would recurse into it), strings with NUL (Postgres refuses them in text) or lone
 * surrogates (not valid UTF-8), and prototype keys (`__proto__`, `constructor`, `prototype`), which
 * class-transformer drops silently instead of letting forbidNonWhitelisted refuse them. Walks iteratively, so a hostile depth cannot overflow the stack here.
 */
export function inputProblems(root: unknown, rootPath = ''): FieldError[] {
  const problems: FieldError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: rootPath, depth: 0 }];
  while (stack.length > 0 && problems.length < 20) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const p = textProblem(value);
      if (p) problems.push({ field: path || 'body', message: `${path || 'body'} ${p}` });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      problems.push({ field: rootPath || 'body', message: `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep` });
      break;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: `${path}[${i}]`, depth: depth + 1 }));
    } else {
      for (const [k, v] of Object.entries(value)) {
        const keyProblem = textProblem(k);
        const field = path ? `${path}.${k}` : k;
        if (keyProblem) problems.push({ field: path || 'body', message: `a field name ${keyProblem}` });
        else if (PROTOTYPE_KEYS.has(k)) problems.push({ field, message: `"${k}" is not an allowed field name` });
        else stack.push({ value: v, path: field, depth: depth + 1 });
      }
    }
  }
  return problems;
}

/** The problem+json body for those findings (the hook answers before Nest sees the request). */
export function inputProblemBody(errors: FieldError[]) {
  return { type: `${PROBLEM_TYPE_BASE}validation-error`, title: 'Invalid request', status: 400, detail: 'The request is not valid.', errors };
}
