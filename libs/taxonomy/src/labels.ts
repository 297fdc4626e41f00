export const LANGUAGES = ['en', 'zh-Hans', 'ur'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A user-visible label in every supported language. */
export type Labels = Readonly<Record<Language, string>>;

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}
