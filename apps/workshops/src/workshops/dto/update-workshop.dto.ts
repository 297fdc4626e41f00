import { PartialType } from '@nestjs/swagger';
import { CreateWorkshopDto } from './create-workshop.dto';

/** Any field of the plan; the whole plan is checked again after the change. */
export class UpdateWorkshopDto extends PartialType(CreateWorkshopDto) {}
