import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EnterpriseResponse } from '../../enterprises/dto/enterprise.response';
import { OrganiserResponse } from '../../organisers/dto/organiser.response';

/** `GET /v1/me`: the caller's role and, for an enterprise or an organiser, its own profile. */
export class MeResponse {
  @ApiProperty({ enum: ['enterprise', 'organiser', 'admin'] }) role!: 'enterprise' | 'organiser' | 'admin';
  @ApiPropertyOptional({ type: EnterpriseResponse, description: 'For an enterprise key (contact included).' })
  enterprise?: EnterpriseResponse;
  @ApiPropertyOptional({ type: OrganiserResponse, description: 'For an organiser key.' })
  organiser?: OrganiserResponse;
  @ApiPropertyOptional({ description: 'For the admin key.' }) id?: string;
}

/** `POST /v1/me/api-keys`: the new key (shown once) and how many older keys were revoked. */
export class RotatedApiKeyResponse {
  @ApiProperty() keyId!: string;
  @ApiProperty() apiKey!: string;
  @ApiProperty() revokedKeys!: number;
}
