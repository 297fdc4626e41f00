import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@techbridge/platform';
import { WORKSHOP_STATUSES, WorkshopStatus } from '../domain/workshop-lifecycle';

export class ListWorkshopsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: WORKSHOP_STATUSES })
  @IsOptional()
  @IsIn(WORKSHOP_STATUSES)
  status?: WorkshopStatus;

  @ApiPropertyOptional({ description: 'Only the workshops you organise (organisers) or take part in (enterprises).' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  mine?: boolean;
}
