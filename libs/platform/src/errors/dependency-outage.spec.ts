import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isDependencyOutage } from './dependency-outage';

/** What the problem-details filter answers as 503 + Retry-After instead of 500. */
describe('isDependencyOutage', () => {
  const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

  it('a session terminated under a request transaction (TypeORM released the query runner) is an outage', () => {
    expect(isDependencyOutage(new QueryRunnerAlreadyReleasedError())).toBe(true);
    expect(isDependencyOutage(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
  });

  it('a database refusing connections is an outage', () => {
    expect(isDependencyOutage(pgError('55000', 'database "techbridge_catalog" is not currently accepting connections'))).toBe(true);
    expect(isDependencyOutage(pgError('53300', 'sorry, too many clients already'))).toBe(true);
  });

  it('terminated sessions are outages, wrapped by TypeORM or not', () => {
    const terminated = pgError('57P01', 'terminating connection due to administrator command');
    expect(isDependencyOutage(terminated)).toBe(true);
    expect(isDependencyOutage(new QueryFailedError('SELECT 1', [], terminated))).toBe(true);
  });

  it('bugs and constraint violations are not', () => {
    expect(isDependencyOutage(new TypeError('x is not a function'))).toBe(false);
    expect(isDependencyOutage(pgError('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isDependencyOutage(pgError('55000', 'cannot update a view'))).toBe(false);
  });
});
