import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public } from '@techbridge/auth';
import { CatalogItemService } from '../items/catalog-item.service';
import { ListItemsQuery } from '../items/dto/list-items.query';
import { PublishQuery } from '../items/dto/publish.query';
import { NEEDS } from '../items/item.tokens';
import { sendItem } from '../items/item-response';
import { CreateNeedDto } from './dto/create-need.dto';
import { UpdateNeedDto } from './dto/update-need.dto';
import { NeedEntity } from './need.entity';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });
type Needs = CatalogItemService<NeedEntity, CreateNeedDto, UpdateNeedDto>;

@ApiTags('needs')
@Controller('v1/needs')
export class NeedController {
  constructor(@Inject(NEEDS) private readonly items: Needs) {}

  @Post()
  @ApiOperation({ summary: 'Create a technology need (draft, or published with ?publish=true).' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateNeedDto,
    @Query() query: PublishQuery,
    @Res({ passthrough: true }) reply: any,
  ) {
    const result = await this.items.create(principal, dto, query.publish ?? false);
    return sendItem(reply, result, `/v1/needs/${result.view.id}`);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'List needs: published ones for everyone; your own in any status with ?mine=true.' })
  list(@CurrentPrincipal() principal: Principal | null, @Query() query: ListItemsQuery) {
    return this.items.list(principal, query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One need; drafts and withdrawn ones only for their owner.' })
  async get(@CurrentPrincipal() principal: Principal | null, @Param('id', uuid) id: string, @Res({ passthrough: true }) reply: any) {
    return sendItem(reply, await this.items.get(principal, id));
  }

  @Patch(':id')
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag from the last read; 412 if it changed since.' })
  @ApiOperation({ summary: 'Change a draft or published need (owner only).' })
  async patch(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateNeedDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: any,
  ) {
    return sendItem(reply, await this.items.update(principal, id, dto, ifMatch));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft: it starts matching.' })
  async publish(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) reply: any) {
    return sendItem(reply, await this.items.publish(principal, id, ifMatch));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw: it stops matching and is removed from match sets.' })
  async withdraw(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) reply: any) {
    return sendItem(reply, await this.items.withdraw(principal, id, ifMatch));
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close after a deal was reached.' })
  async close(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) reply: any) {
    return sendItem(reply, await this.items.close(principal, id, ifMatch));
  }
}
