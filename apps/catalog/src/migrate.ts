import 'reflect-metadata';
import { migrateMain } from '@techbridge/platform';
import { CATALOG_ENTITIES, CATALOG_MIGRATIONS } from './database';

migrateMain({ url: process.env.DATABASE_URL ?? '', entities: CATALOG_ENTITIES, migrations: CATALOG_MIGRATIONS }, 'catalog');
