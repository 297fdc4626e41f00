import { MatchingMetrics } from './observability/matching.metrics';
import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@techbridge/auth';
import { MessagingModule } from '@techbridge/messaging';
import { serviceCoreImports, kafkaSecurity } from '@techbridge/platform';
import { MATCHING_CONFIG, MatchingServiceConfig } from './config';
import { MATCHING_ENTITIES, MATCHING_MIGRATIONS } from './database';
import { IndexBootstrap } from './index/index-bootstrap';
import { IndexSync } from './index/index-sync';
import { matchingIndexProvider } from './index/matching-index.provider';
import { AnswerIntroductionUseCase } from './introductions/answer-introduction.use-case';
import { IntroductionController } from './introductions/introduction.controller';
import { IntroductionEvents } from './introductions/introduction-events';
import { MeetingOutcomesController } from './introductions/meeting-outcomes.controller';
import { OutcomePriorReader } from './introductions/outcome-prior.reader';
import { IntroductionSweepJob } from './introductions/introduction-sweep.job';
import { IntroductionQueries } from './introductions/introduction.queries';
import { RecordOutcomeUseCase } from './introductions/record-outcome.use-case';
import { RequestIntroductionUseCase } from './introductions/request-introduction.use-case';
import { MatchController } from './match-sets/match.controller';
import { MatchQueries } from './match-sets/match.queries';
import { MatchSetWriter } from './match-sets/match-set.writer';
import { CatalogEventsController } from './projections/catalog-events.controller';
import { ComputeReportUseCase } from './reports/compute-report.use-case';
import { ReportRequestsController } from './reports/report-requests.controller';
import { RescoreController } from './rescore/rescore.controller';
import { RescoreJobsService } from './rescore/rescore-jobs.service';
import { RescoreQueue } from './rescore/rescore.queue';
import { ProjectionRepository } from './projections/infrastructure/projection.repository';
import { ReverseMatchUseCase } from './scoring/reverse-match.use-case';
import { ScoreNeedUseCase } from './scoring/score-need.use-case';

@Module({})
export class MatchingModule {
  static forRoot(config: MatchingServiceConfig): DynamicModule {
    return {
      module: MatchingModule,
      imports: [
        ...serviceCoreImports('matching', config, { entities: MATCHING_ENTITIES, migrations: MATCHING_MIGRATIONS }),
        MessagingModule.forRootAsync({
          useFactory: () => ({ service: 'matching', brokers: config.KAFKA_BROKERS, databaseUrl: config.DATABASE_URL, ...kafkaSecurity(config) }),
        }),
        AuthModule.forRootAsync({ useFactory: () => ({ adminApiKey: config.ADMIN_API_KEY }) }),
      ],
      controllers: [MatchController, IntroductionController, MeetingOutcomesController, RescoreController, CatalogEventsController, ReportRequestsController],
      providers: [
        { provide: MATCHING_CONFIG, useValue: config },
        matchingIndexProvider,
        ProjectionRepository,
        IndexSync,
        IndexBootstrap,
        RescoreQueue,
        ScoreNeedUseCase,
        ReverseMatchUseCase,
        MatchSetWriter,
        MatchQueries,
        RescoreJobsService,
        ComputeReportUseCase,
        MatchingMetrics,
        IntroductionEvents,
        RequestIntroductionUseCase,
        AnswerIntroductionUseCase,
        RecordOutcomeUseCase,
        IntroductionQueries,
        IntroductionSweepJob,
        OutcomePriorReader,
      ],
    };
  }
}
