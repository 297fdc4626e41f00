import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class FunnelQuery {
  @ApiPropertyOptional({ description: 'A sector code (`energy` or `energy/solar-pv`): introductions whose need or offer is in it.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9-]+(\/[a-z0-9-]+)?$/, { message: 'sector must be a sector code such as energy or energy/solar-pv' })
  sector?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  workshopId?: string;
}
