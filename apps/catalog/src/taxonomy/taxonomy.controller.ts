import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@techbridge/auth';
import {
  COOPERATION_MODE_LABELS,
  CURRENCIES,
  IPR_STATUS_LABELS,
  REGIONS,
  TRL,
  URGENCY_LABELS,
  sectorTree,
} from '@techbridge/taxonomy';
import { SectorTreeResponse } from './dto/sector-tree.response';

/** The controlled vocabularies, with en / zh-Hans / ur labels, for clients building forms. */
@ApiTags('taxonomy')
@Public()
@Controller('v1/taxonomy')
export class TaxonomyController {
  @Get('sectors')
  @ApiOperation({ summary: 'The two-level sector tree with en / zh-Hans / ur labels and ISIC codes.' })
  @ApiOkResponse({ type: SectorTreeResponse })
  sectors() {
    return { items: sectorTree() };
  }

  @Get()
  @ApiOperation({ summary: 'Every other vocabulary: cooperation modes, IPR statuses, TRL, currencies, regions, urgencies.' })
  all() {
    return {
      cooperationModes: COOPERATION_MODE_LABELS,
      iprStatuses: IPR_STATUS_LABELS,
      trl: TRL,
      currencies: CURRENCIES,
      urgencies: URGENCY_LABELS,
      regions: REGIONS,
    };
  }
}
