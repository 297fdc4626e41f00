import { z } from 'zod';
import { baseConfigSchema, loadConfig } from '@techbridge/platform';

export const workshopsConfigSchema = baseConfigSchema.extend({
  /** A report without (all of) matching's reply after this long is failed, with the reason. */
  REPORT_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
  /** How often the timeout is checked. */
  REPORT_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
});
export type WorkshopsConfig = z.infer<typeof workshopsConfigSchema>;
export const WORKSHOPS_CONFIG = Symbol('WORKSHOPS_CONFIG');

export function loadWorkshopsConfig(env = process.env): WorkshopsConfig {
  return loadConfig(workshopsConfigSchema, env);
}
