import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MoneyRangeV1 } from '../common/money.v1';

const STATUSES = ['draft', 'published', 'withdrawn', 'expired', 'closed'] as const;

/** Fields common to offers and needs: the text that gets matched, sectors and ownership. */
abstract class CatalogItemSnapshotV1 {
  @IsUUID() id!: string;
  @IsUUID() enterpriseId!: string;
  @IsIn(['CN', 'PK']) country!: 'CN' | 'PK';
  @IsString() title!: string;
  @IsString() summary!: string;
  @IsString() description!: string;
  @IsIn(['en', 'zh-Hans', 'ur']) language!: 'en' | 'zh-Hans' | 'ur';
  @IsArray() @ArrayMaxSize(5) @IsString({ each: true }) sectors!: string[];
  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) keywords!: string[];
  @IsArray() @IsString({ each: true }) cooperationModes!: string[];
  @IsIn(STATUSES) status!: (typeof STATUSES)[number];
  @IsInt() @Min(1) version!: number;
  @IsOptional() @IsISO8601() publishedAt?: string | null;
  @IsISO8601() updatedAt!: string;
}

/** Full offer state: the latest event per key is enough to rebuild the matching index. */
export class OfferSnapshotV1 extends CatalogItemSnapshotV1 {
  @IsInt() @Min(1) @Max(9) trl!: number;
  @IsString() iprStatus!: string;
  @IsOptional() @ValidateNested() @Type(() => MoneyRangeV1) price?: MoneyRangeV1 | null;
  @IsArray() @IsString({ each: true }) targetRegions!: string[];
  @IsISO8601() validUntil!: string;
}

export class NeedSnapshotV1 extends CatalogItemSnapshotV1 {
  @IsOptional() @IsInt() @Min(1) @Max(9) minTrl?: number | null;
  @IsOptional() @ValidateNested() @Type(() => MoneyRangeV1) budget?: MoneyRangeV1 | null;
  @IsOptional() @IsString() region?: string | null;
  @IsOptional() @IsISO8601() deadline?: string | null;
  @IsOptional() @IsString() urgency?: string | null;
}
