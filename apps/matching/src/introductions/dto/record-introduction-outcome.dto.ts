import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { OUTCOME_STAGES, OutcomeStage } from '@techbridge/contracts';

export class RecordIntroductionOutcomeDto {
  @ApiProperty({ enum: OUTCOME_STAGES })
  @IsIn(OUTCOME_STAGES, { message: `stage must be one of ${OUTCOME_STAGES.join(', ')}` })
  stage!: OutcomeStage;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
