import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from './guard/api-key.guard';
import { AUTH_OPTIONS, AuthOptions } from './guard/auth.options';
import { CredentialStore } from './credentials/credential.store';

/** Installs the API-key guard globally: every route needs a key unless marked @Public(). */
@Global()
@Module({})
export class AuthModule {
  static forRootAsync(o: { inject?: any[]; useFactory: (...args: any[]) => AuthOptions }): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: AUTH_OPTIONS, useFactory: o.useFactory, inject: o.inject ?? [] },
        CredentialStore,
        { provide: APP_GUARD, useClass: ApiKeyGuard },
      ],
      exports: [CredentialStore, AUTH_OPTIONS],
    };
  }
}
