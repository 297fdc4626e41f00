import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startInboxTransport } from '@techbridge/messaging';
import { createHttpApp, runService } from '@techbridge/platform';
import { MatchingServiceConfig, loadMatchingConfig } from './config';
import { MatchingModule } from './matching.module';

export async function createMatchingApp(config: MatchingServiceConfig): Promise<NestFastifyApplication> {
  const app = await createHttpApp(MatchingModule.forRoot(config), {
    service: 'matching',
    title: 'TechBridge matching',
    description: 'Explained, cross-lingual matches of technology needs and offers, computed in the background on events.',
  });
  await app.init();
  await startInboxTransport(app);
  return app;
}

if (require.main === module) {
  runService('matching', loadMatchingConfig, createMatchingApp);
}
