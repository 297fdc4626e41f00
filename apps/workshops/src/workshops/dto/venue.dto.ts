import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalizedTextDto } from './localized-text.dto';

export class VenueDto {
  @ApiProperty({ example: 'kunming', description: 'Your id for the venue (lowercase letters, digits, dashes).' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'id must be 1–40 lowercase letters, digits or dashes' })
  id!: string;

  @ApiProperty({ type: LocalizedTextDto, example: { en: 'Kunming', 'zh-Hans': '昆明', ur: 'کنمنگ' } })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  city!: LocalizedTextDto;

  @ApiProperty({ example: 'Asia/Shanghai', description: 'IANA time zone of the venue.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  timeZone!: string;

  @ApiProperty({ example: 25, minimum: 1, maximum: 500 })
  @IsInt()
  @Min(1, { message: 'tables must be at least 1' })
  @Max(500)
  tables!: number;

  @ApiPropertyOptional({ example: 8, description: 'Tables with a screen and camera for video meetings (default: all).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  videoTables?: number;

  @ApiPropertyOptional({ type: LocalizedTextDto, description: 'Hotel or centre.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name?: LocalizedTextDto;
}
