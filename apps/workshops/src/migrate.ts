import 'reflect-metadata';
import { migrateMain } from '@techbridge/platform';
import { WORKSHOPS_ENTITIES, WORKSHOPS_MIGRATIONS } from './database';

migrateMain({ url: process.env.DATABASE_URL ?? '', entities: WORKSHOPS_ENTITIES, migrations: WORKSHOPS_MIGRATIONS }, 'workshops');
