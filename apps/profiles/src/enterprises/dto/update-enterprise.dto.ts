import { OmitType, PartialType } from '@nestjs/swagger';
import { RegisterEnterpriseDto } from './register-enterprise.dto';

/** Everything but the country can change; a firm that moves country registers anew. */
export class UpdateEnterpriseDto extends PartialType(OmitType(RegisterEnterpriseDto, ['country'] as const)) {}
