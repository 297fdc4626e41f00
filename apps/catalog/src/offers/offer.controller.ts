import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public } from '@techbridge/auth';
import { CatalogItemService } from '../items/catalog-item.service';
import { ListItemsQuery } from '../items/dto/list-items.query';
import { PublishQuery } from '../items/dto/publish.query';
import { OFFERS } from '../items/item.tokens';
import { sendItem } from '../items/item-response';
import { CreateOfferDto } from './dto/create-offer.dto';
import { UpdateOfferDto } from './dto/update-offer.dto';
import { OfferEntity } from './offer.entity';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });
type Offers = CatalogItemService<OfferEntity, CreateOfferDto, UpdateOfferDto>;

@ApiTags('offers')
@Controller('v1/offers')
export class OfferController {
  constructor(@Inject(OFFERS) private readonly items: Offers) {}

  @Post()
  @ApiOperation({ summary: 'Create a technology offer (draft, or published with ?publish=true).' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateOfferDto,
    @Query() query: PublishQuery,
    @Res({ passthrough: true }) reply: any,
  ) {
    const result = await this.items.create(principal, dto, query.publish ?? false);
    return sendItem(reply, result, `/v1/offers/${result.view.id}`);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'List offers: published ones for everyone; your own in any status with ?mine=true.' })
  list(@CurrentPrincipal() principal: Principal | null, @Query() query: ListItemsQuery) {
    return this.items.list(principal, query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One offer; drafts and withdrawn ones only for their owner.' })
  async get(@CurrentPrincipal() principal: Principal | null, @Param('id', uuid) id: string, @Res({ passthrough: true }) reply: any) {
    return sendItem(reply, await this.items.get(principal, id));
  }

  @Patch(':id')
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag from the last read; 412 if it changed since.' })
  @ApiOperation({ summary: 'Change a draft or published offer (owner only).' })
  async patch(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateOfferDto,
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
