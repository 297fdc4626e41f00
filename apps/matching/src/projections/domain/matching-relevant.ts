/**
 * The fields of a catalog snapshot that the matching engine reads. An update that changes none of them
 * (a new version with only a timestamp, attachments or the quality of wording elsewhere) changes no
 * score, so it is stored without re-scoring anything.
 */
const OFFER_FIELDS = [
  'country',
  'status',
  'title',
  'summary',
  'description',
  'language',
  'sectors',
  'keywords',
  'trl',
  'cooperationModes',
  'price',
  'targetRegions',
  'validUntil',
  'publishedAt',
] as const;

const NEED_FIELDS = [
  'country',
  'status',
  'title',
  'summary',
  'description',
  'language',
  'sectors',
  'keywords',
  'minTrl',
  'cooperationModes',
  'budget',
  'region',
  'deadline',
] as const;

function pick(doc: Record<string, unknown>, fields: readonly string[]): string {
  return JSON.stringify(fields.map((f) => doc[f] ?? null));
}

export function offerMatchingFingerprint(doc: Record<string, unknown>): string {
  return pick(doc, OFFER_FIELDS);
}

export function needMatchingFingerprint(doc: Record<string, unknown>): string {
  return pick(doc, NEED_FIELDS);
}
