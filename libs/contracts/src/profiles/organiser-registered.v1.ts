import { IsISO8601, IsString, IsUUID, MaxLength } from 'class-validator';

/** An organiser's public profile (its email stays in profiles), keyed by organiser id. */
export class OrganiserRegisteredV1 {
  @IsUUID() organiserId!: string;
  @IsString() @MaxLength(200) name!: string;
  @IsISO8601() createdAt!: string;
}
