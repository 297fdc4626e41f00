import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNumber, Max, Min, ValidateBy, ValidationOptions } from 'class-validator';
import { CURRENCIES } from '@techbridge/taxonomy';

/** `max` must not be below `min` (reported on `max`, e.g. `budget.max`). */
function NotBelow(property: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notBelow',
      constraints: [property],
      validator: {
        validate: (value, args) => {
          const other = (args?.object as Record<string, unknown>)[property];
          return typeof value !== 'number' || typeof other !== 'number' || value >= other;
        },
        defaultMessage: () => `$property must be greater than or equal to ${property}`,
      },
    },
    options,
  );
}

export class MoneyRangeDto {
  @ApiProperty({ example: 100000 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e13)
  min!: number;

  @ApiProperty({ example: 500000 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e13)
  @NotBelow('min')
  max!: number;

  @ApiProperty({ enum: CURRENCIES })
  @IsIn(CURRENCIES, { message: 'currency must be one of CNY, PKR, USD (ISO 4217)' })
  currency!: 'CNY' | 'PKR' | 'USD';
}
