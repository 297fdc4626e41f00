import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Res, Type } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public } from '@techbridge/auth';
import { createValidationPipe } from '@techbridge/platform';
import { CatalogItemService } from './catalog-item.service';
import { LanguageExamples } from './dto/language-examples';
import { ListItemsQuery } from './dto/list-items.query';
import { PublishQuery } from './dto/publish.query';
import { sendItem } from './item-response';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

export interface ItemControllerOptions {
  kind: 'offer' | 'need';
  /** DI token of the kind's CatalogItemService. */
  service: symbol;
  createDto: Type<unknown>;
  updateDto: Type<unknown>;
  /** Create bodies shown in the OpenAPI document, one per language. */
  examples: LanguageExamples;
  /** Response shapes, for the OpenAPI document: one item, a page of items. */
  responseDto: Type<unknown>;
  pageDto: Type<unknown>;
}

/**
 * The REST surface of one catalog kind (`/v1/offers` or `/v1/needs`): the same routes, statuses and
 * headers for both, so a client learns one and knows the other. Bodies are validated against the
 * kind's own DTO classes.
 */
export function createItemController(o: ItemControllerOptions): Type<unknown> {
  const plural = `${o.kind}s`;

  @ApiTags(plural)
  @Controller(`v1/${plural}`)
  class ItemController {
    constructor(@Inject(o.service) readonly items: CatalogItemService<any, any, any>) {}

    @Post()
    @ApiBody({ type: o.createDto, examples: o.examples })
    @ApiOperation({ summary: `Create a technology ${o.kind} (draft, or published with ?publish=true).` })
    @ApiCreatedResponse({ type: o.responseDto })
    async create(
      @CurrentPrincipal() principal: Principal,
      @Body(createValidationPipe(o.createDto)) dto: any,
      @Query() query: PublishQuery,
      @Res({ passthrough: true }) reply: any,
    ) {
      const result = await this.items.create(principal, dto, query.publish ?? false);
      return sendItem(reply, result, `/v1/${plural}/${result.view.id}`);
    }

    @Get()
    @Public()
    @ApiOperation({ summary: `List ${plural}: published ones for everyone; your own in any status with ?mine=true.` })
    @ApiOkResponse({ type: o.pageDto })
    list(@CurrentPrincipal() principal: Principal | null, @Query() query: ListItemsQuery) {
      return this.items.list(principal, query);
    }

    @Get(':id')
    @Public()
    @ApiOperation({ summary: `One ${o.kind}; drafts and withdrawn ones only for their owner.` })
    @ApiOkResponse({ type: o.responseDto })
    async get(@CurrentPrincipal() principal: Principal | null, @Param('id', uuid) id: string, @Res({ passthrough: true }) reply: any) {
      return sendItem(reply, await this.items.get(principal, id));
    }

    @Patch(':id')
    @ApiBody({ type: o.updateDto })
    @ApiHeader({ name: 'If-Match', required: false, description: 'ETag from the last read; 412 if it changed since.' })
    @ApiOperation({ summary: `Change a draft or published ${o.kind} (owner only).` })
    @ApiOkResponse({ type: o.responseDto })
    async patch(
      @CurrentPrincipal() principal: Principal,
      @Param('id', uuid) id: string,
      @Body(createValidationPipe(o.updateDto)) dto: any,
      @Headers('if-match') ifMatch: string | undefined,
      @Res({ passthrough: true }) reply: any,
    ) {
      return sendItem(reply, await this.items.update(principal, id, dto, ifMatch));
    }

    @Post(':id/publish')
    @HttpCode(200)
    @ApiOperation({ summary: `Publish a draft ${o.kind}: it starts matching.` })
    @ApiOkResponse({ type: o.responseDto })
    publish(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) reply: any) {
      return this.items.publish(p, id, ifMatch).then((r) => sendItem(reply, r));
    }

    @Post(':id/withdraw')
    @HttpCode(200)
    @ApiOperation({ summary: `Withdraw the ${o.kind}: it stops matching and leaves every match set.` })
    @ApiOkResponse({ type: o.responseDto })
    withdraw(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) reply: any) {
      return this.items.withdraw(p, id, ifMatch).then((r) => sendItem(reply, r));
    }

    @Post(':id/close')
    @HttpCode(200)
    @ApiOperation({ summary: `Close the ${o.kind} after a deal was reached.` })
    @ApiOkResponse({ type: o.responseDto })
    close(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) reply: any) {
      return this.items.close(p, id, ifMatch).then((r) => sendItem(reply, r));
    }
  }

  Object.defineProperty(ItemController, 'name', { value: `${o.kind[0].toUpperCase()}${o.kind.slice(1)}Controller` });
  return ItemController;
}
