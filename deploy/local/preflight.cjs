'use strict';
// Checks and fix-ups that run before anything else. Node built-ins only (node_modules may be missing).
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ROOT, ProvisionError } = require('./util.cjs');
const runtime = require('./runtime.cjs');

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
  // On a Node older than the project needs, the shipped runtime (an optional dependency) counts too.
  if (
    runtime.majorOf(process.versions.node) < runtime.MIN_MAJOR &&
    runtime.shippedSupported() &&
    !fs.existsSync(runtime.shippedNodePath())
  ) {
    return true;
  }
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
 * Run `npm install` (it follows package-lock.json) when node_modules is missing or stale (`force`: always).
 * Not `npm ci`: the registry mirror this project installs from serves only the Linux builds of packages
 * with per-platform optional dependencies (jieba, swc), so the lock file cannot list the others and
 * `npm ci` would refuse it as "out of sync".
 *
 * npm runs on the project's runtime (deploy/local/runtime.cjs): npm checks every package's `engines`
 * against the Node that runs it, and several dependencies need Node >= 22. On a fresh checkout with an
 * older Node, the pinned runtime package is fetched alone first (from the npm registry) to run npm on.
 */
function ensureDeps({ log = console.log, force = false, env = process.env } = {}) {
  if (!force && !depsMissing()) return false;
  const args = ['install', '--no-audit', '--no-fund'];
  const rt = runtime.pickRuntime({ env });
  const bin = rt ? rt.path : runtime.bootstrapRuntime({ log });
  const on = bin ? ` on Node ${rt ? rt.version : runtime.versionOf(bin)}` : '';
  log(`Installing dependencies (npm ${args.join(' ')}${on}) …`);
  const r = spawnSync(NPM, args, { cwd: ROOT, stdio: 'inherit', env: bin ? runtime.envWithNode(bin, env) : env });
  if (r.status !== 0) {
    throw new ProvisionError(`npm ${args.join(' ')} failed (exit ${r.status}): see the npm output above.`);
  }
  if (!rt) runtime.dropBootstrap(); // node_modules has its own copy now, checked against package-lock.json
  return true;
}

/** The JavaScript file behind a package's bin (run it with process.execPath, not through its shebang). */
function binScript(pkgName, binName = pkgName) {
  const dir = path.join(ROOT, 'node_modules', pkgName);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const rel = typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin || {})[binName];
  if (!rel) throw new ProvisionError(`${pkgName} has no "${binName}" command: run npm install.`);
  return path.join(dir, rel);
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
  // Through PATH, tsc (#!/usr/bin/env node) runs on the Node running this script.
  const r = spawnSync(NPM, ['run', '--silent', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: runtime.envWithNode(process.execPath, env),
  });
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

module.exports = { checkTools, ensureDeps, ensureBuild, buildStale, binScript, report };
