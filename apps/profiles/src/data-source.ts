import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@techbridge/platform';
import { PROFILES_ENTITIES, PROFILES_MIGRATIONS } from './database';

/** For the TypeORM CLI: `npx typeorm -d dist/apps/profiles/src/data-source.js migration:show`. */
export default new DataSource(
  dataSourceOptions({ url: process.env.DATABASE_URL ?? '', entities: PROFILES_ENTITIES, migrations: PROFILES_MIGRATIONS }),
);
