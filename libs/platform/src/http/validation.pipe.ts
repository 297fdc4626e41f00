import { ValidationError, ValidationPipe } from '@nestjs/common';
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

/**
 * Whitelist + forbid unknown fields + transform; every failure names its field (RFC 9457 errors[]).
 * `expectedType` validates against a given class where the parameter's TypeScript type cannot say it
 * (handlers generated for several resources).
 */
export function createValidationPipe(expectedType?: new (...args: any[]) => unknown): ValidationPipe {
  return new ValidationPipe({
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
