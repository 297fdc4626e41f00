import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startInboxTransport } from '@techbridge/messaging';
import { createHttpApp, runService } from '@techbridge/platform';
import { CatalogModule } from './catalog.module';
import { CatalogConfig, loadCatalogConfig } from './config';

export async function createCatalogApp(config: CatalogConfig): Promise<NestFastifyApplication> {
  const app = await createHttpApp(CatalogModule.forRoot(config), {
    service: 'catalog',
    title: 'TechBridge catalog',
    description: 'Technology offers (mostly from China) and technology needs (mostly from Pakistan), with their lifecycle.',
  });
  await app.init();
  await startInboxTransport(app);
  return app;
}

if (require.main === module) {
  runService('catalog', loadCatalogConfig, createCatalogApp);
}
