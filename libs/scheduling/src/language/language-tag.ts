/**
 * When two people can talk without an interpreter. Tags are BCP 47; two tags match when they name the
 * same language written in the same script once CLDR likely subtags are added (Intl.Locale#maximize):
 * `en-GB` ↔ `en-US` and `zh` ↔ `zh-Hans` ↔ `zh-CN` match, `zh-Hans` ↔ `zh-Hant` do not (meeting
 * material is written), `ur` ↔ `hi` do not. Regions never matter.
 */

const cache = new Map<string, string | null>();

/** `language-Script` for a tag, or null when the tag is not valid BCP 47 */
export function languageKey(tag: string): string | null {
  if (cache.has(tag)) return cache.get(tag) ?? null;
  let key: string | null;
  try {
    const loc = new Intl.Locale(tag).maximize();
    key = `${loc.language}-${loc.script ?? ''}`;
  } catch {
    key = null;
  }
  cache.set(tag, key);
  return key;
}

export function isValidLanguageTag(tag: string): boolean {
  return typeof tag === 'string' && tag.length > 0 && languageKey(tag) !== null;
}

export function languagesMatch(x: string, y: string): boolean {
  const kx = languageKey(x);
  return kx !== null && kx === languageKey(y);
}

/** the first of `a`'s languages (in its order of preference) that `b` also speaks, or null */
export function sharedLanguage(a: readonly string[], b: readonly string[]): string | null {
  for (const x of a) if (b.some((y) => languagesMatch(x, y))) return x;
  return null;
}

/** whether an interpreter between `pool[0]` and `pool[1]` lets `a` and `b` talk */
export function interpreterServes(
  pool: readonly [string, string],
  a: readonly string[],
  b: readonly string[],
): boolean {
  const speaks = (langs: readonly string[], x: string) => langs.some((l) => languagesMatch(l, x));
  return (speaks(a, pool[0]) && speaks(b, pool[1])) || (speaks(a, pool[1]) && speaks(b, pool[0]));
}
