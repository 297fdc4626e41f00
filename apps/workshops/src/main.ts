import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, runService } from '@techbridge/platform';
import { WorkshopsConfig, loadWorkshopsConfig } from './config';
import { WorkshopsModule } from './workshops.module';

export async function createWorkshopsApp(config: WorkshopsConfig): Promise<NestFastifyApplication> {
  return createHttpApp(WorkshopsModule.forRoot(config), {
    service: 'workshops',
    title: 'TechBridge workshops',
    description: 'Matchmaking workshops, participants, match reports and meeting schedules (coming with its issue).',
  });
}

if (require.main === module) {
  runService('workshops', loadWorkshopsConfig, createWorkshopsApp);
}
