/**
 * @techbridge/matching-core — the scoring engine (plain TypeScript; no Nest, TypeORM, kafkajs or pg).
 */
export type {
  Money,
  OfferDoc,
  NeedDoc,
  MatchComponents,
  MatchedTerm,
  Reason,
  Match,
  MatchSet,
  DocLanguage,
  CurrencyCode,
} from './types';
export { DEFAULT_MATCHING_CONFIG, DEFAULT_WEIGHTS, resolveConfig, type MatchingConfig } from './config/config';
export { MatchingEngine, type MatchNeedOptions, type MatchOfferOptions, type OfferStanding } from './engine';
export { renderReason, REASON_CODES, type ReasonCode, type ReasonLanguage } from './explain/reasons';
export { analyze, conceptLabels, type AnalyzerLanguage } from './text/analyzer';
export { ndcgAtK, precisionAtK, reciprocalRank, meanOf, type Qrels } from './eval/metrics';
export { applyOutcomePrior, outcomePrior, DEFAULT_PRIOR_CONFIG, type OfferTrackRecord, type PriorConfig, type PriorContext } from './prior/outcome-prior';
