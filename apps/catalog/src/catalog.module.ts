import { DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthModule } from '@techbridge/auth';
import { MessagingModule, OutboxPublisher } from '@techbridge/messaging';
import { serviceCoreImports, kafkaSecurity } from '@techbridge/platform';
import { CATALOG_CONFIG, CatalogConfig } from './config';
import { CATALOG_ENTITIES, CATALOG_MIGRATIONS } from './database';
import { EnterpriseProjectionController } from './enterprises/enterprise-projection.controller';
import { KnownEnterprises } from './enterprises/known-enterprises';
import { ExpiryJob } from './expiry/expiry.job';
import { CatalogItemService } from './items/catalog-item.service';
import { NEEDS, OFFERS } from './items/item.tokens';
import { NeedController } from './needs/need.controller';
import { NEED_KIND } from './needs/need.kind';
import { OfferController } from './offers/offer.controller';
import { OFFER_KIND } from './offers/offer.kind';
import { TaxonomyController } from './taxonomy/taxonomy.controller';

const itemService = (token: symbol, kind: any) => ({
  provide: token,
  inject: [getDataSourceToken(), OutboxPublisher, KnownEnterprises],
  useFactory: (dataSource: DataSource, outbox: OutboxPublisher, enterprises: KnownEnterprises) =>
    new CatalogItemService(kind, dataSource, outbox, enterprises),
});

@Module({})
export class CatalogModule {
  static forRoot(config: CatalogConfig): DynamicModule {
    return {
      module: CatalogModule,
      imports: [
        ...serviceCoreImports('catalog', config, { entities: CATALOG_ENTITIES, migrations: CATALOG_MIGRATIONS }),
        MessagingModule.forRootAsync({
          useFactory: () => ({ service: 'catalog', brokers: config.KAFKA_BROKERS, databaseUrl: config.DATABASE_URL, ...kafkaSecurity(config) }),
        }),
        AuthModule.forRootAsync({ useFactory: () => ({ adminApiKey: config.ADMIN_API_KEY }) }),
      ],
      controllers: [OfferController, NeedController, TaxonomyController, EnterpriseProjectionController],
      providers: [
        { provide: CATALOG_CONFIG, useValue: config },
        KnownEnterprises,
        itemService(OFFERS, OFFER_KIND),
        itemService(NEEDS, NEED_KIND),
        ExpiryJob,
      ],
    };
  }
}
