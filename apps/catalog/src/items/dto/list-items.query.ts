import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsRegionCode, IsSectorCode, PageQueryDto, QueryInteger } from '@techbridge/platform';
import { COOPERATION_MODES, COUNTRIES, LANGUAGES, OFFER_STATUSES } from '@techbridge/taxonomy';

export const ITEM_SORTS = ['-createdAt', 'createdAt', '-updatedAt', 'updatedAt'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

export class ListItemsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: COUNTRIES, description: 'Country of the publishing enterprise.' })
  @IsOptional()
  @IsIn(COUNTRIES)
  country?: string;

  @ApiPropertyOptional({ description: 'Sector code; a top-level code also matches its sub-sectors.' })
  @IsOptional()
  @IsSectorCode()
  sector?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 9, description: 'Offers: TRL ≥; needs: minimum TRL ≥.' })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(9)
  trlMin?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 9 })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(9)
  trlMax?: number;

  @ApiPropertyOptional({ enum: COOPERATION_MODES })
  @IsOptional()
  @IsIn(COOPERATION_MODES)
  mode?: string;

  @ApiPropertyOptional({ enum: OFFER_STATUSES, default: 'published', description: 'Only your own items are listed for statuses other than published.' })
  @IsOptional()
  @IsIn(OFFER_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: string;

  @ApiPropertyOptional({ description: 'ISO 3166-2 region (offers: a target region; needs: the region).' })
  @IsOptional()
  @IsRegionCode()
  region?: string;

  @ApiPropertyOptional({ description: 'Words in title, summary or keywords (any script).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Only my own items (any status).' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ enum: ITEM_SORTS, default: '-createdAt' })
  @IsOptional()
  @IsIn(ITEM_SORTS)
  sort?: ItemSort;
}
