import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsSectorCode } from '@techbridge/platform';
import { COOPERATION_MODES, LANGUAGES } from '@techbridge/taxonomy';
import { AttachmentLinkDto } from './attachment-link.dto';

/** The text, sectors and modes an offer and a need both have. Limits are the brief's. */
export abstract class CatalogItemDto {
  @ApiProperty({ maxLength: 256, example: '耐高温杂交水稻种子' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  title!: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  summary!: string;

  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  description!: string;

  @ApiProperty({ enum: LANGUAGES, description: 'Language the text is written in (BCP 47).' })
  @IsIn(LANGUAGES, { message: 'language must be one of en, zh-Hans, ur' })
  language!: 'en' | 'zh-Hans' | 'ur';

  @ApiProperty({ type: [String], example: ['agriculture/seeds'], description: '1–5 codes from GET /v1/taxonomy/sectors.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsSectorCode({ each: true })
  sectors!: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 10, example: ['hybrid rice', '杂交水稻'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(64, { each: true })
  keywords?: string[];

  @ApiProperty({ type: [String], enum: COOPERATION_MODES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(COOPERATION_MODES.length)
  @ArrayUnique()
  @IsIn(COOPERATION_MODES, { each: true, message: `each value in cooperationModes must be one of ${COOPERATION_MODES.join(', ')}` })
  cooperationModes!: string[];

  @ApiPropertyOptional({ type: [AttachmentLinkDto], maxItems: 10 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AttachmentLinkDto)
  attachments?: AttachmentLinkDto[];
}
