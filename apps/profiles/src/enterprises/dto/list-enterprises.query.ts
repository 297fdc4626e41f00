import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsSectorCode, PageQueryDto } from '@techbridge/platform';
import { COUNTRIES } from '@techbridge/taxonomy';

export class ListEnterprisesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: COUNTRIES })
  @IsOptional()
  @IsIn(COUNTRIES)
  country?: string;

  @ApiPropertyOptional({ description: 'Sector code; a top-level code also matches its sub-sectors.' })
  @IsOptional()
  @IsSectorCode()
  sector?: string;

  @ApiPropertyOptional({ description: 'Text in the legal or English name (any script).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
