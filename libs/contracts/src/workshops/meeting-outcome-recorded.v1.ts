import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const MEETING_OUTCOMES = ['held', 'no-show', 'follow-up-agreed', 'deal-signed'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

/** What came of one scheduled workshop meeting (key = meeting id); matching may learn from it. */
export class MeetingOutcomeRecordedV1 {
  @IsUUID() meetingId!: string;
  @IsUUID() workshopId!: string;
  @IsUUID() reportId!: string;
  @IsUUID() enterpriseA!: string;
  @IsUUID() enterpriseB!: string;
  @IsOptional() @IsUUID() needId?: string | null;
  @IsOptional() @IsUUID() offerId?: string | null;
  @IsIn(MEETING_OUTCOMES) outcome!: MeetingOutcome;
  @IsOptional() @IsString() @MaxLength(2000) note?: string | null;
  @IsISO8601() recordedAt!: string;
}
