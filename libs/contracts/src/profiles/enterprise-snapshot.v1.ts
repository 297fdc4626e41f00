import { IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Min } from 'class-validator';

/**
 * The public part of an enterprise profile, carried by every `profiles.enterprise.v1` event so that the
 * latest event per key is the whole state (compacted topic). Contact details never travel in events.
 */
export class EnterpriseSnapshotV1 {
  @IsUUID() enterpriseId!: string;
  @IsString() legalName!: string;
  @IsString() englishName!: string;
  @IsIn(['CN', 'PK']) country!: 'CN' | 'PK';
  @IsOptional() @IsString() region?: string | null;
  @IsString() organisationType!: string;
  @IsOptional() @IsString() sizeBand?: string | null;
  @IsArray() @IsString({ each: true }) sectors!: string[];
  @IsArray() @IsString({ each: true }) languages!: string[];
  @IsOptional() @IsString() website?: string | null;
  @IsIn(['active', 'deactivated']) status!: 'active' | 'deactivated';
  @IsInt() @Min(1) version!: number;
  @IsISO8601() updatedAt!: string;
}
