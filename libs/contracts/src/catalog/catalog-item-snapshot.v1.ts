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
  MaxLength,
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
  @IsString() @MaxLength(256) title!: string;
  @IsString() @MaxLength(500) summary!: string;
  @IsString() @MaxLength(4000) description!: string;
  @IsIn(['en', 'zh-Hans', 'ur']) language!: 'en' | 'zh-Hans' | 'ur';
  @IsArray() @ArrayMaxSize(5) @IsString({ each: true }) @MaxLength(64, { each: true }) sectors!: string[];
  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(64, { each: true }) keywords!: string[];
  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(64, { each: true }) cooperationModes!: string[];
  @IsIn(STATUSES) status!: (typeof STATUSES)[number];
  @IsInt() @Min(1) version!: number;
  @IsOptional() @IsISO8601() publishedAt?: string | null;
  @IsISO8601() updatedAt!: string;
}

/** Full offer state: the latest event per key is enough to rebuild the matching index. */
export class OfferSnapshotV1 extends CatalogItemSnapshotV1 {
  @IsInt() @Min(1) @Max(9) trl!: number;
  @IsString() @MaxLength(32) iprStatus!: string;
  @IsOptional() @ValidateNested() @Type(() => MoneyRangeV1) price?: MoneyRangeV1 | null;
  @IsArray() @ArrayMaxSize(40) @IsString({ each: true }) @MaxLength(16, { each: true }) targetRegions!: string[];
  @IsISO8601() validUntil!: string;
}

export class NeedSnapshotV1 extends CatalogItemSnapshotV1 {
  @IsOptional() @IsInt() @Min(1) @Max(9) minTrl?: number | null;
  @IsOptional() @ValidateNested() @Type(() => MoneyRangeV1) budget?: MoneyRangeV1 | null;
  @IsOptional() @IsString() @MaxLength(16) region?: string | null;
  @IsOptional() @IsISO8601() deadline?: string | null;
  @IsOptional() @IsString() @MaxLength(16) urgency?: string | null;
}
