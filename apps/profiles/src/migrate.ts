import 'reflect-metadata';
import { migrateMain } from '@techbridge/platform';
import { PROFILES_ENTITIES, PROFILES_MIGRATIONS } from './database';

migrateMain({ url: process.env.DATABASE_URL ?? '', entities: PROFILES_ENTITIES, migrations: PROFILES_MIGRATIONS }, 'profiles');
