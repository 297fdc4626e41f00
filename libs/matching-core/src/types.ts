/** Public data shapes of the matching engine (mirrors the brief's "API shapes"). */

export type DocLanguage = 'en' | 'zh-Hans' | 'ur';
export type CurrencyCode = 'CNY' | 'PKR' | 'USD';

export interface Money {
  min: number;
  max: number;
  currency: CurrencyCode;
}

export interface OfferDoc {
  id: string;
  enterpriseId: string;
  country: 'CN' | 'PK';
  title: string;
  summary: string;
  description: string;
  language: DocLanguage;
  sectors: string[];
  keywords: string[];
  trl: number;
  iprStatus: string;
  cooperationModes: string[];
  price?: Money | null;
  targetRegions: string[];
  /** ISO 8601 */
  validUntil: string;
  status: string;
  version: number;
  publishedAt?: string | null;
  updatedAt: string;
}

export interface NeedDoc {
  id: string;
  enterpriseId: string;
  country: 'CN' | 'PK';
  title: string;
  summary: string;
  description: string;
  language: DocLanguage;
  sectors: string[];
  keywords: string[];
  minTrl?: number | null;
  cooperationModes: string[];
  budget?: Money | null;
  region?: string | null;
  /** ISO 8601 date or date-time */
  deadline?: string | null;
  urgency?: string | null;
  status: string;
  version: number;
  updatedAt: string;
}

/** Each component is in 0..1. */
export interface MatchComponents {
  text: number;
  sector: number;
  trl: number;
  budget: number;
  region: number;
  mode: number;
  freshness: number;
}

/**
 * A concept both sides share. `needTerms` / `offerTerms` quote the words each text really uses for
 * it, in its own script (e.g. need "solar water pumping", offer "光伏扬水"); `en` / `zh` / `ur` are
 * labels of the concept (glossary terms first), not quotes.
 */
export interface MatchedTerm {
  concept: string;
  needTerms: string[];
  offerTerms: string[];
  en: string[];
  zh: string[];
  ur?: string[];
}

/** A machine-readable reason; render it per language with `renderReason`. */
export interface Reason {
  code: string;
  params: Record<string, string | number>;
}

export interface Match {
  offerId: string;
  needId: string;
  /** 0–100, one decimal */
  score: number;
  components: MatchComponents;
  matchedTerms: MatchedTerm[];
  reasons: Reason[];
  nearMiss: Reason | null;
}

export interface MatchSet {
  /** score ≥ threshold, passing every filter; best first, ties by id */
  matches: Match[];
  /**
   * Pairs that do not match, each with `nearMiss` saying why: first those with the right technology
   * that miss a condition (TRL, budget, or only the region) — ranked by the score they would have
   * after that change —, then pairs just below the threshold; when nothing matches, the closest
   * pairs at any distance (with what they lack).
   */
  nearMisses: Match[];
  /**
   * Set when the list needs a word of explanation: the query is not live or has no usable text, or
   * nothing matches (`hint.noRelevantOffer` / `hint.noRelevantNeed`: no counterpart has the
   * technology; `hint.onlyNearMisses`: some have it but miss a condition).
   */
  hint: Reason | null;
}

export interface MatchOptions {
  limit?: number;
}
