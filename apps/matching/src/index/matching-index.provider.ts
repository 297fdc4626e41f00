import { MatchingIndex } from './matching-index';
import { MATCHING_CONFIG, MatchingServiceConfig } from '../config';

export const MATCHING_INDEX = Symbol('MATCHING_INDEX');

export const matchingIndexProvider = {
  provide: MATCHING_INDEX,
  inject: [MATCHING_CONFIG],
  useFactory: (c: MatchingServiceConfig) =>
    new MatchingIndex({
      ...(c.MATCH_THRESHOLD !== undefined ? { threshold: c.MATCH_THRESHOLD } : {}),
      ...(c.RATES_TO_USD ? { ratesToUsd: c.RATES_TO_USD } : {}),
      ...(c.COUNTERPART_COUNTRIES ? { counterpartCountries: c.COUNTERPART_COUNTRIES } : {}),
      ...(c.MATCH_WEIGHTS ? { weights: c.MATCH_WEIGHTS as any } : {}),
    }),
};
