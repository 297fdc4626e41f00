import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class MatchSummaryV1 {
  @IsUUID() offerId!: string;
  @IsNumber() @Min(0) @Max(100) score!: number;
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(500, { each: true }) reasons!: string[];
}

/** A need's match set changed. Carries the top matches with their (English) reasons. */
export class NeedMatchedV1 {
  @IsUUID() needId!: string;
  @IsInt() @Min(1) needVersion!: number;
  @IsUUID() matchSetId!: string;
  @IsUUID() enterpriseId!: string;
  @IsString() @MaxLength(64) trigger!: string;
  @IsInt() @Min(0) matchCount!: number;
  /** Increases by one with every stored revision of the need's set (additive, optional for old events). */
  @IsOptional() @IsInt() @Min(1) revision?: number;
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => MatchSummaryV1) top!: MatchSummaryV1[];
  @IsOptional() @IsString() @MaxLength(500) hint?: string | null;
  @IsISO8601() computedAt!: string;
}
