import { Body, Controller, Post, Header } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Roles } from '@techbridge/auth';
import { EventTypes, Topics, createEnvelope, sourceOf } from '@techbridge/contracts';
import { OutboxPublisher } from '@techbridge/messaging';
import { ApiKeyIssuer } from '../credentials/api-key.issuer';
import { rethrowDuplicate } from '../enterprises/unique-violation';
import { RegisterOrganiserDto } from './dto/register-organiser.dto';
import { RegisteredOrganiserResponse } from './dto/organiser.response';
import { OrganiserEntity } from './infrastructure/organiser.entity';

@ApiTags('organisers')
@Controller('v1/organisers')
export class OrganiserController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: ApiKeyIssuer,
    private readonly outbox: OutboxPublisher,
  ) {}

  @Post()
  @Roles('admin')
  @Header('Cache-Control', 'no-store') // the new API key must not sit in any cache
  @ApiOperation({ summary: 'Create a workshop organiser account (admin only); its API key is shown once.' })
  @ApiCreatedResponse({ type: RegisteredOrganiserResponse })
  async create(@Body() dto: RegisterOrganiserDto) {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const organiser = manager.create(OrganiserEntity, {
          id: randomUUID(),
          name: dto.name.trim(),
          organisation: dto.organisation?.trim() ?? null,
          email: dto.email.trim().toLowerCase(),
        });
        await manager.save(organiser);
        await this.outbox.publish(
          manager,
          Topics.ProfilesOrganiser,
          createEnvelope({
            type: EventTypes.OrganiserRegistered,
            source: sourceOf('profiles'),
            subject: organiser.id,
            data: { organiserId: organiser.id, name: organiser.name, createdAt: organiser.createdAt.toISOString() },
          }),
        );
        const { apiKey } = await this.keys.issue(manager, organiser.id, 'organiser');
        return { id: organiser.id, name: organiser.name, organisation: organiser.organisation, email: organiser.email, role: 'organiser', apiKey };
      });
    } catch (err) {
      rethrowDuplicate(err);
    }
  }
}
