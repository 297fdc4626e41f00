import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { INTRODUCTION_STATUSES, IntroductionStatus } from '@techbridge/contracts';
import { PageQueryDto } from '@techbridge/platform';

export class ListIntroductionsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['incoming', 'outgoing'], description: 'Sent to me, or sent by me (default: both).' })
  @IsOptional()
  @IsIn(['incoming', 'outgoing'])
  direction?: 'incoming' | 'outgoing';

  @ApiPropertyOptional({ enum: INTRODUCTION_STATUSES })
  @IsOptional()
  @IsIn(INTRODUCTION_STATUSES)
  status?: IntroductionStatus;
}
