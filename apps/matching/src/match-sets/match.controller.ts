import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@techbridge/auth';
import { NeedMatchesResponse, OfferMatchesResponse } from './dto/match.response';
import { MatchesQuery } from './dto/matches.query';
import { MatchQueries } from './match.queries';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('matches')
@Controller('v1')
export class MatchController {
  constructor(private readonly queries: MatchQueries) {}

  @Get('needs/:id/matches')
  @ApiOperation({
    summary: 'The explained ranking of live counterpart offers for a need (owner, organisers, admins).',
    description:
      'Computed in the background when the need or any offer changes. Each match has its score (0–100), the per-component scores, the matched terms in both languages and short reasons (?lang=en|zh-Hans|ur); near-misses say what one change would make them match.',
  })
  @ApiOkResponse({ type: NeedMatchesResponse })
  forNeed(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Query() query: MatchesQuery) {
    return this.queries.forNeed(principal, id, query);
  }

  @Get('offers/:id/matches')
  @ApiOperation({ summary: 'The open needs that rank this offer, best first (owner, organisers, admins).' })
  @ApiOkResponse({ type: OfferMatchesResponse })
  forOffer(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Query() query: MatchesQuery) {
    return this.queries.forOffer(principal, id, query);
  }
}
