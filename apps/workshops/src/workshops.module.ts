import { WorkshopsMetrics } from './observability/workshops.metrics';
import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@techbridge/auth';
import { MessagingModule } from '@techbridge/messaging';
import { serviceCoreImports, kafkaSecurity } from '@techbridge/platform';
import { WORKSHOPS_CONFIG, WorkshopsConfig } from './config';
import { WORKSHOPS_ENTITIES, WORKSHOPS_MIGRATIONS } from './database';
import { EnterpriseProjectionController } from './enterprises/enterprise-projection.controller';
import { OutcomeController } from './outcomes/outcome.controller';
import { OutcomesService } from './outcomes/outcomes.service';
import { ParticipantController } from './participants/participant.controller';
import { ParticipantsService } from './participants/participants.service';
import { AssembleReportUseCase } from './reports/assemble-report.use-case';
import { ReportController } from './reports/report.controller';
import { ReportRepliesController } from './reports/report-replies.controller';
import { ReportTimeoutJob } from './reports/report-timeout.job';
import { ReportsService } from './reports/reports.service';
import { RequestReportUseCase } from './reports/request-report.use-case';
import { WorkshopController } from './workshops/workshop.controller';
import { WorkshopsService } from './workshops/workshops.service';

/** Workshops, participants and wishlists, match reports with meeting schedules, agendas, outcomes. */
@Module({})
export class WorkshopsModule {
  static forRoot(config: WorkshopsConfig): DynamicModule {
    return {
      module: WorkshopsModule,
      imports: [
        ...serviceCoreImports('workshops', config, { entities: WORKSHOPS_ENTITIES, migrations: WORKSHOPS_MIGRATIONS }),
        MessagingModule.forRootAsync({
          useFactory: () => ({ service: 'workshops', brokers: config.KAFKA_BROKERS, databaseUrl: config.DATABASE_URL, ...kafkaSecurity(config) }),
        }),
        AuthModule.forRootAsync({ useFactory: () => ({ adminApiKey: config.ADMIN_API_KEY }) }),
      ],
      controllers: [WorkshopController, ParticipantController, ReportController, OutcomeController, EnterpriseProjectionController, ReportRepliesController],
      providers: [
        { provide: WORKSHOPS_CONFIG, useValue: config },
        WorkshopsService,
        ParticipantsService,
        RequestReportUseCase,
        AssembleReportUseCase,
        ReportsService,
        ReportTimeoutJob,
        OutcomesService,
        WorkshopsMetrics,
      ],
    };
  }
}
