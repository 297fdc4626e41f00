import { QueryFailedError } from 'typeorm';
import { Problems } from '@techbridge/platform';

/** Maps the unique indexes of the enterprises table to a 409 naming the field. */
export function rethrowDuplicate(err: unknown): never {
  const driver = (err as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
  if (err instanceof QueryFailedError && driver?.code === '23505') {
    if (driver.constraint === 'organisers_email_uq') {
      // The organiser body has a top-level `email` (no contact object): name the field the client sent.
      throw Problems.conflict('An organiser with this email is already registered.', [{ field: 'email', message: 'already registered' }]);
    }
    if (driver.constraint === 'enterprises_country_legal_name_uq') {
      throw Problems.conflict('An enterprise with this legal name is already registered in this country.', [
        { field: 'legalName', message: 'already registered in this country' },
      ]);
    }
  }
  throw err;
}
