import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@techbridge/platform';
import { CATALOG_ENTITIES, CATALOG_MIGRATIONS } from './database';

/** For the TypeORM CLI: `npx typeorm -d dist/apps/catalog/src/data-source.js migration:show`. */
export default new DataSource(
  dataSourceOptions({ url: process.env.DATABASE_URL ?? '', entities: CATALOG_ENTITIES, migrations: CATALOG_MIGRATIONS }),
);
