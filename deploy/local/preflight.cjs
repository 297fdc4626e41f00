'use strict';
// Checks and fix-ups that run before anything else. Node built-ins only (node_modules may be missing).
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ROOT, ProvisionError } = require('./util.cjs');

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function which(cmd, args = ['-version']) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return !(r.error && r.error.code === 'ENOENT');
}

/** Java and Maven are only needed when we run our own Kafka broker (no KAFKA_BROKERS). */
function checkTools({ env = process.env } = {}) {
  if (env.KAFKA_BROKERS) return;
  const { javaCheck } = require('./kafka.cjs');
  javaCheck();
  const jars = path.join(ROOT, '.local', 'kafka', 'lib');
  const haveJars = fs.existsSync(jars) && fs.readdirSync(jars).some((n) => n.startsWith('kafka_2.13-'));
  if (!haveJars && !which('mvn', ['-v'])) {
    throw new ProvisionError(
      'Maven is needed once to fetch the Kafka broker jars from Maven Central: install it (apt-get install maven) or set KAFKA_BROKERS to an existing broker.',
    );
  }
}

function depsMissing() {
  const nm = path.join(ROOT, 'node_modules');
  if (!fs.existsSync(nm)) return true;
  let pkg;
  try {
    pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  } catch {
    return false;
  }
  const wanted = Object.keys({ ...(pkg.dependencies || {}), ...(pkg.devDependencies || {}) });
  return wanted.some((name) => !fs.existsSync(path.join(nm, name, 'package.json')));
}

/**
 * Run `npm install` (it follows package-lock.json) when node_modules is missing or stale. Not `npm ci`:
 * the registry mirror this project installs from serves only the Linux builds of packages with
 * per-platform optional dependencies (jieba, swc), so the lock file cannot list the others and
 * `npm ci` would refuse it as "out of sync".
 */
function ensureDeps({ log = console.log } = {}) {
  if (!depsMissing()) return false;
  const args = ['install', '--no-audit', '--no-fund'];
  log(`Installing dependencies (npm ${args.join(' ')}) …`);
  const r = spawnSync(NPM, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    throw new ProvisionError(`npm ${args.join(' ')} failed (exit ${r.status}): see the npm output above.`);
  }
  return true;
}

function newestMtime(dir, filter, newest = 0) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = newestMtime(p, filter, newest);
    else if (filter(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function buildStale() {
  const info = path.join(ROOT, 'dist', '.tsbuildinfo');
  if (!fs.existsSync(info)) return true;
  const built = fs.statSync(info).mtimeMs;
  const isTs = (n) => n.endsWith('.ts');
  let newest = 0;
  for (const d of ['apps', 'libs', 'bench']) newest = newestMtime(path.join(ROOT, d), isTs, newest);
  for (const f of ['tsconfig.base.json', 'tsconfig.build.json']) {
    try {
      newest = Math.max(newest, fs.statSync(path.join(ROOT, f)).mtimeMs);
    } catch {
      /* optional */
    }
  }
  return newest > built;
}

/** `npm run build` when dist/ is missing or older than any .ts under apps/ libs/ bench/. */
function ensureBuild({ log = console.log, env = process.env } = {}) {
  if (env.TECHBRIDGE_SKIP_BUILD === '1') return false;
  if (!buildStale()) return false;
  log('Building (npm run build) …');
  const r = spawnSync(NPM, ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    throw new ProvisionError(
      `The TypeScript build failed (npm run build exited ${r.status}): fix the errors above and run again.`,
    );
  }
  return true;
}

/** Print a ProvisionError (or anything else) as one clear sentence, plus details; return exit code 1. */
function report(err) {
  if (err && err.name === 'ProvisionError') {
    console.error(`\n✖ ${err.message}`);
    if (err.details) console.error(err.details);
  } else {
    console.error('\n✖ Unexpected failure:', err && err.stack ? err.stack : err);
  }
  return 1;
}

module.exports = { checkTools, ensureDeps, ensureBuild, buildStale, report };
