import { createItemController } from '../items/catalog-item.controller';
import { OFFERS } from '../items/item.tokens';
import { CreateOfferDto } from './dto/create-offer.dto';
import { UpdateOfferDto } from './dto/update-offer.dto';

export const OfferController = createItemController({ kind: 'offer', service: OFFERS, createDto: CreateOfferDto, updateDto: UpdateOfferDto });
