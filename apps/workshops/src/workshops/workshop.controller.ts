import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@techbridge/auth';
import { ChangeStatusDto } from './dto/change-status.dto';
import { CreateWorkshopDto } from './dto/create-workshop.dto';
import { ListWorkshopsQuery } from './dto/list-workshops.query';
import { UpdateWorkshopDto } from './dto/update-workshop.dto';
import { WORKSHOP_EXAMPLES } from './dto/workshop.examples';
import { WorkshopPageResponse, WorkshopResponse } from './dto/workshop.response';
import { WorkshopsService } from './workshops.service';

type Reply = { header(name: string, value: string): unknown };
const id = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('workshops')
@Controller('v1/workshops')
export class WorkshopController {
  constructor(private readonly workshops: WorkshopsService) {}

  @Post()
  @Roles('organiser')
  @ApiBody({ type: CreateWorkshopDto, examples: WORKSHOP_EXAMPLES })
  @ApiOperation({ summary: 'Create a workshop (organiser or admin): title, venues with time zones and tables, dates, slots, interpreters.' })
  @ApiCreatedResponse({ type: WorkshopResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateWorkshopDto, @Res({ passthrough: true }) reply: Reply) {
    const { view, etag } = await this.workshops.create(principal, dto);
    reply.header('etag', etag);
    reply.header('location', `/v1/workshops/${view.id}`);
    return view;
  }

  @Get()
  @ApiOperation({ summary: 'Workshops: public ones (not drafts), your own with mine=true.' })
  @ApiOkResponse({ type: WorkshopPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() q: ListWorkshopsQuery) {
    return this.workshops.list(principal, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A workshop (a draft only for its organiser).' })
  @ApiOkResponse({ type: WorkshopResponse })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', id) workshopId: string, @Res({ passthrough: true }) reply: Reply) {
    const { view, etag } = await this.workshops.get(principal, workshopId);
    reply.header('etag', etag);
    return view;
  }

  @Patch(':id')
  @Roles('organiser')
  @ApiOperation({ summary: 'Change the plan (organiser); If-Match → 412 when stale. The whole plan is checked again.' })
  @ApiOkResponse({ type: WorkshopResponse })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', id) workshopId: string,
    @Body() dto: UpdateWorkshopDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const { view, etag } = await this.workshops.update(principal, workshopId, dto, ifMatch);
    reply.header('etag', etag);
    return view;
  }

  @Post(':id/status')
  @Roles('organiser')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move through draft → open → scheduled → held → closed (409 for any other move).' })
  @ApiOkResponse({ type: WorkshopResponse })
  async status(@CurrentPrincipal() principal: Principal, @Param('id', id) workshopId: string, @Body() dto: ChangeStatusDto, @Res({ passthrough: true }) reply: Reply) {
    const { view, etag } = await this.workshops.changeStatus(principal, workshopId, dto.status);
    reply.header('etag', etag);
    return view;
  }
}
