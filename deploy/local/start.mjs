// npm start: provision Postgres + Kafka, migrate, start every service and the gateway, print the URLs,
// stop everything cleanly on Ctrl-C. See deploy/local/README.md.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import readline from 'node:readline';
import { spawn } from 'node:child_process';
import {
  ROOT,
  ProvisionError,
  checkTools,
  ensureDeps,
  ensureBuild,
  report,
  isPortFree,
  sleep,
  killTree,
  isAlive,
} from './preflight.mjs';
import { enterRuntime } from './runtime.mjs';
import { createLogFormatter, logFormat } from './pretty-log.mjs';

const env = process.env;
const log = (...a) => console.log(...a);
// Services and migrations run on process.execPath: make that Node >= 22 (deploy/local/runtime.cjs).
await enterRuntime({ env, log, prepare: () => ensureDeps({ log, env }) }).catch((e) => process.exit(report(e)));
const HEALTH_TIMEOUT_MS = 60000;
/** A crashed service is restarted; more than this many crashes within the window stop everything. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 120000;
const servicesFile = env.TECHBRIDGE_SERVICES_JSON || path.join(ROOT, 'deploy', 'services.json');
const topicsFile = path.join(ROOT, 'libs', 'contracts', 'src', 'topics.json');

const children = new Map(); // name -> { proc, tail: string[], exited, code }
let kafka;
let postgres;
let shuttingDown = false;

const COLORS = [36, 32, 33, 35, 34, 96, 92];
const useColor = process.stdout.isTTY && !env.NO_COLOR && env.FORCE_COLOR !== '0';
const formatLine = createLogFormatter({
  format: logFormat(env, process.stdout.isTTY),
  colorize: useColor,
  level: env.LOG_LEVEL ?? 'info',
});
let width = 8;
function prefixer(name, i) {
  const label = `[${name}]`.padEnd(width + 2);
  return useColor ? `\x1b[${COLORS[i % COLORS.length]}m${label}\x1b[0m` : label;
}

function runChild(name, file, childEnv, colorIndex) {
  const abs = path.resolve(ROOT, file);
  if (!fs.existsSync(abs)) {
    throw new ProvisionError(
      `${path.relative(ROOT, abs)} is missing: the build did not produce it (does its .ts source exist under apps/?).`,
    );
  }
  const proc = spawn(process.execPath, [abs], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const rec = { name, proc, tail: [], exited: false, code: null, signal: null };
  const pre = prefixer(name, colorIndex);
  for (const [stream, out] of [
    [proc.stdout, process.stdout],
    [proc.stderr, process.stderr],
  ]) {
    readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      rec.tail.push(line);
      if (rec.tail.length > 40) rec.tail.shift();
      const shown = formatLine(line);
      if (shown !== null) out.write(`${pre} ${shown}\n`);
    });
  }
  rec.done = new Promise((resolve) => {
    proc.on('exit', (code, signal) => {
      rec.exited = true;
      rec.code = code;
      rec.signal = signal;
      resolve(rec);
    });
    proc.on('error', (e) => {
      rec.exited = true;
      rec.code = -1;
      rec.tail.push(String(e.message));
      resolve(rec);
    });
  });
  return rec;
}

function adminApiKey() {
  if (env.ADMIN_API_KEY) {
    if (env.ADMIN_API_KEY.length < 32) {
      throw new ProvisionError(
        'ADMIN_API_KEY must be at least 32 characters: set a longer one or unset it to use a generated key.',
      );
    }
    return { key: env.ADMIN_API_KEY, source: 'ADMIN_API_KEY' };
  }
  const file = path.join(ROOT, '.local', 'admin-api-key');
  if (fs.existsSync(file)) {
    const key = fs.readFileSync(file, 'utf8').trim();
    if (key.length >= 32) return { key, source: '.local/admin-api-key' };
  }
  const key = crypto.randomBytes(32).toString('base64url');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  // Never printed: terminals and CI logs are kept. Read it from the file (mode 600) when you need it.
  log('Generated an admin API key into .local/admin-api-key (readable by you only; set ADMIN_API_KEY to use your own).');
  return { key, source: '.local/admin-api-key' };
}

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  const live = [...children.values()].filter((c) => !c.exited);
  if (live.length) log(`\nStopping ${live.map((c) => c.name).join(', ')} …`);
  for (const c of live) {
    try {
      c.proc.kill('SIGTERM');
    } catch {
      /* gone */
    }
  }
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline && [...children.values()].some((c) => !c.exited)) await sleep(100);
  for (const c of children.values()) {
    if (!c.exited && isAlive(c.proc.pid)) {
      log(`${c.name} did not stop within 10 s: killing it.`);
      await killTree(c.proc.pid, { graceMs: 0, group: false });
    }
  }
  if (kafka && kafka.startedByUs) {
    log('Stopping the Kafka broker started by this run …');
    await kafka.stop().catch((e) => console.error(`Could not stop Kafka: ${e.message}`));
  }
  if (postgres && postgres.startedByUs) {
    log('Stopping the embedded Postgres started by this run …');
    await postgres.stop().catch(() => undefined);
  }
  process.exit(code);
}

