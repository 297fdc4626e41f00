/**
 * What every answer to hostile input must satisfy (issue 13), as pure functions over status, headers
 * and body: each returns the list of what is wrong (empty when the answer is fine).
 */

const STACK_TRACE =
  /\n\s+at \S.*\(?[^\s()]+\.(?:ts|js|mjs|cjs):\d+:\d+\)?|node_modules[\\/]|\b(?:TypeError|ReferenceError|RangeError|QueryFailedError|EntityNotFound)\b/;
const SQL_TEXT =
  /\b(?:SELECT\s[\s\S]{0,200}?\sFROM|INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM)\b|\bsyntax error at or near\b|\bviolates (?:unique|foreign key|not-null|check) constraint\b|\bduplicate key value\b|\brelation "[^"]+"|\bcolumn "[^"]+"|\bpg_catalog\b/i;

/** Whether `errors[]` names `field`, a field below it or one above it (`price` for `price.min`). */
export function namesField(errors: unknown, field: string): boolean {
  if (!Array.isArray(errors)) return false;
  return errors.some((e) => {
    const f = typeof e?.field === 'string' ? e.field : '';
    return (
      f === field ||
      f.startsWith(`${field}.`) ||
      f.startsWith(`${field}[`) ||
      field.startsWith(`${f}.`) ||
      field.startsWith(`${f}[`)
    );
  });
}

/** A 4xx must be an RFC 9457 problem (`application/problem+json`, matching status); a 400 names `field`. */
export function problemFailures(
  status: number,
  contentType: string | null,
  json: any,
  field?: string,
): string[] {
  if (status < 400 || status >= 500) return [];
  const out: string[] = [];
  if (!/^application\/problem\+json\b/.test(contentType ?? ''))
    out.push(`${status} with Content-Type ${contentType ?? '(none)'}, not application/problem+json`);
  if (!json || typeof json !== 'object') return [...out, `${status} without a JSON problem body`];
  if (json.status !== status) out.push(`problem body status ${json.status} ≠ ${status}`);
  if (typeof json.title !== 'string' || typeof json.type !== 'string')
    out.push('problem body without type/title');
  if (status === 400 || status === 413) {
    if (
      !Array.isArray(json.errors) ||
      json.errors.length === 0 ||
      json.errors.some((e: any) => typeof e?.field !== 'string' || !e.field)
    ) {
      out.push(`${status} problem without errors[] naming a field`);
    } else if (
      field &&
      status === 400 &&
      !namesField(json.errors, field) &&
      !namesField(json.errors, 'body')
    ) {
      out.push(`400 problem names ${json.errors.map((e: any) => e.field).join(', ')}, not ${field}`);
    }
  }
  return out;
}

/**
 * An error body never shows a stack trace, SQL text or an API key (any of `secrets`). The client's own
 * input (`echoed`, e.g. an SQL payload quoted back in "unknown time zone …") is not a leak.
 */
export function leakFailures(status: number, body: string, secrets: string[], echoed?: string): string[] {
  if (status < 400) return [];
  const text = echoed
    ? body.split(JSON.stringify(echoed).slice(1, -1)).join('…').split(echoed).join('…')
    : body;
  const out: string[] = [];
  if (STACK_TRACE.test(text))
    out.push(`error body shows a stack trace or internal error name: ${text.slice(0, 200)}`);
  if (SQL_TEXT.test(text)) out.push(`error body shows SQL: ${text.slice(0, 200)}`);
  for (const s of secrets) if (s && text.includes(s)) out.push('error body contains an API key');
  return out;
}

/** The value at a dotted/indexed field path (`venues[0].city.en`) of a parsed body. */
export function valueAt(json: unknown, field: string): unknown {
  let cur: any = json;
  for (const seg of field.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[seg];
  }
  return cur;
}
