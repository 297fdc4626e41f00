import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@techbridge/platform';
import { WORKSHOPS_ENTITIES, WORKSHOPS_MIGRATIONS } from './database';

/** For the TypeORM CLI: `npx typeorm -d dist/apps/workshops/src/data-source.js migration:show`. */
export default new DataSource(
  dataSourceOptions({ url: process.env.DATABASE_URL ?? '', entities: WORKSHOPS_ENTITIES, migrations: WORKSHOPS_MIGRATIONS }),
);
