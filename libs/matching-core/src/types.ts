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

/** A concept both sides share, shown in both languages. */
export interface MatchedTerm {
  concept: string;
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
  /** fail exactly one decisive condition (TRL, budget) or score just below the threshold */
  nearMisses: Match[];
  /** set when the query itself limits the matching (e.g. no usable text) */
  hint: Reason | null;
}

export interface MatchOptions {
  limit?: number;
}
