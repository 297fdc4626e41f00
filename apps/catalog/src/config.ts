import { z } from 'zod';
import { baseConfigSchema, loadConfig } from '@techbridge/platform';

export const catalogConfigSchema = baseConfigSchema.extend({
  /** How often the expiry job looks for offers past valid-until and needs past their deadline. */
  EXPIRY_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
});
export type CatalogConfig = z.infer<typeof catalogConfigSchema>;
export const CATALOG_CONFIG = Symbol('CATALOG_CONFIG');

export function loadCatalogConfig(env = process.env): CatalogConfig {
  return loadConfig(catalogConfigSchema, env);
}
