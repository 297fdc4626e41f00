import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startInboxTransport } from '@techbridge/messaging';
import { createHttpApp, runService } from '@techbridge/platform';
import { ProfilesConfig, loadProfilesConfig } from './config';
import { ProfilesModule } from './profiles.module';

export async function createProfilesApp(config: ProfilesConfig): Promise<NestFastifyApplication> {
  const app = await createHttpApp(ProfilesModule.forRoot(config), {
    service: 'profiles',
    title: 'TechBridge profiles',
    description: 'Enterprises (CN/PK), workshop organisers, API keys.',
  });
  await app.init();
  await startInboxTransport(app);
  return app;
}

if (require.main === module) {
  runService('profiles', loadProfilesConfig, createProfilesApp);
}
