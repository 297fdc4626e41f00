import { z } from 'zod';
import { baseConfigSchema, loadConfig } from '@techbridge/platform';

const jsonRecord = <T extends z.ZodTypeAny>(value: T) =>
  z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), value));

export const matchingConfigSchema = baseConfigSchema.extend({
  /** How many ranked offers a stored match set keeps (the API pages through them). */
  MATCH_SET_SIZE: z.coerce.number().int().min(1).max(500).default(50),
  /**
   * Minimum score (0–100) for a match to be shown; near-misses are reported just below it. Default:
   * the engine's calibrated threshold (libs/matching-core, docs/matching-quality.md).
   */
  MATCH_THRESHOLD: z.coerce.number().min(0).max(100).optional(),
  /** Operator-set conversion rates, USD per unit, e.g. {"USD":1,"CNY":0.139,"PKR":0.00357}. Never fetched. */
  RATES_TO_USD: jsonRecord(z.number().positive()).optional(),
  /** Which counterpart countries are matched, e.g. {"PK":["CN"],"CN":["PK"]} (the default). */
  COUNTERPART_COUNTRIES: jsonRecord(z.array(z.string())).optional(),
  /** Needs re-scored per transaction by the rescore workers (halved automatically when Postgres runs short). */
  RESCORE_CHUNK_SIZE: z.coerce.number().int().min(1).max(5000).default(200),
  /** Component weights override, e.g. {"text":0.5,"sector":0.2}; see libs/matching-core config. */
  MATCH_WEIGHTS: jsonRecord(z.number().min(0)).optional(),
  /** Days an unanswered introduction stays open before it expires (fractions allowed). */
  INTRODUCTION_EXPIRY_DAYS: z.coerce.number().positive().max(365).default(14),
  /** Days after which an unanswered introduction emits `introduction.reminder-due` (once). */
  INTRODUCTION_REMINDER_DAYS: z.coerce.number().positive().max(365).default(7),
  /** Introductions one enterprise may request in 24 hours (more → 429 with Retry-After). */
  INTRODUCTION_DAILY_LIMIT: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Longest introduction message, in characters. */
  INTRODUCTION_MESSAGE_MAX: z.coerce.number().int().min(1).max(4000).default(1000),
  /** The outcome prior (declines and signed deals move scores, with a reason): `on` or `off` (default). */
  INTRODUCTION_PRIOR: z.enum(['on', 'off']).default('off'),
  /** The most the prior may move a score, up or down (points out of 100). */
  PRIOR_MAX_POINTS: z.coerce.number().min(0).max(20).default(5),
  /** How often each instance sweeps for due expiries and reminders. */
  INTRODUCTION_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
});
export type MatchingServiceConfig = z.infer<typeof matchingConfigSchema>;
export const MATCHING_CONFIG = Symbol('MATCHING_CONFIG');

export function loadMatchingConfig(env = process.env): MatchingServiceConfig {
  return loadConfig(matchingConfigSchema, env);
}
