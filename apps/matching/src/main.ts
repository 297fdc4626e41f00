import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, runService } from '@techbridge/platform';
import { MatchingServiceConfig, loadMatchingConfig } from './config';
import { MatchingModule } from './matching.module';

export async function createMatchingApp(config: MatchingServiceConfig): Promise<NestFastifyApplication> {
  return createHttpApp(MatchingModule.forRoot(config), {
    service: 'matching',
    title: 'TechBridge matching',
    description: 'Explained, cross-lingual matches of technology needs and offers, computed in the background on events.',
  });
}

if (require.main === module) {
  runService('matching', loadMatchingConfig, createMatchingApp);
}
