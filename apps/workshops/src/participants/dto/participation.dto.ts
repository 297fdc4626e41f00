import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LANGUAGES } from '@techbridge/taxonomy';
import { LocalWindowDto } from '../../workshops/dto/session.dto';

/** In person at a venue (`venueId`), or online from a time zone (`timeZone`, working hours optional). */
export class AttendanceDto {
  @ApiPropertyOptional({ example: 'islamabad', description: 'Attend in person at this venue of the workshop.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  venueId?: string;

  @ApiPropertyOptional({ example: 'Asia/Karachi', description: 'Attend online from this IANA time zone.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ type: [LocalWindowDto], description: 'Online only: local working hours (default 09:00–18:00).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalWindowDto)
  workingHours?: LocalWindowDto[];
}

/** A window of one day, local to the participant (its venue's time zone, or its own online). */
export class AvailabilityDto extends LocalWindowDto {
  @ApiProperty({ example: '2026-06-09' })
  @IsISO8601({ strict: true }, { message: 'date must be a date YYYY-MM-DD' })
  date!: string;
}

/** How an enterprise takes part: where, when, in which languages, how many meetings, with what. */
export class ParticipationDto {
  @ApiProperty({ type: AttendanceDto })
  @ValidateNested()
  @Type(() => AttendanceDto)
  attendance!: AttendanceDto;

  @ApiPropertyOptional({ type: [AvailabilityDto], description: 'Absent: available whenever the workshop runs.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityDto)
  availability?: AvailabilityDto[];

  @ApiPropertyOptional({ type: [String], enum: LANGUAGES, description: 'Default: the languages of the enterprise profile.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true, message: 'each language must be one of en, zh-Hans, ur' })
  languages?: string[];

  @ApiPropertyOptional({ example: 6, minimum: 1, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxMeetings?: number;

  @ApiPropertyOptional({ type: [String], description: 'Offers brought (ids of your live offers); default: all of them.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  offerIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Needs brought (ids of your live needs); default: all of them.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  needIds?: string[];
}

/** The organiser adds a registered enterprise. */
export class AddParticipantDto extends ParticipationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'enterpriseId must be a UUID' })
  enterpriseId!: string;
}

export class DecideApplicationDto {
  @ApiProperty({ enum: ['accept', 'decline'] })
  @IsIn(['accept', 'decline'], { message: 'decision must be accept or decline' })
  decision!: 'accept' | 'decline';
}

export class WishesDto {
  @ApiProperty({ type: [String], description: 'Enterprises you want to meet (participants of this workshop).' })
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  enterpriseIds!: string[];
}

export class CandidatesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Organisers: whose candidates (default: your own as a participant).' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: 'en' | 'zh-Hans' | 'ur';
}

