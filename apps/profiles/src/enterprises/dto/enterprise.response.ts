import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNTRIES, LANGUAGES, ORGANISATION_TYPES, SIZE_BANDS } from '@techbridge/taxonomy';

/*
 * Response shapes, for the OpenAPI document (and so for the typed client in libs/client). The
 * mapper (enterprise.mapper.ts) builds the objects; these classes only describe them.
 */

export class ContactResponse {
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
}

export class EnterpriseResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() legalName!: string;
  @ApiProperty() englishName!: string;
  @ApiProperty({ enum: COUNTRIES }) country!: 'CN' | 'PK';
  @ApiProperty({ type: String, nullable: true }) region!: string | null;
  @ApiProperty({ enum: ORGANISATION_TYPES }) organisationType!: string;
  @ApiProperty({ enum: SIZE_BANDS, nullable: true }) sizeBand!: string | null;
  @ApiProperty({ type: [String] }) sectors!: string[];
  @ApiProperty({ type: String, nullable: true }) website!: string | null;
  @ApiProperty({ enum: LANGUAGES, isArray: true }) languages!: string[];
  @ApiProperty({ enum: ['active', 'deactivated'] }) status!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ type: ContactResponse, description: 'Only for the owner and admins.' })
  contact?: ContactResponse;
}

export class RegisteredEnterpriseResponse extends EnterpriseResponse {
  @ApiProperty({ description: 'The API key, shown only in this response (`tb_<key id>_<secret>`).' })
  apiKey!: string;
}

export class EnterprisePageResponse {
  @ApiProperty({ type: [EnterpriseResponse] }) items!: EnterpriseResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
