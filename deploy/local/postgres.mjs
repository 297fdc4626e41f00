// ESM face of postgres.cjs.
import m from './postgres.cjs';

export const { ensurePostgres, ensureDatabases, ensureServiceRoles, databaseUrl, serverUrl, probePostgres, EMBEDDED_PORT } = m;
