import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startInboxTransport } from '@techbridge/messaging';
import { createHttpApp, runService } from '@techbridge/platform';
import { WorkshopsConfig, loadWorkshopsConfig } from './config';
import { WorkshopsModule } from './workshops.module';

export async function createWorkshopsApp(config: WorkshopsConfig): Promise<NestFastifyApplication> {
  const app = await createHttpApp(WorkshopsModule.forRoot(config), {
    service: 'workshops',
    title: 'TechBridge workshops',
    description: 'Matchmaking workshops: participants and wishlists, asynchronous match reports with optimised B2B meeting schedules (JSON, CSV, XLSX, HTML, PDF), agendas (JSON, iCalendar), outcomes.',
  });
  await app.init();
  await startInboxTransport(app);
  return app;
}

if (require.main === module) {
  runService('workshops', loadWorkshopsConfig, createWorkshopsApp);
}
