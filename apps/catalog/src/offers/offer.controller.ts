import { createItemController } from '../items/catalog-item.controller';
import { OFFERS } from '../items/item.tokens';
import { CreateOfferDto } from './dto/create-offer.dto';
import { OFFER_EXAMPLES } from './dto/offer.examples';
import { OfferPageResponse, OfferResponse } from './dto/offer.response';
import { UpdateOfferDto } from './dto/update-offer.dto';

export const OfferController = createItemController({
  kind: 'offer',
  service: OFFERS,
  createDto: CreateOfferDto,
  updateDto: UpdateOfferDto,
  examples: OFFER_EXAMPLES,
  responseDto: OfferResponse,
  pageDto: OfferPageResponse,
});
