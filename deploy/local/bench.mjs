// npm run bench: the same provisioning as npm start, but on a separate "bench" Kafka broker (port 29092)
// and `<database>_bench` databases, then `node dist/bench/run.js` (written in bench/run.ts).
// Two benches on one machine: BENCH_KAFKA_INSTANCE (broker instance and data dir under .local/kafka,
// default `bench`), BENCH_KAFKA_PORT (its port, default 29092) and BENCH_DB_SUFFIX (default `_bench`).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, ProvisionError, checkTools, ensureDeps, ensureBuild, report } from './preflight.mjs';
import { enterRuntime } from './runtime.mjs';

const env = process.env;
const log = (...a) => console.log(...a);
// The bench (and the services it starts) runs on process.execPath: Node >= 22 (deploy/local/runtime.cjs).
await enterRuntime({ env, log, prepare: () => ensureDeps({ log, env }) }).catch((e) =>
  process.exit(report(e)),
);
let kafka;
let postgres;
let child;

async function cleanup() {
  if (kafka?.startedByUs) await kafka.stop().catch(() => undefined);
  if (postgres?.startedByUs) await postgres.stop().catch(() => undefined);
}
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  // One Ctrl-C can arrive twice (terminal + a parent passing it on): handle it once.
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    child?.kill('SIGTERM');
    await cleanup();
    process.exit(130);
  });
}

async function main() {
  checkTools({ env });
  ensureDeps({ log });
  ensureBuild({ log, env });
  const runner = path.join(ROOT, 'dist', 'bench', 'run.js');
  if (!fs.existsSync(runner))
    throw new ProvisionError('dist/bench/run.js is missing: write bench/run.ts and build again.');
  const { ensurePostgres, ensureDatabases, databaseUrl } = await import('./postgres.mjs');
  const { ensureKafka, ensureTopics } = await import('./kafka.mjs');
  const layout = JSON.parse(fs.readFileSync(path.join(ROOT, 'deploy', 'services.json'), 'utf8'));
  const suffix = env.BENCH_DB_SUFFIX || '_bench';
  const databases = layout.services.filter((s) => s.database).map((s) => `${s.database}${suffix}`);
  postgres = await ensurePostgres({ env, log });
  await ensureDatabases(postgres.baseUrl, databases, { log });
  kafka = await ensureKafka({
    instance: env.BENCH_KAFKA_INSTANCE || 'bench',
    preferredPort: Number.parseInt(env.BENCH_KAFKA_PORT ?? '', 10) || 29092,
    env,
    log,
  });
  await ensureTopics(kafka.brokers, path.join(ROOT, 'libs', 'contracts', 'src', 'topics.json'), { log });
  const { DATABASE_URL: _ignored, ...rest } = env;
  const benchEnv = {
    ...rest,
    NODE_ENV: 'production',
    BENCH_DATABASE_URL: postgres.baseUrl, // server URL; databases are <database><BENCH_DB_SUFFIX>
    BENCH_DB_SUFFIX: suffix,
    TEST_DATABASE_URL: postgres.baseUrl,
    BENCH_DATABASES: JSON.stringify(
      Object.fromEntries(
        layout.services.map((s) => [s.name, databaseUrl(postgres.baseUrl, `${s.database}${suffix}`)]),
      ),
    ),
    KAFKA_BROKERS: kafka.brokers,
  };
  return new Promise((resolve) => {
    child = spawn(process.execPath, [runner, ...process.argv.slice(2)], {
      cwd: ROOT,
      env: benchEnv,
      stdio: 'inherit',
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

let code;
try {
  code = await main();
} catch (e) {
  code = report(e);
}
await cleanup();
process.exit(code);
