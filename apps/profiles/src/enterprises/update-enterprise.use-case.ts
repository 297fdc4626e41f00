import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventTypes } from '@techbridge/contracts';
import { Principal, assertOwnerOrAdmin } from '@techbridge/auth';
import { Problems } from '@techbridge/platform';
import { regionCountry } from '@techbridge/taxonomy';
import { normaliseLegalName } from './domain/legal-name';
import { UpdateEnterpriseDto } from './dto/update-enterprise.dto';
import { EnterpriseEvents } from './enterprise-events';
import { EnterpriseView, toEnterpriseView } from './enterprise.mapper';
import { EnterpriseEntity } from './infrastructure/enterprise.entity';
import { rethrowDuplicate } from './unique-violation';

@Injectable()
export class UpdateEnterpriseUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EnterpriseEvents,
  ) {}

  async execute(principal: Principal, id: string, dto: UpdateEnterpriseDto): Promise<EnterpriseView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const e = await manager.findOne(EnterpriseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!e || e.status !== 'active') throw Problems.notFound(`Enterprise ${id}`);
        assertOwnerOrAdmin(principal, e.id, `Enterprise ${id}`);
        if (dto.region && regionCountry(dto.region) !== e.country) {
          throw Problems.validation([{ field: 'region', message: `region "${dto.region}" is not in ${e.country}` }]);
        }
        if (dto.legalName !== undefined) {
          e.legalName = dto.legalName.trim();
          e.legalNameKey = normaliseLegalName(dto.legalName);
        }
        if (dto.englishName !== undefined) e.englishName = dto.englishName.trim();
        if (dto.region !== undefined) e.region = dto.region;
        if (dto.organisationType !== undefined) e.organisationType = dto.organisationType;
        if (dto.sizeBand !== undefined) e.sizeBand = dto.sizeBand;
        if (dto.sectors !== undefined) e.sectors = dto.sectors;
        if (dto.website !== undefined) e.website = dto.website;
        if (dto.languages !== undefined) e.languages = dto.languages;
        if (dto.contact !== undefined) {
          e.contactName = dto.contact.name.trim();
          e.contactEmail = dto.contact.email.trim().toLowerCase();
          e.contactPhone = dto.contact.phone ?? null;
        }
        e.version += 1;
        await manager.save(e);
        await this.events.publish(manager, EventTypes.EnterpriseUpdated, e);
        return toEnterpriseView(e, true);
      });
    } catch (err) {
      rethrowDuplicate(err);
    }
  }
}
