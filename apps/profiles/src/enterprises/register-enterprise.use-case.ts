import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventTypes } from '@techbridge/contracts';
import { Problems } from '@techbridge/platform';
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
        // One registration per contact email at a time (the lock), and none for an email in use.
        const email = dto.contact.email.trim().toLowerCase();
        await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 17))`, [email]);
        const taken = await manager.query(`SELECT 1 FROM enterprises WHERE lower(contact_email) = $1 AND status = 'active' LIMIT 1`, [email]);
        if (taken.length > 0) {
          throw Problems.conflict('An account with this contact email is already registered.', [{ field: 'contact.email', message: 'already registered' }]);
        }
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
          contactEmail: email,
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
