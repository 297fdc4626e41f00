import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from './guard/api-key.guard';
import { AUTH_OPTIONS, AuthOptions } from './guard/auth.options';
import { CredentialProjectionController } from './credentials/credential-projection.controller';
import { CredentialStore } from './credentials/credential.store';
import { PostgresThrottlerStorage } from './rate-limit/postgres-throttler.storage';
import { RateLimitStore } from './rate-limit/rate-limit.store';

export interface AuthModuleOptions {
  inject?: any[];
  useFactory: (...args: any[]) => AuthOptions;
  /**
   * Keep the local `credentials` table in step with `profiles.credential.v1` (default true). Off only
   * in profiles, which writes the table itself and publishes the topic.
   */
  projectCredentials?: boolean;
}

/** Installs the API-key guard globally: every route needs a key unless marked @Public(). */
@Global()
@Module({})
export class AuthModule {
  static forRootAsync(o: AuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      controllers: o.projectCredentials === false ? [] : [CredentialProjectionController],
      providers: [
        { provide: AUTH_OPTIONS, useFactory: o.useFactory, inject: o.inject ?? [] },
        CredentialStore,
        RateLimitStore,
        PostgresThrottlerStorage,
        { provide: APP_GUARD, useClass: ApiKeyGuard },
      ],
      exports: [CredentialStore, AUTH_OPTIONS, RateLimitStore, PostgresThrottlerStorage],
    };
  }
}
