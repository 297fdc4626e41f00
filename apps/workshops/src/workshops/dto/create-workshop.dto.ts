import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsSectorCode } from '@techbridge/platform';
import { InterpreterDto } from './interpreter.dto';
import { LocalizedTextDto } from './localized-text.dto';
import { SessionDto } from './session.dto';
import { VenueDto } from './venue.dto';

export const WORKSHOP_MODES = ['offline', 'online', 'hybrid'] as const;

export class CreateWorkshopDto {
  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title!: LocalizedTextDto;

  @ApiProperty({ enum: WORKSHOP_MODES, example: 'hybrid' })
  @IsIn(WORKSHOP_MODES, { message: 'mode must be one of offline, online, hybrid' })
  mode!: (typeof WORKSHOP_MODES)[number];

  @ApiProperty({ example: '2026-06-08', description: 'First day (YYYY-MM-DD).' })
  @IsISO8601({ strict: true }, { message: 'startDate must be a date YYYY-MM-DD' })
  startDate!: string;

  @ApiProperty({ example: '2026-06-10', description: 'Last day, at most 14 days after the first.' })
  @IsISO8601({ strict: true }, { message: 'endDate must be a date YYYY-MM-DD' })
  endDate!: string;

  @ApiProperty({ example: 30, minimum: 10, maximum: 120 })
  @IsInt()
  @Min(10)
  @Max(120)
  slotMinutes!: number;

  @ApiProperty({ type: SessionDto, description: 'Meeting hours, local to each venue.' })
  @ValidateNested()
  @Type(() => SessionDto)
  session!: SessionDto;

  @ApiProperty({ type: [VenueDto], description: 'One or more cities; none for an online-only workshop.' })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => VenueDto)
  venues!: VenueDto[];

  @ApiPropertyOptional({ type: [String], example: ['agriculture', 'energy/solar-pv'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsSectorCode({ each: true })
  sectors?: string[];

  @ApiPropertyOptional({ type: [InterpreterDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => InterpreterDto)
  interpreters?: InterpreterDto[];

  @ApiPropertyOptional({ example: 8, description: 'Meeting cap for participants that set none.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  defaultMaxMeetings?: number;
}
