import { rectifyConfusion } from 'unicode-confusables';

/**
 * Duplicate detection key for legal names in any script, so that a squatter cannot register a name
 * that only looks different:
 * - Unicode NFKC and case-folded, with spaces and punctuation removed ("Shenzhen  Solar Co., Ltd." =
 *   "shenzhen solar co ltd"; "深圳光伏有限公司" is compared as written);
 * - format characters removed (zero-width space U+200B, soft hyphen U+00AD, word joiner U+2060,
 *   direction overrides U+202E, zero-width (non-)joiners typed in Urdu text — all general category Cf);
 * - reduced to its confusable skeleton (Unicode TR39, data of unicode-confusables from the Unicode
 *   Consortium's confusables.txt): Cyrillic "а" and Latin "a", Arabic "ي" and Urdu "ی" collide.
 */
export function normaliseLegalName(name: string): string {
  const folded = name
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, '');
  return rectifyConfusion(folded.normalize('NFD')).normalize('NFD');
}
