import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** A reason in the three languages the platform writes. */
export class LocalizedReasonV1 {
  @IsString() @MaxLength(500) en!: string;
  @IsString() @MaxLength(500) 'zh-Hans'!: string;
  @IsString() @MaxLength(500) ur!: string;
}

/** An offer or need brought to the workshop, as the report shows it. */
export class ReportItemV1 {
  @IsUUID() id!: string;
  @IsIn(['offer', 'need']) kind!: 'offer' | 'need';
  @IsUUID() enterpriseId!: string;
  @IsIn(['CN', 'PK']) country!: 'CN' | 'PK';
  @IsString() @MaxLength(256) title!: string;
  @IsIn(['en', 'zh-Hans', 'ur']) language!: 'en' | 'zh-Hans' | 'ur';
  @IsArray() @ArrayMaxSize(5) @IsString({ each: true }) @MaxLength(64, { each: true }) sectors!: string[];
  /** the need's region, or the offer's target regions */
  @IsArray() @ArrayMaxSize(40) @IsString({ each: true }) @MaxLength(16, { each: true }) regions!: string[];
  /** needs only: nothing scored at or above the threshold */
  @IsOptional() unmet?: boolean;
  /** needs only, when unmet: best score below the threshold and what one change would make it match */
  @IsOptional() @IsNumber() bestScore?: number | null;
  @IsOptional() @ValidateNested() @Type(() => LocalizedReasonV1) nearMiss?: LocalizedReasonV1 | null;
}

/** A scored need–offer pair between two participants (score at or above the threshold). */
export class ReportPairV1 {
  @IsUUID() needId!: string;
  @IsUUID() offerId!: string;
  @IsNumber() @Min(0) @Max(100) score!: number;
  @IsArray() @ArrayMaxSize(8) @ValidateNested({ each: true }) @Type(() => LocalizedReasonV1) reasons!: LocalizedReasonV1[];
}

/**
 * matching's answer to `report.requested` (key = report id), in parts: a big workshop's pairs and items
 * exceed one Kafka message. The report is complete when parts 1..`parts` have all arrived.
 */
export class ReportComputedV1 {
  @IsUUID() reportId!: string;
  @IsUUID() workshopId!: string;
  @IsInt() @Min(1) part!: number;
  @IsInt() @Min(1) @Max(10_000) parts!: number;
  @IsNumber() @Min(0) @Max(100) threshold!: number;
  @IsArray() @ArrayMaxSize(5000) @ValidateNested({ each: true }) @Type(() => ReportItemV1) items!: ReportItemV1[];
  @IsArray() @ArrayMaxSize(5000) @ValidateNested({ each: true }) @Type(() => ReportPairV1) pairs!: ReportPairV1[];
  @IsISO8601() computedAt!: string;
}

/** matching could not compute the report (the reason says why); workshops marks it failed. */
export class ReportFailedV1 {
  @IsUUID() reportId!: string;
  @IsUUID() workshopId!: string;
  @IsString() @MaxLength(1000) reason!: string;
  @IsISO8601() failedAt!: string;
}
