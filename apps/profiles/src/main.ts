import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, runService } from '@techbridge/platform';
import { ProfilesConfig, loadProfilesConfig } from './config';
import { ProfilesModule } from './profiles.module';

export async function createProfilesApp(config: ProfilesConfig): Promise<NestFastifyApplication> {
  return createHttpApp(ProfilesModule.forRoot(config), {
    service: 'profiles',
    title: 'TechBridge profiles',
    description: 'Enterprises (CN/PK), workshop organisers, API keys.',
  });
}

if (require.main === module) {
  runService('profiles', loadProfilesConfig, createProfilesApp);
}
