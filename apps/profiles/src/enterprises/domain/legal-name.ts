/**
 * Duplicate detection key for legal names in any script: Unicode NFKC, case-folded, with spaces and
 * punctuation removed, so "Shenzhen  Solar Co., Ltd." and "shenzhen solar co ltd" collide, and
 * "深圳光伏有限公司" is compared as written.
 */
export function normaliseLegalName(name: string): string {
  return name
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, '')
    // zero-width joiners and direction marks (typed invisibly in Urdu text)
    .replace(/\u200c|\u200d|\u200e|\u200f/g, '');
}
