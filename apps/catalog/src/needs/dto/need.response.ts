import { ApiProperty } from '@nestjs/swagger';
import { URGENCIES } from '@techbridge/taxonomy';
import { CatalogItemResponse } from '../../items/dto/item.response';
import { MoneyRangeDto } from '../../items/dto/money-range.dto';

/** A need as `GET /v1/needs/:id` and the write operations return it. */
export class NeedResponse extends CatalogItemResponse {
  @ApiProperty({ type: Number, minimum: 1, maximum: 9, nullable: true }) minTrl!: number | null;
  @ApiProperty({ type: MoneyRangeDto, nullable: true }) budget!: MoneyRangeDto | null;
  @ApiProperty({ type: String, nullable: true }) region!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadline!: string | null;
  @ApiProperty({ enum: URGENCIES }) urgency!: string;
}

export class NeedPageResponse {
  @ApiProperty({ type: [NeedResponse] }) items!: NeedResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
