import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@techbridge/auth';
import { AddParticipantDto, CandidatesQuery, DecideApplicationDto, ParticipationDto, WishesDto } from './dto/participation.dto';
import { ParticipantStatus } from './infrastructure/participant.entity';
import { ParticipantsService } from './participants.service';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

class UpdateParticipationDto extends PartialType(ParticipationDto) {}

class ListParticipantsQuery {
  @IsOptional()
  @IsIn(['applied', 'accepted', 'declined'])
  status?: ParticipantStatus;
}

@ApiTags('workshop participants')
@Controller('v1/workshops/:id')
export class ParticipantController {
  constructor(private readonly participants: ParticipantsService) {}

  @Post('participants')
  @Roles('organiser')
  @ApiOperation({ summary: 'Add a registered enterprise (organiser): how it attends, when, languages, cap, what it brings.' })
  add(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Body() dto: AddParticipantDto) {
    return this.participants.add(principal, id, dto);
  }

  @Get('participants')
  @Roles('organiser')
  @ApiOperation({ summary: 'Participants and applications (organiser).' })
  list(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Query() q: ListParticipantsQuery) {
    return this.participants.list(principal, id, q.status);
  }

  @Get('participants/:enterpriseId')
  @ApiOperation({ summary: 'One participant (organiser, or the enterprise itself).' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Param('enterpriseId', uuid) enterpriseId: string) {
    return this.participants.get(principal, id, enterpriseId);
  }

  @Patch('participants/:enterpriseId')
  @ApiOperation({ summary: 'Change how a participant attends (organiser, or the enterprise itself).' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Param('enterpriseId', uuid) enterpriseId: string,
    @Body() dto: UpdateParticipationDto,
  ) {
    return this.participants.update(principal, id, enterpriseId, dto);
  }

  @Delete('participants/:enterpriseId')
  @Roles('organiser')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a participant (organiser).' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Param('enterpriseId', uuid) enterpriseId: string) {
    await this.participants.remove(principal, id, enterpriseId);
  }

  @Post('applications')
  @ApiOperation({ summary: 'Apply to an open workshop (enterprise); the organiser accepts or declines.' })
  apply(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Body() dto: ParticipationDto) {
    return this.participants.apply(principal, id, dto);
  }

  @Post('applications/:enterpriseId/decision')
  @Roles('organiser')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept or decline an application (organiser).' })
  decide(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Param('enterpriseId', uuid) enterpriseId: string,
    @Body() dto: DecideApplicationDto,
  ) {
    return this.participants.decide(principal, id, enterpriseId, dto.decision);
  }

  @Get('candidates')
  @ApiOperation({ summary: 'Your candidate counterparts from the latest match report, with reasons (participants; organisers name one).' })
  candidates(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Query() q: CandidatesQuery) {
    return this.participants.candidates(principal, id, q.enterpriseId, q.lang ?? 'en');
  }

  @Get('wishes')
  @ApiOperation({ summary: 'Whom you asked to meet, and which of them asked for you too.' })
  wishes(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string) {
    return this.participants.wishes(principal, id);
  }

  @Put('wishes')
  @ApiOperation({ summary: 'Replace your wishlist: mutual wishes come first in the schedule.' })
  setWishes(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Body() dto: WishesDto) {
    return this.participants.setWishes(principal, id, dto.enterpriseIds);
  }
}
