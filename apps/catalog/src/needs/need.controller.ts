import { createItemController } from '../items/catalog-item.controller';
import { NEEDS } from '../items/item.tokens';
import { CreateNeedDto } from './dto/create-need.dto';
import { UpdateNeedDto } from './dto/update-need.dto';

export const NeedController = createItemController({ kind: 'need', service: NEEDS, createDto: CreateNeedDto, updateDto: UpdateNeedDto });
