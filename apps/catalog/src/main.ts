import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, runService } from '@techbridge/platform';
import { CatalogModule } from './catalog.module';
import { CatalogConfig, loadCatalogConfig } from './config';

export async function createCatalogApp(config: CatalogConfig): Promise<NestFastifyApplication> {
  return createHttpApp(CatalogModule.forRoot(config), {
    service: 'catalog',
    title: 'TechBridge catalog',
    description: 'Technology offers (mostly from China) and technology needs (mostly from Pakistan), with their lifecycle.',
  });
}

if (require.main === module) {
  runService('catalog', loadCatalogConfig, createCatalogApp);
}
