import { createItemController } from '../items/catalog-item.controller';
import { NEEDS } from '../items/item.tokens';
import { CreateNeedDto } from './dto/create-need.dto';
import { NEED_EXAMPLES } from './dto/need.examples';
import { NeedPageResponse, NeedResponse } from './dto/need.response';
import { UpdateNeedDto } from './dto/update-need.dto';

export const NeedController = createItemController({
  kind: 'need',
  service: NEEDS,
  createDto: CreateNeedDto,
  updateDto: UpdateNeedDto,
  examples: NEED_EXAMPLES,
  responseDto: NeedResponse,
  pageDto: NeedPageResponse,
});
