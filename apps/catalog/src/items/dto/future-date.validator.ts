import { ValidateBy, ValidationOptions } from 'class-validator';

/** An ISO 8601 date-time that lies in the future. */
export function IsFutureDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFutureDate',
      validator: {
        validate: (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)) && Date.parse(value) > Date.now(),
        defaultMessage: () => '$property must be an ISO 8601 date in the future',
      },
    },
    options,
  );
}
