import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventTypes } from '@techbridge/contracts';
import { ApiKeyIssuer } from '../credentials/api-key.issuer';
import { normaliseLegalName } from './domain/legal-name';
import { RegisterEnterpriseDto } from './dto/register-enterprise.dto';
import { EnterpriseEvents } from './enterprise-events';
import { EnterpriseView, toEnterpriseView } from './enterprise.mapper';
import { EnterpriseEntity } from './infrastructure/enterprise.entity';
import { rethrowDuplicate } from './unique-violation';

/** One transaction: the profile, its first API key, and both events in the outbox. */
@Injectable()
export class RegisterEnterpriseUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: ApiKeyIssuer,
    private readonly events: EnterpriseEvents,
  ) {}

  async execute(dto: RegisterEnterpriseDto): Promise<EnterpriseView & { apiKey: string }> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const enterprise = manager.create(EnterpriseEntity, {
          id: randomUUID(),
          legalName: dto.legalName.trim(),
          legalNameKey: normaliseLegalName(dto.legalName),
          englishName: dto.englishName.trim(),
          country: dto.country,
          region: dto.region ?? null,
          organisationType: dto.organisationType,
          sizeBand: dto.sizeBand ?? null,
          sectors: dto.sectors,
          website: dto.website ?? null,
          languages: dto.languages,
          contactName: dto.contact.name.trim(),
          contactEmail: dto.contact.email.trim().toLowerCase(),
          contactPhone: dto.contact.phone ?? null,
          status: 'active',
          version: 1,
        });
        await manager.save(enterprise);
        await this.events.publish(manager, EventTypes.EnterpriseRegistered, enterprise);
        const { apiKey } = await this.keys.issue(manager, enterprise.id, 'enterprise');
        return { ...toEnterpriseView(enterprise, true), apiKey };
      });
    } catch (err) {
      rethrowDuplicate(err);
    }
  }
}
