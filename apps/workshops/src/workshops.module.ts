import { DynamicModule, Module } from '@nestjs/common';
import { serviceCoreImports } from '@techbridge/platform';
import { WorkshopsConfig } from './config';
import { WORKSHOPS_ENTITIES, WORKSHOPS_MIGRATIONS } from './database';

/** Shell of the workshops service (health and OpenAPI only until its issue is taken). */
@Module({})
export class WorkshopsModule {
  static forRoot(config: WorkshopsConfig): DynamicModule {
    return {
      module: WorkshopsModule,
      imports: [
        ...serviceCoreImports('workshops', config, { entities: WORKSHOPS_ENTITIES, migrations: WORKSHOPS_MIGRATIONS }),
      ],
    };
  }
}
