import { ApiProperty } from '@nestjs/swagger';
import { IPR_STATUSES } from '@techbridge/taxonomy';
import { CatalogItemResponse } from '../../items/dto/item.response';
import { MoneyRangeDto } from '../../items/dto/money-range.dto';

/** An offer as `GET /v1/offers/:id` and the write operations return it. */
export class OfferResponse extends CatalogItemResponse {
  @ApiProperty({ minimum: 1, maximum: 9 }) trl!: number;
  @ApiProperty({ enum: IPR_STATUSES }) iprStatus!: string;
  @ApiProperty({ type: MoneyRangeDto, nullable: true }) price!: MoneyRangeDto | null;
  @ApiProperty({ type: [String] }) targetRegions!: string[];
  @ApiProperty({ format: 'date-time' }) validUntil!: string;
}

export class OfferPageResponse {
  @ApiProperty({ type: [OfferResponse] }) items!: OfferResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
