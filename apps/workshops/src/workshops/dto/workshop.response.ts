import { ApiProperty } from '@nestjs/swagger';
import { WORKSHOP_STATUSES } from '../domain/workshop-lifecycle';
import { InterpreterDto } from './interpreter.dto';
import { LocalizedTextDto } from './localized-text.dto';
import { SessionDto } from './session.dto';
import { VenueDto } from './venue.dto';

/*
 * Response shapes of the workshop resource, for the OpenAPI document (and so for the typed client in
 * libs/client). workshop.view.ts builds the objects; the plan is stored as it was given, so its parts
 * are described by the request DTOs.
 */
export class WorkshopResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organiserId!: string;
  @ApiProperty({ type: LocalizedTextDto }) title!: LocalizedTextDto;
  @ApiProperty({ enum: ['offline', 'online', 'hybrid'] }) mode!: string;
  @ApiProperty({ enum: WORKSHOP_STATUSES }) status!: string;
  @ApiProperty({ format: 'date', example: '2027-06-08' }) startDate!: string;
  @ApiProperty({ format: 'date', example: '2027-06-09' }) endDate!: string;
  @ApiProperty({ type: [String], description: 'Every date from start to end.' }) days!: string[];
  @ApiProperty() slotMinutes!: number;
  @ApiProperty({ type: SessionDto }) session!: SessionDto;
  @ApiProperty({ type: [VenueDto] }) venues!: VenueDto[];
  @ApiProperty({ type: [String] }) sectors!: string[];
  @ApiProperty({ type: [InterpreterDto] }) interpreters!: InterpreterDto[];
  @ApiProperty({ type: Number, nullable: true }) defaultMaxMeetings!: number | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class WorkshopPageResponse {
  @ApiProperty({ type: [WorkshopResponse] }) items!: WorkshopResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
