// The fault suite's own stack: a Kafka broker instance "faults" it may stop and start, `_faults`
// databases it drops and recreates per scenario, and the compiled services (dist/) on free ports with
// the gateway in front. Every process it starts is tracked by pid; only those are ever signalled.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, sleep, isAlive } from '../preflight.mjs';
import { ensureKafka, ensureTopics, stopKafka, pickPort } from '../kafka.mjs';
import { databaseUrl } from '../postgres.mjs';
import pg from 'pg';

export const KAFKA_INSTANCE = 'faults';
export const KAFKA_PORT = 39092;
const TOPICS_FILE = path.join(ROOT, 'libs', 'contracts', 'src', 'topics.json');
const SERVICES = JSON.parse(fs.readFileSync(path.join(ROOT, 'deploy', 'services.json'), 'utf8'));
const HEALTH_TIMEOUT_MS = 90_000;

/** Every child process of this run (services, migrations): killed on exit whatever happens. */
const LIVE = new Set();
export function killAllChildrenSync() {
  for (const p of LIVE) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

/** The broker instance the suite owns: started fresh per scenario, stopped and restarted by faults. */
export class Broker {
  constructor({ env, log }) {
    const { KAFKA_BROKERS: _drop, ...rest } = env;
    this.env = rest;
    this.log = log;
    this.port = undefined;
    this.brokers = undefined;
    this.running = false;
  }

  /** `fresh`: empty data directory (a new cluster); otherwise the same log directory as before. */
  async start({ fresh }) {
    const k = await ensureKafka({
      instance: KAFKA_INSTANCE,
      preferredPort: this.port ?? KAFKA_PORT,
      env: this.env,
      log: () => undefined,
      fresh,
    });
    if (this.port && k.port !== this.port) {
      await stopKafka(KAFKA_INSTANCE, { log: () => undefined });
      throw new Error(
        `the faults broker came back on port ${k.port}, not ${this.port} (something took its port)`,
      );
    }
    this.port = k.port;
    this.brokers = k.brokers;
    this.running = true;
    if (fresh) await ensureTopics(this.brokers, TOPICS_FILE, { log: () => undefined });
    return this.brokers;
  }

  async stop() {
    this.running = false;
    await stopKafka(KAFKA_INSTANCE, { log: () => undefined });
  }
}

async function adminQuery(baseUrl, sql, params = []) {
  const c = new pg.Client({
    connectionString: databaseUrl(baseUrl, 'postgres'),
    connectionTimeoutMillis: 5000,
  });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return await c.query(sql, params);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Drop (if present) and create a database; FORCE ends sessions a killed service left behind. */
export async function recreateDatabase(baseUrl, name) {
  const q = `"${name.replace(/"/g, '""')}"`;
  await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${q} WITH (FORCE)`);
  await adminQuery(baseUrl, `CREATE DATABASE ${q}`);
}

export async function dropDatabase(baseUrl, name) {
  await adminQuery(baseUrl, `DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
}

/** Ends every session on `database` but ours: what an operator's pg_terminate_backend does. */
export async function terminateBackends(baseUrl, database) {
  const r = await adminQuery(
    baseUrl,
    'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [database],
  );
  return r.rows[0].n;
}

export async function allowConnections(baseUrl, database, allow) {
  await adminQuery(
    baseUrl,
    `ALTER DATABASE "${database.replace(/"/g, '""')}" WITH ALLOW_CONNECTIONS ${allow ? 'true' : 'false'}`,
  );
}

/**
 * One scenario's services. `instances` are named processes ("catalog", "matching", "matching-2", …),
 * each a service from deploy/services.json on its own port, restartable with the same environment.
 */
/**
 * A port for a service of the suite, below Linux's ephemeral range (32768–60999): a port picked inside
 * it can be taken by one of the many outgoing connections (Kafka, Postgres) between the check and the
 * service's listen — seen once as "port already in use" at the gateway's start.
 */
function servicePortCandidate() {
  return 21000 + Math.floor(Math.random() * 8000);
}

export class Stack {
  constructor({ baseUrl, broker, adminKey, env, logDir, scenario, log }) {
    this.baseUrl = baseUrl;
    this.broker = broker;
    this.adminKey = adminKey;
    this.env = env;
    this.logDir = logDir;
    this.scenario = scenario;
    this.log = log;
    this.instances = new Map();
    this.databases = {};
  }

  service(name) {
    const s = SERVICES.services.find((x) => x.name === name);
    if (!s) throw new Error(`no service ${name} in deploy/services.json`);
    return s;
  }

  dbName(service) {
    return `${this.service(service).database}_faults`;
  }

  dbUrl(service, database = this.dbName(service)) {
    return databaseUrl(this.baseUrl, database);
  }

  /** Fresh databases with the migrations applied (run by the compiled migrate.js, as npm start does). */
  async prepareDatabases(services) {
    for (const name of services) {
      const db = this.dbName(name);
      await recreateDatabase(this.baseUrl, db);
      await this.migrate(name, db);
      this.databases[name] = db;
    }
  }

  async migrate(name, database) {
    const s = this.service(name);
    const out = this.logFile(`${name}-migrate`);
    const code = await new Promise((resolve) => {
      const p = spawn(process.execPath, [path.join(ROOT, s.migrate)], {
        cwd: ROOT,
        env: { ...this.baseEnv(), DATABASE_URL: this.dbUrl(name, database) },
        stdio: ['ignore', out, out],
      });
      LIVE.add(p);
      p.on('exit', (c) => {
        LIVE.delete(p);
        resolve(c);
      });
    });
    fs.closeSync(out);
    if (code !== 0)
      throw new Error(`the ${name} migration failed (exit ${code}): see ${this.logPath(`${name}-migrate`)}`);
  }

  logPath(name) {
    return path.join(this.logDir, `${this.scenario}-${name}.log`);
  }

  logFile(name) {
    fs.mkdirSync(this.logDir, { recursive: true });
    return fs.openSync(this.logPath(name), 'a');
  }

  baseEnv() {
    const { DATABASE_URL: _d, KAFKA_BROKERS: _k, ...inherited } = this.env;
    return {
      ...inherited,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      KAFKA_BROKERS: `127.0.0.1:${this.broker.port}`,
      ADMIN_API_KEY: this.adminKey,
      // The load registers enterprises from one address; the limits protect production, not this run.
      REGISTRATION_RATE_LIMIT: '100000',
      PROFILE_UPDATE_RATE_LIMIT: '100000',
      SHUTDOWN_GRACE_MS: '10000',
      OTEL_TRACES_EXPORTER: 'none',
    };
  }

  /** Start an instance of `service` (name defaults to the service) on a free port. */
  async startInstance(service, { name = service, database, extraEnv = {} } = {}) {
    const s = this.service(service);
    const { port } = await pickPort(servicePortCandidate());
    const env = {
      ...this.baseEnv(),
      PORT: String(port),
      DATABASE_URL: this.dbUrl(service, database ?? this.databases[service] ?? this.dbName(service)),
      ...extraEnv,
    };
    const inst = { name, service, port, entry: s.entry, env, url: `http://127.0.0.1:${port}` };
    this.instances.set(name, inst);
    this.spawnInstance(inst);
    return inst;
  }

  async startGateway() {
    const { port } = await pickPort(servicePortCandidate());
    const urlOf = (svc) => this.instances.get(svc)?.url ?? 'http://127.0.0.1:1';
    const { DATABASE_URL: _d, KAFKA_BROKERS: _k, ...inherited } = this.env;
    const env = {
      ...inherited,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PROFILES_URL: urlOf('profiles'),
      CATALOG_URL: urlOf('catalog'),
      MATCHING_URL: urlOf('matching'),
      WORKSHOPS_URL: urlOf('workshops'),
      MAX_CONNECTIONS_PER_CLIENT: '512',
      UPSTREAM_TIMEOUT_MS: '20000',
    };
    const inst = {
      name: 'gateway',
      service: 'gateway',
      port,
      entry: SERVICES.gateway.entry,
      env,
      url: `http://127.0.0.1:${port}`,
    };
    this.instances.set('gateway', inst);
    this.spawnInstance(inst);
    await this.waitHealthy('gateway');
    this.gatewayUrl = inst.url;
    return inst;
  }

  spawnInstance(inst) {
    const out = this.logFile(inst.name);
    const proc = spawn(process.execPath, [path.join(ROOT, inst.entry)], {
      cwd: ROOT,
      env: inst.env,
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    LIVE.add(proc);
    inst.proc = proc;
    inst.exited = false;
    inst.done = new Promise((resolve) => {
      proc.on('exit', (code, signal) => {
        LIVE.delete(proc);
        inst.exited = true;
        resolve({ code, signal });
      });
    });
  }

  /** Liveness (`/health`): the process answers. Readiness (`/health/ready`) needs the broker too. */
  async waitHealthy(name, { path: p = '/health', timeoutMs = HEALTH_TIMEOUT_MS } = {}) {
    const inst = this.instances.get(name);
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer';
    while (Date.now() < deadline) {
      if (inst.exited) throw new Error(`${name} exited before it became healthy: see ${this.logPath(name)}`);
      try {
        const res = await fetch(`${inst.url}${p}`, { signal: AbortSignal.timeout(3000) });
        await res.body?.cancel();
        if (res.status === 200) return Date.now();
        last = `HTTP ${res.status}`;
      } catch (e) {
        last = e.cause?.code || e.message;
      }
      await sleep(250);
    }
    throw new Error(
      `${name} did not answer 200 on ${p} within ${timeoutMs / 1000} s (last: ${last}): see ${this.logPath(name)}`,
    );
  }

  async readyStatus(name) {
    const inst = this.instances.get(name);
    try {
      const res = await fetch(`${inst.url}/health/ready`, { signal: AbortSignal.timeout(3000) });
      const body = await res.text();
      return { status: res.status, body };
    } catch (e) {
      return { status: 0, body: e.message };
    }
  }

  /** kill -9: no shutdown hook runs, nothing is flushed. */
  async kill9(name) {
    const inst = this.instances.get(name);
    if (!inst || inst.exited) return;
    process.kill(inst.proc.pid, 'SIGKILL');
    await inst.done;
  }

  /** SIGTERM (graceful: consumers leave their group), SIGKILL after 20 s. */
  async stopInstance(name) {
    const inst = this.instances.get(name);
    if (!inst || inst.exited) return;
    try {
      process.kill(inst.proc.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
    const t = setTimeout(() => {
      if (!inst.exited && isAlive(inst.proc.pid)) process.kill(inst.proc.pid, 'SIGKILL');
    }, 20_000);
    await inst.done;
    clearTimeout(t);
  }

  /** Start a stopped / killed instance again with the same port and environment. */
  async restart(name, { waitHealthy = true } = {}) {
    const inst = this.instances.get(name);
    if (!inst.exited) throw new Error(`${name} is still running`);
    this.spawnInstance(inst);
    if (waitHealthy) await this.waitHealthy(name);
  }

  running(name) {
    const inst = this.instances.get(name);
    return !!inst && !inst.exited;
  }

  async stopAll() {
    const names = [...this.instances.keys()].reverse();
    await Promise.all(names.map((n) => this.stopInstance(n)));
  }
}
