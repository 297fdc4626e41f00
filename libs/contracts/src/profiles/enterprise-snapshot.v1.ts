import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

/**
 * The public part of an enterprise profile, carried by every `profiles.enterprise.v2` event so that the
 * latest event per key is the whole state (compacted topic). Contact details never travel in events.
 */
export class EnterpriseSnapshotV1 {
  @IsUUID() enterpriseId!: string;
  @IsString() @MaxLength(256) legalName!: string;
  @IsString() @MaxLength(256) englishName!: string;
  @IsIn(['CN', 'PK']) country!: 'CN' | 'PK';
  @IsOptional() @IsString() @MaxLength(16) region?: string | null;
  @IsString() @MaxLength(64) organisationType!: string;
  @IsOptional() @IsString() @MaxLength(32) sizeBand?: string | null;
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(64, { each: true }) sectors!: string[];
  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(16, { each: true }) languages!: string[];
  @IsOptional() @IsString() @MaxLength(2048) website?: string | null;
  @IsIn(['active', 'deactivated']) status!: 'active' | 'deactivated';
  @IsInt() @Min(1) version!: number;
  @IsISO8601() updatedAt!: string;
}
