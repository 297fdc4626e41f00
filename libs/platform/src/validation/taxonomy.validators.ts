import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';
import { isRegionCode, isSectorCode, regionCountry } from '@techbridge/taxonomy';

/** A sector code from GET /v1/taxonomy/sectors (`energy` or `energy/solar-pv`). */
export function IsSectorCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSectorCode',
      validator: {
        validate: (value) => isSectorCode(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a sector code from GET /v1/taxonomy/sectors (e.g. "energy/solar-pv")`,
          options,
        ),
      },
    },
    options,
  );
}

/** An ISO 3166-2 subdivision code the platform knows (PK-PB, CN-YN …). */
export function IsRegionCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRegionCode',
      validator: {
        validate: (value) => isRegionCode(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an ISO 3166-2 region code such as "PK-PB" or "CN-YN"`,
          options,
        ),
      },
    },
    options,
  );
}

/** The region must lie in the country given in the sibling property `countryField`. */
export function RegionInCountry(countryField: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'regionInCountry',
      constraints: [countryField],
      validator: {
        validate: (value, args) => {
          const country = (args?.object as Record<string, unknown>)[countryField];
          return typeof value !== 'string' || typeof country !== 'string' || regionCountry(value) === country;
        },
        defaultMessage: buildMessage(() => `$property "$value" is not a region of the given ${countryField}`, options),
      },
    },
    options,
  );
}

/** Phone numbers in E.164 (+923001234567, +8613800138000). */
export function IsE164(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isE164',
      validator: {
        validate: (value) => typeof value === 'string' && /^\+[1-9]\d{6,14}$/.test(value),
        defaultMessage: buildMessage(() => '$property must be an E.164 phone number such as +923001234567', options),
      },
    },
    options,
  );
}
