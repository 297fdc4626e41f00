import 'reflect-metadata';
import { migrateMain } from '@techbridge/platform';
import { MATCHING_ENTITIES, MATCHING_MIGRATIONS } from './database';

migrateMain({ url: process.env.DATABASE_URL ?? '', entities: MATCHING_ENTITIES, migrations: MATCHING_MIGRATIONS }, 'matching');
