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
  IsUrl,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsRegionCode, IsSectorCode, RegionInCountry, AllowNull } from '@techbridge/platform';
import { COUNTRIES, LANGUAGES, ORGANISATION_TYPES, SIZE_BANDS } from '@techbridge/taxonomy';
import { ContactDto } from './contact.dto';

export class RegisterEnterpriseDto {
  @ApiProperty({ description: 'Legal name in its original script (中文 / اردو allowed).', example: '云南绿色农业科技有限公司' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  legalName!: string;

  @ApiProperty({ example: 'Yunnan Green Agritech Co., Ltd.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  englishName!: string;

  @ApiProperty({ enum: COUNTRIES })
  @IsIn(COUNTRIES, { message: 'country must be "CN" or "PK" (ISO 3166-1 alpha-2)' })
  country!: 'CN' | 'PK';

  @ApiPropertyOptional({ example: 'CN-YN', description: 'ISO 3166-2 subdivision in `country`.' })
  @IsOptional()
  @IsRegionCode()
  @RegionInCountry('country')
  @AllowNull()
  region?: string;

  @ApiProperty({ enum: ORGANISATION_TYPES })
  @IsIn(ORGANISATION_TYPES)
  organisationType!: string;

  @ApiPropertyOptional({ enum: SIZE_BANDS })
  @IsOptional()
  @IsIn(SIZE_BANDS)
  @AllowNull()
  sizeBand?: string;

  @ApiProperty({ type: [String], example: ['agriculture/seeds'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsSectorCode({ each: true })
  sectors!: string[];

  @ApiPropertyOptional({ example: 'https://example.cn' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2048)
  @AllowNull()
  website?: string;

  @ApiProperty({ type: [String], enum: LANGUAGES, example: ['zh-Hans', 'en'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true, message: 'each value in languages must be one of en, zh-Hans, ur' })
  languages!: string[];

  @ApiProperty({ type: ContactDto })
  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;
}
