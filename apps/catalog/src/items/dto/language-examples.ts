/** OpenAPI request-body examples keyed by the platform's languages (`en`, `zh-Hans`, `ur`). */
export type LanguageExamples = Record<
  'en' | 'zh-Hans' | 'ur',
  { summary: string; value: Record<string, unknown> }
>;
