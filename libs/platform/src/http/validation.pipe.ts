import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateBy, ValidationTypes, getMetadataStorage } from 'class-validator';
import { FieldError, Problems } from './problem';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? `unknown field "${field}" is not allowed` : message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

const ALLOW_NULL = 'allowNull';

/**
 * `null` clears this (optional) field, e.g. `{"price": null}` removes a price. Every other field refuses
 * `null` with a 400 naming it — `@IsOptional()` alone would let `null` through to the service.
 */
export function AllowNull(): PropertyDecorator {
  return ValidateBy({ name: ALLOW_NULL, validator: { validate: () => true } });
}

function allowsNull(target: object, property: string): boolean {
  return getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .some((m) => m.propertyName === property && m.name === ALLOW_NULL);
}

/** Fields holding `null` that do not allow it, in nested DTOs and arrays of them too. */
function nullFields(value: unknown, path = ''): FieldError[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nullFields(v, `${path}[${i}]`));
  if (value.constructor === Object) return []; // a plain object: not a DTO (e.g. a JSON map field)
  return Object.entries(value).flatMap(([key, v]) => {
    const field = path ? `${path}.${key}` : key;
    if (v === null) return allowsNull(value, key) ? [] : [{ field, message: `${field} must not be null` }];
    return nullFields(v, field);
  });
}

/**
 * Nested DTO fields whose shape class-validator lets through: `@ValidateNested()` skips an absent value
 * (a required `contact` could be left out) and validates an array element by element (`"contact": []`
 * passes as an empty list of contacts). An absent nested field is refused unless it is optional, and a
 * single nested object must be an object.
 */
function nestedShapeFields(value: unknown, path = ''): FieldError[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nestedShapeFields(v, `${path}[${i}]`));
  if (value.constructor === Object) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(value.constructor, '', true, false);
  const errors: FieldError[] = [];
  for (const m of metadata.filter((x) => x.type === ValidationTypes.NESTED_VALIDATION)) {
    const field = path ? `${path}.${m.propertyName}` : m.propertyName;
    const v = (value as Record<string, unknown>)[m.propertyName];
    const optional = metadata.some((x) => x.propertyName === m.propertyName && x.type === ValidationTypes.CONDITIONAL_VALIDATION);
    if (v === undefined) {
      if (!optional) errors.push({ field, message: `${field} is required` });
    } else if (!m.each && (Array.isArray(v) || typeof v !== 'object')) {
      errors.push({ field, message: `${field} must be an object` });
    }
  }
  return errors.length > 0 ? errors : Object.entries(value).flatMap(([key, v]) => nestedShapeFields(v, path ? `${path}.${key}` : key));
}

/** The global pipe, plus the rules above for bodies. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const result = await super.transform(value, metadata);
    if (metadata.type === 'body') {
      const errors = [...nullFields(result), ...nestedShapeFields(result)];
      if (errors.length > 0) throw Problems.validation(errors);
    }
    return result;
  }
}

/**
 * Whitelist + forbid unknown fields + transform; every failure names its field (RFC 9457 errors[]).
 * `expectedType` validates against a given class where the parameter's TypeScript type cannot say it
 * (handlers generated for several resources).
 */
export function createValidationPipe(expectedType?: new (...args: any[]) => unknown): ValidationPipe {
  return new StrictValidationPipe({
    expectedType,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => Problems.validation(flatten(errors)),
  });
}
