import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@techbridge/auth';
import { RecordOutcomeDto } from './dto/record-outcome.dto';
import { OutcomesService } from './outcomes.service';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('workshop outcomes')
@Controller('v1/workshops/:id')
export class OutcomeController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Put('meetings/:meetingId/outcome')
  @Roles('organiser')
  @ApiOperation({ summary: 'Record what came of a meeting (organiser): held, no-show, follow-up-agreed, deal-signed.' })
  record(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Param('meetingId', uuid) meetingId: string, @Body() dto: RecordOutcomeDto) {
    return this.outcomes.record(principal, id, meetingId, dto);
  }

  @Get('outcomes')
  @Roles('organiser')
  @ApiOperation({ summary: 'The workshop’s funnel: meetings scheduled, outcomes by kind, held and deal rates (organiser).' })
  funnel(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string) {
    return this.outcomes.funnel(principal, id);
  }
}
