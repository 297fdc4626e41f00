import type { INestApplication } from '@nestjs/common';
import type { MixedList } from 'typeorm';

/**
 * How the e2e harness builds each service in-process. Adding a service is one entry here: its
 * database.ts exports `<NAME>_ENTITIES` / `<NAME>_MIGRATIONS`, its config.ts `load<Name>Config(env)`,
 * its main.ts `create<Name>App(config)`. The imports are lazy, so a stack without a service never
 * loads (or needs to compile) that service's code. Test-only: production code never imports this.
 */
export interface ServiceModule {
  entities: MixedList<any>;
  migrations: MixedList<any>;
  loadConfig(env: Record<string, string | undefined>): any;
  createApp(config: any): Promise<INestApplication>;
}

/* eslint-disable @typescript-eslint/no-require-imports */
export const SERVICE_TABLE = {
  profiles: async (): Promise<ServiceModule> => {
    const [db, cfg, main] = [require('../../../apps/profiles/src/database'), require('../../../apps/profiles/src/config'), require('../../../apps/profiles/src/main')];
    return { entities: db.PROFILES_ENTITIES, migrations: db.PROFILES_MIGRATIONS, loadConfig: cfg.loadProfilesConfig, createApp: main.createProfilesApp };
  },
  catalog: async (): Promise<ServiceModule> => {
    const [db, cfg, main] = [require('../../../apps/catalog/src/database'), require('../../../apps/catalog/src/config'), require('../../../apps/catalog/src/main')];
    return { entities: db.CATALOG_ENTITIES, migrations: db.CATALOG_MIGRATIONS, loadConfig: cfg.loadCatalogConfig, createApp: main.createCatalogApp };
  },
  matching: async (): Promise<ServiceModule> => {
    const [db, cfg, main] = [require('../../../apps/matching/src/database'), require('../../../apps/matching/src/config'), require('../../../apps/matching/src/main')];
    return { entities: db.MATCHING_ENTITIES, migrations: db.MATCHING_MIGRATIONS, loadConfig: cfg.loadMatchingConfig, createApp: main.createMatchingApp };
  },
  workshops: async (): Promise<ServiceModule> => {
    const [db, cfg, main] = [require('../../../apps/workshops/src/database'), require('../../../apps/workshops/src/config'), require('../../../apps/workshops/src/main')];
    return { entities: db.WORKSHOPS_ENTITIES, migrations: db.WORKSHOPS_MIGRATIONS, loadConfig: cfg.loadWorkshopsConfig, createApp: main.createWorkshopsApp };
  },
} satisfies Record<string, () => Promise<ServiceModule>>;

export type ServiceName = keyof typeof SERVICE_TABLE;
