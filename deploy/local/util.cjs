'use strict';
// Small helpers shared by the local provisioning scripts. Node built-ins only.
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const LOCAL = path.join(ROOT, '.local');

/** An expected, explainable failure: the entry scripts print `message` (one sentence) and exit 1. */
class ProvisionError extends Error {
  constructor(message, details) {
    super(message);
    this.name = 'ProvisionError';
    if (details) this.details = details;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tailLines(text, n = 30) {
  const lines = String(text || '')
    .replace(/\s+$/, '')
    .split('\n');
  return lines.slice(-n).join('\n');
}

function tailFile(file, n = 30) {
  try {
    const stat = fs.statSync(file);
    const size = Math.min(stat.size, 64 * 1024);
    const fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(size);
    fs.readSync(fd, buf, 0, size, stat.size - size);
    fs.closeSync(fd);
    return tailLines(buf.toString('utf8'), n);
  } catch {
    return '';
  }
}

/** True when nothing listens on 127.0.0.1:port (or 0.0.0.0 / :: which would collide). */
function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/**
 * First port >= preferred where `span` consecutive ports are all free.
 * Returns { port, busyPorts } — busyPorts lists the candidate ports skipped because something listened there.
 */
async function pickPort(preferred, { span = 1, maxTries = 50 } = {}) {
  const busyPorts = [];
  for (let port = preferred; port < preferred + maxTries; port++) {
    let free = true;
    for (let i = 0; i < span; i++) {
      if (!(await isPortFree(port + i))) {
        free = false;
        break;
      }
    }
    if (free) return { port, busyPorts };
    busyPorts.push(port);
  }
  throw new ProvisionError(
    `No free port found in ${preferred}..${preferred + maxTries - 1}: stop what listens there or choose another port.`,
  );
}

/** Is this pid a live (non-zombie) process? */
function isAlive(pid) {
  if (!pid || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

function cmdlineOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

function readInt(file) {
  try {
    const n = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isFinite(n) ? n : undefined;
  } catch {
    return undefined;
  }
}

async function withTimeout(promise, ms, what) {
  let timer;
  try {
    return await Promise.race([
      promise,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Hide the password part of a URL for printing. */
function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/** Kill a process group (or a single pid if it has no group), waiting up to `graceMs` before SIGKILL. */
async function killTree(pid, { graceMs = 10000, group = true } = {}) {
  const send = (sig) => {
    try {
      process.kill(group ? -pid : pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* gone */
      }
    }
  };
  if (!isAlive(pid)) return;
  send('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return;
    await sleep(200);
  }
  send('SIGKILL');
  const hard = Date.now() + 5000;
  while (Date.now() < hard && isAlive(pid)) await sleep(100);
}

module.exports = {
  ROOT,
  LOCAL,
  ProvisionError,
  sleep,
  tailLines,
  tailFile,
  isPortFree,
  pickPort,
  isAlive,
  cmdlineOf,
  readInt,
  withTimeout,
  redactUrl,
  killTree,
};
