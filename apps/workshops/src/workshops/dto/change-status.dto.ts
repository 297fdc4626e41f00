import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { WORKSHOP_STATUSES, WorkshopStatus } from '../domain/workshop-lifecycle';

export class ChangeStatusDto {
  @ApiProperty({ enum: WORKSHOP_STATUSES, example: 'open' })
  @IsIn(WORKSHOP_STATUSES, { message: `status must be one of ${WORKSHOP_STATUSES.join(', ')}` })
  status!: WorkshopStatus;
}
