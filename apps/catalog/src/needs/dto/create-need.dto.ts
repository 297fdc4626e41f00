import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsRegionCode, AllowNull } from '@techbridge/platform';
import { URGENCIES } from '@techbridge/taxonomy';
import { CatalogItemDto } from '../../items/dto/catalog-item.dto';
import { IsFutureDate } from '../../items/dto/future-date.validator';
import { MoneyRangeDto } from '../../items/dto/money-range.dto';

export class CreateNeedDto extends CatalogItemDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 9, description: 'Lowest acceptable TRL of an offer.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  @AllowNull()
  minTrl?: number;

  @ApiPropertyOptional({ type: MoneyRangeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyRangeDto)
  @AllowNull()
  budget?: MoneyRangeDto;

  @ApiPropertyOptional({ example: 'PK-PB', description: 'ISO 3166-2 region where it is needed.' })
  @IsOptional()
  @IsRegionCode()
  @AllowNull()
  region?: string;

  @ApiPropertyOptional({ description: 'ISO 8601; the need expires after it.' })
  @IsOptional()
  @IsFutureDate()
  @AllowNull()
  deadline?: string;

  @ApiPropertyOptional({ enum: URGENCIES, default: 'medium' })
  @IsOptional()
  @IsIn(URGENCIES)
  urgency?: string;
}
