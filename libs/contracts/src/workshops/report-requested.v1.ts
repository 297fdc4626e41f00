import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsUUID, ValidateNested } from 'class-validator';

/** One workshop participant and what it brings: `null` = all of its live offers / needs. */
export class ReportParticipantV1 {
  @IsUUID() enterpriseId!: string;
  @IsIn(['CN', 'PK']) country!: 'CN' | 'PK';
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) offerIds!: string[] | null;
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) needIds!: string[] | null;
}

/**
 * A command from workshops to matching (key = report id): score these participants' live offers and
 * needs against each other and reply with `report.computed` on `matching.report.v1`.
 */
export class ReportRequestedV1 {
  @IsUUID() reportId!: string;
  @IsUUID() workshopId!: string;
  @IsArray() @ArrayMaxSize(2000) @ValidateNested({ each: true }) @Type(() => ReportParticipantV1) participants!: ReportParticipantV1[];
  @IsISO8601() requestedAt!: string;
}
