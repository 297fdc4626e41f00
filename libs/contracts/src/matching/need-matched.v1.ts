import { Type } from 'class-transformer';
import { IsArray, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Max, Min, ValidateNested } from 'class-validator';

export class MatchSummaryV1 {
  @IsUUID() offerId!: string;
  @IsNumber() @Min(0) @Max(100) score!: number;
  @IsArray() @IsString({ each: true }) reasons!: string[];
}

/** A need's match set changed. Carries the top matches with their (English) reasons. */
export class NeedMatchedV1 {
  @IsUUID() needId!: string;
  @IsInt() @Min(1) needVersion!: number;
  @IsUUID() matchSetId!: string;
  @IsUUID() enterpriseId!: string;
  @IsString() trigger!: string;
  @IsInt() @Min(0) matchCount!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => MatchSummaryV1) top!: MatchSummaryV1[];
  @IsOptional() @IsString() hint?: string | null;
  @IsISO8601() computedAt!: string;
}
