import { ApiProperty } from '@nestjs/swagger';

/** An organiser account as its owner and the admin see it. */
export class OrganiserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) organisation!: string | null;
  @ApiProperty() email!: string;
}

/** `POST /v1/organisers`: the account and its API key, shown only in this response. */
export class RegisteredOrganiserResponse extends OrganiserResponse {
  @ApiProperty({ enum: ['organiser'] }) role!: 'organiser';
  @ApiProperty() apiKey!: string;
}
