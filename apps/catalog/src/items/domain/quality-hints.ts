/**
 * What a reviewer would tell the author: missing or weak parts that make an item hard to match.
 * Returned with every create/update so the author can fix it before anyone sees it.
 */
export interface QualityHint {
  field: string;
  code: string;
  message: string;
}

export interface QualityReport {
  score: number;
  hints: QualityHint[];
}

export interface QualityInput {
  title: string;
  summary: string;
  description: string;
  language: string;
  keywords: string[];
  sectors: string[];
  trl?: number | null;
  money?: { min: number; max: number } | null;
  moneyField: 'price' | 'budget';
  trlField: 'trl' | 'minTrl';
  regions: string[];
  regionField: 'targetRegions' | 'region';
}

/** Rough "one sentence" length per script: Chinese packs a sentence into far fewer characters. */
function sentenceLength(language: string): number {
  return language === 'zh-Hans' ? 12 : 40;
}

export function assessQuality(i: QualityInput): QualityReport {
  const hints: QualityHint[] = [];
  const add = (field: string, code: string, message: string) => hints.push({ field, code, message });
  const minSentence = sentenceLength(i.language);
  if (i.keywords.length === 0) add('keywords', 'no-keywords', 'Add a few keywords (in English and your own language) so others find this.');
  else if (i.keywords.length < 3) add('keywords', 'few-keywords', 'Three or more keywords make cross-language matching more reliable.');
  if (i.summary.trim().length < minSentence) add('summary', 'short-summary', 'The summary is shorter than one sentence; say what it is and who it is for.');
  if (i.description.trim().length < minSentence * 4) add('description', 'short-description', 'Describe the technology or problem in a few sentences: application, performance, conditions.');
  if (i.title.trim().split(/\s+/).length < 2 && i.language !== 'zh-Hans') add('title', 'vague-title', 'A title of one word is hard to match; name the technology and its use.');
  if (i.trl == null) add(i.trlField, 'no-trl', 'State the technology readiness level (TRL 1–9) so matches can be judged for maturity.');
  if (!i.money) add(i.moneyField, `no-${i.moneyField}`, `An indicative ${i.moneyField} range helps the other side judge fit.`);
  if (i.regions.length === 0) add(i.regionField, 'no-region', 'Say where in Pakistan or China this applies.');
  if (i.sectors.every((s) => !s.includes('/'))) add('sectors', 'coarse-sector', 'Choose a sub-sector (e.g. "energy/solar-pv") for sharper matches.');
  const score = Math.max(0, 100 - hints.length * 12);
  return { score, hints };
}
