import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@techbridge/platform';
import { MATCHING_ENTITIES, MATCHING_MIGRATIONS } from './database';

/** For the TypeORM CLI: `npx typeorm -d dist/apps/matching/src/data-source.js migration:show`. */
export default new DataSource(
  dataSourceOptions({ url: process.env.DATABASE_URL ?? '', entities: MATCHING_ENTITIES, migrations: MATCHING_MIGRATIONS }),
);
