import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthModule, PostgresThrottlerStorage } from '@techbridge/auth';
import { AdminCredentialsController } from './admin/admin-credentials.controller';
import { MessagingModule } from '@techbridge/messaging';
import { serviceCoreImports, kafkaSecurity } from '@techbridge/platform';
import { ProfilesConfig } from './config';
import { ContactEscrowController } from './contact-escrow/contact-escrow.controller';
import { ContactEscrowService } from './contact-escrow/contact-escrow.service';
import { IntroductionEventsController } from './contact-escrow/introduction-events.controller';
import { ApiKeyIssuer } from './credentials/api-key.issuer';
import { PROFILES_ENTITIES, PROFILES_MIGRATIONS } from './database';
import { DeactivateEnterpriseUseCase } from './enterprises/deactivate-enterprise.use-case';
import { EnterpriseController } from './enterprises/enterprise.controller';
import { EnterpriseEvents } from './enterprises/enterprise-events';
import { EnterpriseQueries } from './enterprises/enterprise.queries';
import { RegisterEnterpriseUseCase } from './enterprises/register-enterprise.use-case';
import { UpdateEnterpriseUseCase } from './enterprises/update-enterprise.use-case';
import { MeController } from './me/me.controller';
import { OrganiserController } from './organisers/organiser.controller';

@Module({})
export class ProfilesModule {
  static forRoot(config: ProfilesConfig): DynamicModule {
    return {
      module: ProfilesModule,
      imports: [
        ...serviceCoreImports('profiles', config, { entities: PROFILES_ENTITIES, migrations: PROFILES_MIGRATIONS }),
        MessagingModule.forRootAsync({
          useFactory: () => ({ service: 'profiles', brokers: config.KAFKA_BROKERS, databaseUrl: config.DATABASE_URL, ...kafkaSecurity(config) }),
        }),
        AuthModule.forRootAsync({ useFactory: () => ({ adminApiKey: config.ADMIN_API_KEY }), projectCredentials: false }),
        // Budgets shared by every profiles instance (Postgres), per client address.
        ThrottlerModule.forRootAsync({
          inject: [PostgresThrottlerStorage],
          useFactory: (storage: PostgresThrottlerStorage) => ({
            throttlers: [
              { name: 'registration', limit: config.REGISTRATION_RATE_LIMIT, ttl: config.REGISTRATION_RATE_WINDOW_MS },
              { name: 'profile-update', limit: config.PROFILE_UPDATE_RATE_LIMIT, ttl: 60_000 },
            ],
            storage,
          }),
        }),
      ],
      controllers: [EnterpriseController, OrganiserController, MeController, AdminCredentialsController, ContactEscrowController, IntroductionEventsController],
      providers: [
        ApiKeyIssuer,
        EnterpriseEvents,
        RegisterEnterpriseUseCase,
        UpdateEnterpriseUseCase,
        DeactivateEnterpriseUseCase,
        EnterpriseQueries,
        ContactEscrowService,
      ],
    };
  }
}
