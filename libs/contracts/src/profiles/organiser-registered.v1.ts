import { IsISO8601, IsString, IsUUID } from 'class-validator';

export class OrganiserRegisteredV1 {
  @IsUUID() organiserId!: string;
  @IsString() name!: string;
  @IsISO8601() createdAt!: string;
}
