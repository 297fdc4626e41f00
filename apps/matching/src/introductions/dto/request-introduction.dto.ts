import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class RequestIntroductionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  needId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  offerId!: string;

  @ApiProperty({ maxLength: 4000, description: 'A short note to the counterpart (INTRODUCTION_MESSAGE_MAX characters, 1000 by default). No email addresses or phone numbers: those are revealed on mutual interest.' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  message!: string;

  @ApiProperty({ enum: ['en', 'zh-Hans', 'ur'] })
  @IsIn(['en', 'zh-Hans', 'ur'])
  language!: 'en' | 'zh-Hans' | 'ur';

  @ApiPropertyOptional({ format: 'uuid', description: 'The workshop this introduction came from (its funnel counts it).' })
  @IsOptional()
  @IsUUID()
  workshopId?: string;
}
