import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res, UseGuards, Header } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { CurrentPrincipal, Principal, Public } from '@techbridge/auth';
import { ENTERPRISE_EXAMPLES } from './dto/enterprise.examples';
import { EnterprisePageResponse, EnterpriseResponse, RegisteredEnterpriseResponse } from './dto/enterprise.response';
import { RegisterEnterpriseDto } from './dto/register-enterprise.dto';
import { UpdateEnterpriseDto } from './dto/update-enterprise.dto';
import { ListEnterprisesQuery } from './dto/list-enterprises.query';
import { RegisterEnterpriseUseCase } from './register-enterprise.use-case';
import { UpdateEnterpriseUseCase } from './update-enterprise.use-case';
import { DeactivateEnterpriseUseCase } from './deactivate-enterprise.use-case';
import { EnterpriseQueries } from './enterprise.queries';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('enterprises')
@Controller('v1/enterprises')
export class EnterpriseController {
  constructor(
    private readonly register: RegisterEnterpriseUseCase,
    private readonly update: UpdateEnterpriseUseCase,
    private readonly deactivate: DeactivateEnterpriseUseCase,
    private readonly queries: EnterpriseQueries,
  ) {}

  @Post()
  @Public()
  @Header('Cache-Control', 'no-store') // the new API key must not sit in any cache
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ 'profile-update': true })
  @ApiOperation({ summary: 'Register a Chinese or Pakistani enterprise; the API key is shown only in this response.' })
  @ApiBody({ type: RegisterEnterpriseDto, examples: ENTERPRISE_EXAMPLES })
  @ApiCreatedResponse({ type: RegisteredEnterpriseResponse, description: 'The profile (with its private contact) and `apiKey`.' })
  async create(@Body() dto: RegisterEnterpriseDto, @Res({ passthrough: true }) reply: any) {
    const created = await this.register.execute(dto);
    reply.header('location', `/v1/enterprises/${created.id}`);
    return created;
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'List active enterprises (public profiles), newest first.' })
  @ApiOkResponse({ type: EnterprisePageResponse })
  list(@CurrentPrincipal() principal: Principal | null, @Query() query: ListEnterprisesQuery) {
    return this.queries.list(principal, query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'Public profile; the owner and admins also see the contact details.' })
  @ApiOkResponse({ type: EnterpriseResponse })
  get(@CurrentPrincipal() principal: Principal | null, @Param('id', uuid) id: string) {
    return this.queries.get(principal, id);
  }

  @Patch(':id')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ registration: true })
  @ApiOperation({ summary: 'Change a profile (owner or admin).' })
  @ApiOkResponse({ type: EnterpriseResponse })
  patch(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Body() dto: UpdateEnterpriseDto) {
    return this.update.execute(principal, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deactivate (soft delete): keys revoked, offers and needs withdrawn by the other services.' })
  @ApiNoContentResponse({ description: 'Deactivated.' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string): Promise<void> {
    await this.deactivate.execute(principal, id);
  }
}
