import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ReadinessRegistry } from './readiness.registry';

/** Terminus' own logger is off: probes hit /health/ready every few seconds; HealthController logs state changes instead. */
@Global()
@Module({ imports: [TerminusModule.forRoot({ logger: false })], controllers: [HealthController], providers: [ReadinessRegistry], exports: [ReadinessRegistry] })
export class HealthModule {}
