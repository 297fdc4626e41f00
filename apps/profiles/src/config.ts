import { z } from 'zod';
import { baseConfigSchema, loadConfig } from '@techbridge/platform';

export const profilesConfigSchema = baseConfigSchema.extend({
  /** Registrations allowed per client IP per window (POST /v1/enterprises is public). */
  REGISTRATION_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  REGISTRATION_RATE_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Profile changes allowed per client address per minute. */
  PROFILE_UPDATE_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
});
export type ProfilesConfig = z.infer<typeof profilesConfigSchema>;
export const PROFILES_CONFIG = Symbol('PROFILES_CONFIG');

export function loadProfilesConfig(env = process.env): ProfilesConfig {
  return loadConfig(profilesConfigSchema, env);
}
