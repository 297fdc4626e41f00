import { interpreterServes, isValidLanguageTag, languagesMatch, sharedLanguage } from './language-tag';

describe('language matching', () => {
  it('matches a language in the same script, whatever the region', () => {
    expect(languagesMatch('zh', 'zh-Hans')).toBe(true);
    expect(languagesMatch('zh-CN', 'zh-Hans')).toBe(true);
    expect(languagesMatch('en-GB', 'en-US')).toBe(true);
    expect(languagesMatch('ur-PK', 'ur')).toBe(true);
  });

  it('keeps scripts and languages apart', () => {
    expect(languagesMatch('zh-Hans', 'zh-Hant')).toBe(false);
    expect(languagesMatch('zh-TW', 'zh-CN')).toBe(false);
    expect(languagesMatch('ur', 'hi')).toBe(false);
    expect(languagesMatch('not a tag!', 'not a tag!')).toBe(false);
    expect(isValidLanguageTag('zh-Hans')).toBe(true);
    expect(isValidLanguageTag('')).toBe(false);
  });

  it('finds the first shared language of the first list', () => {
    expect(sharedLanguage(['ur', 'en'], ['zh-Hans', 'en-GB'])).toBe('en');
    expect(sharedLanguage(['ur'], ['zh-Hans'])).toBeNull();
  });

  it('knows which interpreter bridges two people, in either direction', () => {
    expect(interpreterServes(['zh-Hans', 'ur'], ['ur'], ['zh'])).toBe(true);
    expect(interpreterServes(['zh-Hans', 'en'], ['ur'], ['zh'])).toBe(false);
  });
});
