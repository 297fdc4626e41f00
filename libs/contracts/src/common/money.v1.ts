import { IsIn, IsNumber, Min } from 'class-validator';

export class MoneyRangeV1 {
  @IsNumber() @Min(0) min!: number;
  @IsNumber() @Min(0) max!: number;
  @IsIn(['CNY', 'PKR', 'USD']) currency!: 'CNY' | 'PKR' | 'USD';
}
