// npm test: provision Postgres + a separate "test" Kafka broker, then run the tiers (typecheck + dependency
// rules, unit, integration + e2e + hostile input, the fault-injection suite in its reduced form) and end with
// exactly one line: `N passed, N failed[, N skipped]`. `--no-faults` leaves out the fault tier.
// npm run test:hostile (`--hostile`): the same provisioning, then only the hostile-input suite, which
// also rewrites its section of docs/reliability.md (HOSTILE_REPORT=1).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, checkTools, ensureDeps, ensureBuild, binScript, report } from './preflight.mjs';
import { enterRuntime } from './runtime.mjs';

const env = process.env;
const HOSTILE_ONLY = process.argv.includes('--hostile');
/** `npm test -- --no-faults`: skip the reduced fault-injection tier (a quicker local run; CI runs it). */
const NO_FAULTS = process.argv.includes('--no-faults');
const log = (...a) => console.log(...a);
const LOCAL = path.join(ROOT, '.local');
// Jest, tsc, eslint and the services the e2e tests start run on process.execPath: Node >= 22 (runtime.cjs).
await enterRuntime({ env, log, prepare: () => ensureDeps({ log, env }) }).catch((e) => {
  report(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
/** A tool's command line on this Node: [node, script] (not its `#!/usr/bin/env node` shim). */
const tool = (pkg, name = pkg) => [process.execPath, [binScript(pkg, name)]];
const totals = { passed: 0, failed: 0, skipped: 0 };
let kafka;
let postgres;
let current; // the running child, killed on Ctrl-C
let interrupted = false;

function run(cmd, args, childEnv = env) {
  return new Promise((resolve) => {
    current = spawn(cmd, args, { cwd: ROOT, env: childEnv, stdio: 'inherit' });
    current.on('error', (e) => {
      console.error(`${path.basename(cmd)} could not start: ${e.message}`);
      resolve(127);
    });
    current.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  }).finally(() => {
    current = undefined;
  });
}

async function check(label, [cmd, pre], args) {
  log(`\n▶ ${label}`);
  const code = await run(cmd, [...pre, ...args]);
  if (code === 0) {
    totals.passed++;
    log(`✔ ${label}`);
  } else {
    totals.failed++;
    log(`✖ ${label} (exit ${code})`);
  }
}

async function jest(label, projects, outputFile, extraArgs, childEnv) {
  log(`\n▶ ${label}`);
  fs.rmSync(outputFile, { force: true });
  const [node, [jestCli]] = tool('jest');
  const code = await run(
    node,
    [
      jestCli,
      '--selectProjects',
      ...projects,
      '--ci',
      '--passWithNoTests',
      '--json',
      `--outputFile=${outputFile}`,
      ...extraArgs,
    ],
    childEnv,
  );
  let r;
  try {
    r = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
  } catch {
    totals.failed++;
    log(`✖ ${label}: Jest exited ${code} without a result file (counted as one failure).`);
    return;
  }
  const failed = (r.numFailedTests || 0) + (r.numRuntimeErrorTestSuites || 0);
  totals.passed += r.numPassedTests || 0;
  totals.failed += failed;
  totals.skipped += (r.numPendingTests || 0) + (r.numTodoTests || 0);
  if (code !== 0 && failed === 0) {
    totals.failed++;
    log(`✖ ${label}: Jest exited ${code} although no test failed (counted as one failure; see above).`);
  }
}

function summary() {
  return `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
}

async function cleanup() {
  if (kafka && kafka.startedByUs) await kafka.stop().catch(() => undefined);
  if (postgres && postgres.startedByUs) await postgres.stop().catch(() => undefined);
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    if (interrupted) return;
    interrupted = true;
    log('\nInterrupted: stopping …');
    if (current) current.kill('SIGTERM');
    await cleanup();
    totals.failed++;
    log(summary());
    process.exit(130);
  });
}

async function main() {
  checkTools({ env });
  ensureDeps({ log });
  try {
    // e2e tests start the compiled services (deploy/services.json), so build first; a broken build also
    // shows up in the typecheck below, so it is reported but not counted separately here. The hostile
    // suite runs the services in-process from source: no build.
    if (!HOSTILE_ONLY) ensureBuild({ log, env });
  } catch (e) {
    report(e);
  }
  const { ensurePostgres } = await import('./postgres.mjs');
  const { ensureKafka, ensureTopics } = await import('./kafka.mjs');
  postgres = await ensurePostgres({ env, log });
  kafka = await ensureKafka({ instance: 'test', env, log });
  await ensureTopics(kafka.brokers, path.join(ROOT, 'libs', 'contracts', 'src', 'topics.json'), { log });
  log(`Tests use Node ${process.versions.node} (${process.execPath}), Postgres ${postgres.baseUrl} and Kafka ${kafka.brokers}.`);
  fs.mkdirSync(LOCAL, { recursive: true });

  const { DATABASE_URL: _ignored, ...rest } = env;
  const servicesEnv = {
    ...rest,
    TEST_DATABASE_URL: postgres.baseUrl,
    DATABASE_URL_BASE: postgres.baseUrl,
    KAFKA_BROKERS: kafka.brokers,
    CI: env.CI || 'true',
    FORCE_COLOR: '0',
  };
  if (HOSTILE_ONLY) {
    await jest('hostile-input suite', ['hostile'], path.join(LOCAL, 'jest-hostile.json'), ['--runInBand', '--forceExit'], { ...servicesEnv, HOSTILE_REPORT: '1' });
    return;
  }

  // Tier 1: static checks.
  await check('typecheck (tsc --noEmit)', tool('typescript', 'tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  await check('dependency rules (depcruise)', tool('dependency-cruiser', 'depcruise'), [
    'apps',
    'libs',
    '--config',
    '.dependency-cruiser.cjs',
  ]);
  await check('lint (eslint)', tool('eslint'), ['apps', 'libs', 'test', 'bench', 'deploy']);
  if (interrupted) return;

  // Tier 2: unit tests (pure).
  await jest('unit tests', ['unit'], path.join(LOCAL, 'jest-unit.json'), [], {
    ...env,
    FORCE_COLOR: '0',
    CI: env.CI || 'true',
  });
  if (interrupted) return;

  // Tier 3: integration, e2e and the hostile-input suite against the real Postgres and the test broker.
  await jest('integration, e2e and hostile-input tests', ['integration', 'e2e', 'hostile'], path.join(LOCAL, 'jest-int.json'), ['--runInBand', '--forceExit'], servicesEnv);
  if (interrupted || NO_FAULTS) return;

  // Tier 4: the fault-injection suite in its reduced form (--quick: 60 writes per scenario, Kafka down
  // 10 s), its own broker instance and databases; each scenario counts as one test. `npm run test:faults`
  // is the full-size run that writes docs/reliability.md.
  await faults();
}

/** Runs deploy/local/faults.mjs --quick --no-docs and adds its "N passed, M failed" line to the totals. */
async function faults() {
  const label = 'fault-injection suite, reduced (npm run test:faults -- --quick)';
  log(`\n▶ ${label}`);
  const out = path.join(LOCAL, 'faults-summary.txt');
  fs.rmSync(out, { force: true });
  const code = await run(process.execPath, [path.join('deploy', 'local', 'faults.mjs'), '--quick', '--no-docs', `--summary=${out}`], {
    ...env,
    CI: env.CI || 'true',
    FORCE_COLOR: '0',
  });
  const m = fs.existsSync(out) ? /(\d+) passed, (\d+) failed/.exec(fs.readFileSync(out, 'utf8')) : null;
  if (!m) {
    totals.failed++;
    log(`✖ ${label}: exited ${code} without a summary (counted as one failure).`);
    return;
  }
  totals.passed += Number(m[1]);
  totals.failed += Number(m[2]);
  if (code !== 0 && Number(m[2]) === 0) {
    totals.failed++;
    log(`✖ ${label}: exited ${code} although no scenario failed (counted as one failure).`);
  }
}

let code = 0;
try {
  await main();
} catch (e) {
  report(e);
  totals.failed++;
  code = 1;
}
if (!interrupted) {
  await cleanup();
  console.log(summary());
  process.exit(code || (totals.failed > 0 ? 1 : 0));
}
