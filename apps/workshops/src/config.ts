import { z } from 'zod';
import { baseConfigSchema, loadConfig } from '@techbridge/platform';

export const workshopsConfigSchema = baseConfigSchema;
export type WorkshopsConfig = z.infer<typeof workshopsConfigSchema>;

export function loadWorkshopsConfig(env = process.env): WorkshopsConfig {
  return loadConfig(workshopsConfigSchema, env);
}
