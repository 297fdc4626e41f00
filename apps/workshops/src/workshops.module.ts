import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HealthModule, structuredLogger, typeOrmModuleOptions } from '@techbridge/platform';
import { WorkshopsConfig } from './config';
import { WORKSHOPS_ENTITIES, WORKSHOPS_MIGRATIONS } from './database';

/** Shell of the workshops service (health and OpenAPI only until its issue is taken). */
@Module({})
export class WorkshopsModule {
  static forRoot(config: WorkshopsConfig): DynamicModule {
    return {
      module: WorkshopsModule,
      imports: [
        structuredLogger('workshops', config.LOG_LEVEL),
        TypeOrmModule.forRoot(
          typeOrmModuleOptions({ url: config.DATABASE_URL, entities: WORKSHOPS_ENTITIES, migrations: WORKSHOPS_MIGRATIONS }),
        ),
        HealthModule,
      ],
    };
  }
}
