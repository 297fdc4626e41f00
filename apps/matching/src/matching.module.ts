import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@techbridge/auth';
import { MessagingModule } from '@techbridge/messaging';
import { serviceCoreImports } from '@techbridge/platform';
import { MATCHING_CONFIG, MatchingServiceConfig } from './config';
import { MATCHING_ENTITIES, MATCHING_MIGRATIONS } from './database';
import { IndexFollower } from './index/index-follower';
import { matchingIndexProvider } from './index/matching-index.provider';
import { MatchController } from './match-sets/match.controller';
import { MatchQueries } from './match-sets/match.queries';
import { MatchSetWriter } from './match-sets/match-set.writer';
import { CatalogEventsController } from './projections/catalog-events.controller';
import { RescoreController } from './rescore/rescore.controller';
import { RescoreService } from './rescore/rescore.service';

@Module({})
export class MatchingModule {
  static forRoot(config: MatchingServiceConfig): DynamicModule {
    return {
      module: MatchingModule,
      imports: [
        ...serviceCoreImports('matching', config, { entities: MATCHING_ENTITIES, migrations: MATCHING_MIGRATIONS }),
        MessagingModule.forRootAsync({
          useFactory: () => ({ service: 'matching', brokers: config.KAFKA_BROKERS, databaseUrl: config.DATABASE_URL }),
        }),
        AuthModule.forRootAsync({ useFactory: () => ({ adminApiKey: config.ADMIN_API_KEY }) }),
      ],
      controllers: [MatchController, RescoreController, CatalogEventsController],
      providers: [
        { provide: MATCHING_CONFIG, useValue: config },
        matchingIndexProvider,
        IndexFollower,
        MatchSetWriter,
        MatchQueries,
        RescoreService,
      ],
    };
  }
}