// npm forwards SIGINT to us and the terminal sends it to the whole process group too, so one Ctrl-C
// often arrives twice: only an interrupt more than 3 s after the first forces an immediate exit.
let firstSignalAt = 0;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (!firstSignalAt) {
      firstSignalAt = Date.now();
      void shutdown(0);
    } else if (Date.now() - firstSignalAt > 3000) {
      log(
        'Interrupted again: exiting now (a Kafka broker started by this run may keep running; see deploy/local/README.md).',
      );
      process.exit(130);
    }
  });
}

async function waitHealthy(rec, port) {
  const url = `http://127.0.0.1:${port}/health`;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (rec.exited) {
      throw new ProvisionError(
        `${rec.name} exited (${rec.signal || `code ${rec.code}`}) before it became healthy: its last output is below.`,
        rec.tail.map((l) => `  [${rec.name}] ${l}`).join('\n'),
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
      await res.body?.cancel();
    } catch (e) {
      last = e.cause?.code || e.message;
    }
    await sleep(300);
  }
  throw new ProvisionError(
    `${rec.name} did not answer 200 on ${url} within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${last}): its last output is below.`,
    rec.tail.map((l) => `  [${rec.name}] ${l}`).join('\n'),
  );
}

async function main() {
  const layout = JSON.parse(fs.readFileSync(servicesFile, 'utf8'));
  const portOf = (s) => {
    const v = env[`${s.name.toUpperCase()}_PORT`];
    if (v === undefined || v === '') return s.port;
    const n = Number.parseInt(v, 10);
    if (!(n > 0 && n < 65536))
      throw new ProvisionError(`${s.name.toUpperCase()}_PORT=${v} is not a valid port number.`);
    return n;
  };
  const services = layout.services.map((s) => ({ ...s, port: portOf(s) }));
  const gateway = layout.gateway ? { ...layout.gateway, port: portOf(layout.gateway) } : undefined;
  const all = gateway ? [...services, gateway] : services;
  width = Math.max(...all.map((s) => s.name.length + 8));

  // 1. Checks and fix-ups.
  checkTools({ env });
  ensureDeps({ log });
  for (const s of all) {
    if (!(await isPortFree(s.port))) {
      throw new ProvisionError(
        `Port ${s.port} (${s.name}) is already in use: stop whatever listens there or set ${s.name.toUpperCase()}_PORT to another port.`,
      );
    }
  }
  ensureBuild({ log, env });
  const { ensurePostgres, ensureDatabases, ensureServiceRoles, databaseUrl } = await import('./postgres.mjs');
  const { ensureKafka, ensureTopics } = await import('./kafka.mjs');
  const admin = adminApiKey();

  // 2. Postgres and Kafka.
  postgres = await ensurePostgres({ env, log });
  const databases = services.filter((s) => s.database).map((s) => s.database);
  await ensureDatabases(postgres.baseUrl, databases, { log });
  const roles = await ensureServiceRoles(postgres.baseUrl, databases, { log });
  kafka = await ensureKafka({ instance: 'dev', env, log });
  await ensureTopics(kafka.brokers, topicsFile, { log });

  const { DATABASE_URL: _ignored, ...inherited } = env;
  const baseEnv = {
    ...inherited,
    NODE_ENV: 'development',
    HOST: env.HOST || '127.0.0.1',
    KAFKA_BROKERS: kafka.brokers,
    ADMIN_API_KEY: admin.key,
  };
  // The service runs as its database's app role (data rights only); migrations as its owner role.
  const envFor = (s, { migrate = false } = {}) => ({
    ...baseEnv,
    PORT: String(s.port),
    ...(s.database
      ? { DATABASE_URL: roles[s.database]?.[migrate ? 'ownerUrl' : 'appUrl'] ?? databaseUrl(postgres.baseUrl, s.database) }
      : {}),
  });

  // 3. Migrations, one service at a time (each script exits 0 when done).
  for (const [i, s] of services.entries()) {
    if (!s.migrate || shuttingDown) continue;
    const rec = runChild(`${s.name}:migrate`, s.migrate, envFor(s, { migrate: true }), i);
    const done = await rec.done;
    if (done.code !== 0) {
      throw new ProvisionError(
        `The ${s.name} migration failed (${done.signal || `exit ${done.code}`}): see its output above.`,
      );
    }
  }

  // 4. Services, then the gateway.
  const gatewayEnv = gateway ? { ...envFor(gateway) } : undefined;
  if (gateway) {
    for (const s of services) gatewayEnv[`${s.name.toUpperCase()}_URL`] = `http://127.0.0.1:${s.port}`;
  }
  const started = [];
  for (const [i, s] of all.entries()) {
    if (shuttingDown) return;
    const rec = runChild(s.name, s.entry, s === gateway ? gatewayEnv : envFor(s), i);
    children.set(s.name, rec);
    started.push([rec, s]);
  }
  await Promise.all(started.map(([rec, s]) => waitHealthy(rec, s.port)));
  if (shuttingDown) return;

  // 5. A crash is not an outage: the crashed process is restarted with backoff, as an orchestrator
  //    would; only a process that keeps crashing (5 times within 2 minutes) stops everything.
  const envOf = (s) => (s === gateway ? gatewayEnv : envFor(s));
  const supervise = (rec, s, i, crashes = []) => {
    rec.done.then(async (r) => {
      if (shuttingDown) return;
      const now = Date.now();
      const recent = [...crashes, now].filter((t) => now - t < RESTART_WINDOW_MS);
      if (recent.length > MAX_RESTARTS) {
        console.error(`\n✖ ${r.name} keeps crashing (${recent.length} times in ${RESTART_WINDOW_MS / 60000} min): stopping everything.`);
        void shutdown(1);
        return;
      }
      const delay = Math.min(500 * 2 ** (recent.length - 1), 15000);
      console.error(`\n✖ ${r.name} exited unexpectedly (${r.signal || `code ${r.code}`}); restarting it in ${delay} ms (crash ${recent.length} of ${MAX_RESTARTS + 1} allowed in ${RESTART_WINDOW_MS / 60000} min).`);
      await sleep(delay);
      if (shuttingDown) return;
      const next = runChild(s.name, s.entry, envOf(s), i);
      children.set(s.name, next);
      supervise(next, s, i, recent);
      try {
        await waitHealthy(next, s.port);
        log(`✔ ${s.name} is back (health OK after the restart).`);
      } catch (e) {
        console.error(`  ${s.name} did not become healthy after the restart: ${e.message ?? e}`);
      }
    });
  };
  for (const [i, [rec, s]] of started.entries()) supervise(rec, s, i);

  const rows = all.map((s) => {
    const base = `http://127.0.0.1:${s.port}`;
    // The gateway serves the whole public API's document (merged from the services'); each service its own.
    return [s === gateway ? `${s.name} (entry point)` : s.name, base, `${base}/docs`, `${base}/health`];
  });
  const w = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length), 7));
  const line = (r) => `  ${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}`;
  log('');
  log(line(['service', 'url', 'docs', 'health']));
  for (const r of rows) log(line(r));
  log('');
  log(
    `  Kafka broker   ${kafka.brokers}${kafka.startedByUs ? ' (started by this run; stops on Ctrl-C)' : ' (already running; left running)'}`,
  );
  log(
    `  Postgres       ${postgres.baseUrl}  databases: ${services
      .map((s) => s.database)
      .filter(Boolean)
      .join(', ')}`,
  );
  log(`  Admin API key  from ${admin.source}`);
  log('');
  log('TechBridge is up — press Ctrl-C to stop.');
}

main().catch(async (e) => {
  if (shuttingDown) return;
  report(e);
  await shutdown(1);
});
