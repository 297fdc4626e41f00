import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isTransientInfrastructureError } from './transient-error';

/** What the inbox consumer retries until it passes (infrastructure) rather than dead-lettering. */
describe('isTransientInfrastructureError', () => {
  const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

  it('a session terminated under the transaction (TypeORM released the query runner) is transient', () => {
    expect(isTransientInfrastructureError(new QueryRunnerAlreadyReleasedError())).toBe(true);
    expect(isTransientInfrastructureError(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
  });

  it('a database not accepting connections (ALTER DATABASE … ALLOW_CONNECTIONS false, SQLSTATE 55000) is transient', () => {
    expect(isTransientInfrastructureError(pgError('55000', 'database "techbridge_catalog" is not currently accepting connections'))).toBe(true);
  });

  it('terminated sessions and lost connections are transient, wrapped by TypeORM or not', () => {
    const terminated = pgError('57P01', 'terminating connection due to administrator command');
    expect(isTransientInfrastructureError(terminated)).toBe(true);
    expect(isTransientInfrastructureError(new QueryFailedError('SELECT 1', [], terminated))).toBe(true);
    expect(isTransientInfrastructureError(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('a handler bug or a constraint violation is not transient', () => {
    expect(isTransientInfrastructureError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isTransientInfrastructureError(pgError('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isTransientInfrastructureError(pgError('53200', 'out of shared memory'))).toBe(false);
  });
});
