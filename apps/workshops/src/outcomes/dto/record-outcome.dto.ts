import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MEETING_OUTCOMES, MeetingOutcome } from '@techbridge/contracts';

export class RecordOutcomeDto {
  @ApiProperty({ enum: MEETING_OUTCOMES })
  @IsIn(MEETING_OUTCOMES, { message: `outcome must be one of ${MEETING_OUTCOMES.join(', ')}` })
  outcome!: MeetingOutcome;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
