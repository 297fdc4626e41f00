import { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MixedList } from 'typeorm';
import { BaseConfig } from './config/load-config';
import { typeOrmModuleOptions } from './database/typeorm-options';
import { HealthModule } from './health/health.module';
import { structuredLogger } from './logging/logger.module';
import { MetricsModule } from './observability/metrics.module';

/** What every service module imports first: structured logs, its own database, `/health`, `/metrics`. */
export function serviceCoreImports(
  service: string,
  config: Pick<BaseConfig, 'LOG_LEVEL' | 'DATABASE_URL'>,
  schema: { entities: MixedList<any>; migrations: MixedList<any> },
): (DynamicModule | typeof HealthModule)[] {
  return [
    structuredLogger(service, config.LOG_LEVEL),
    TypeOrmModule.forRoot(typeOrmModuleOptions({ url: config.DATABASE_URL, ...schema })),
    HealthModule,
    MetricsModule.forService(service),
  ];
}
