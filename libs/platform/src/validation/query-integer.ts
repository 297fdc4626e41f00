import { Transform } from 'class-transformer';

/**
 * A query parameter holding a whole number in plain decimal digits. `Number()` would also read `0x10`,
 * `1e3`, ` 5` or `''` as numbers; those stay strings here, so `@IsInt()` refuses them naming the field.
 */
export function QueryInteger(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value));
}
