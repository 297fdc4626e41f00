import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsRegionCode, AllowNull } from '@techbridge/platform';
import { IPR_STATUSES } from '@techbridge/taxonomy';
import { CatalogItemDto } from '../../items/dto/catalog-item.dto';
import { IsFutureDate } from '../../items/dto/future-date.validator';
import { MoneyRangeDto } from '../../items/dto/money-range.dto';

export class CreateOfferDto extends CatalogItemDto {
  @ApiProperty({ minimum: 1, maximum: 9, description: 'Technology readiness level (EU H2020 scale).' })
  @IsInt()
  @Min(1)
  @Max(9)
  trl!: number;

  @ApiProperty({ enum: IPR_STATUSES })
  @IsIn(IPR_STATUSES)
  iprStatus!: string;

  @ApiPropertyOptional({ type: MoneyRangeDto, description: 'Indicative price range.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyRangeDto)
  @AllowNull()
  price?: MoneyRangeDto;

  @ApiPropertyOptional({ type: [String], example: ['PK-PB', 'PK-SD'], description: 'ISO 3166-2 regions; empty = anywhere.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @ArrayUnique()
  @IsRegionCode({ each: true })
  targetRegions?: string[];

  @ApiPropertyOptional({ description: 'ISO 8601; defaults to 365 days from now.' })
  @IsOptional()
  @IsFutureDate()
  validUntil?: string;
}
