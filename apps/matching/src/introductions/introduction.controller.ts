import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@techbridge/auth';
import { AnswerIntroductionUseCase } from './answer-introduction.use-case';
import { DeclineIntroductionDto } from './dto/decline-introduction.dto';
import { FunnelQuery } from './dto/funnel.query';
import { ListIntroductionsQuery } from './dto/list-introductions.query';
import { RecordIntroductionOutcomeDto } from './dto/record-introduction-outcome.dto';
import { RequestIntroductionDto } from './dto/request-introduction.dto';
import { IntroductionQueries } from './introduction.queries';
import { presentIntroduction, presentOutcome } from './introduction.presenter';
import { RecordOutcomeUseCase } from './record-outcome.use-case';
import { RequestIntroductionUseCase } from './request-introduction.use-case';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('introductions')
@Controller('v1/introductions')
export class IntroductionController {
  constructor(
    private readonly requestIntroduction: RequestIntroductionUseCase,
    private readonly answer: AnswerIntroductionUseCase,
    private readonly recordOutcome: RecordOutcomeUseCase,
    private readonly queries: IntroductionQueries,
  ) {}

  @Post()
  @Roles('enterprise')
  @ApiOperation({
    summary: 'Ask to be introduced to the other side of a need–offer pair (201; 200 with the existing one; mutual at once when the other side asked).',
  })
  async request(@CurrentPrincipal() principal: Principal, @Body() dto: RequestIntroductionDto, @Res({ passthrough: true }) reply: any) {
    const { created, introduction } = await this.requestIntroduction.execute(principal, dto);
    reply.status(created ? 201 : 200);
    if (created) reply.header('location', `/v1/introductions/${introduction.id}`);
    return presentIntroduction(introduction, principal.id);
  }

  @Get()
  @Roles('enterprise')
  @ApiOperation({ summary: 'My introductions, newest first: incoming (sent to me) or outgoing, by status.' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListIntroductionsQuery) {
    return this.queries.list(principal, query);
  }

  @Get('funnel')
  @Roles('organiser')
  @ApiOperation({ summary: 'Introduction funnel per sector or workshop (organisers, admins): counts, acceptance rate, median time to answer, outcomes.' })
  funnel(@Query() query: FunnelQuery) {
    return this.queries.funnel(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One introduction with its outcome ledger (its two parties only; anyone else 404).' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string) {
    return this.queries.get(principal, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'The recipient accepts: mutual interest, contact details become available to both.' })
  async accept(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string) {
    return presentIntroduction(await this.answer.accept(principal, id), principal.id);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'The recipient declines with a reason: not-relevant, trl-too-low, price, ipr, timing, other (+ text).' })
  async decline(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Body() dto: DeclineIntroductionDto) {
    return presentIntroduction(await this.answer.decline(principal, id, dto), principal.id);
  }

  @Post(':id/outcomes')
  @ApiOperation({ summary: 'Record progress on an accepted introduction (either party): contacted … licence-signed, jv-formed, abandoned.' })
  async outcome(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Body() dto: RecordIntroductionOutcomeDto) {
    return presentOutcome(await this.recordOutcome.execute(principal, id, dto));
  }
}
