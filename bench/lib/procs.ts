/** Child processes started by the bench: spawn with a log file, wait for health, stop by pid. */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { sleep, waitFor } from './stats';

export const ROOT = path.resolve(__dirname, '..', '..', '..'); // dist/bench/lib → repo root
export const LOG_DIR = path.join(ROOT, '.local', 'bench', 'logs');
/** `BENCH_CPU_PROF=catalog,gateway npm run bench …` runs those processes under `node --cpu-prof`. */
export const PROFILE_DIR = path.join(ROOT, '.local', 'bench', 'profiles');

/** The .cpuprofile file a process started by startService writes on exit, when it is profiled. */
export function profileFile(name: string): string | undefined {
  const wanted = (process.env.BENCH_CPU_PROF ?? '').split(',').map((x) => x.trim());
  return wanted.includes(name) ? path.join(PROFILE_DIR, `${name}.cpuprofile`) : undefined;
}

export interface Proc {
  name: string;
  child: ChildProcess;
  logFile: string;
  url: string;
  exited: Promise<number | null>;
}

const running = new Set<Proc>();

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Runs `node <script>` to completion (migrations); throws with the tail of its output on failure. */
export async function runNode(
  name: string,
  script: string,
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<void> {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${name}.log`);
  const out = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [path.join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  if (code !== 0) throw new Error(`${name} exited with ${code}: ${tail(logFile)}`);
}

export function tail(file: string, chars = 1500): string {
  try {
    const s = fs.readFileSync(file, 'utf8');
    return s.slice(-chars).trim();
  } catch {
    return '';
  }
}

/** Starts `node <script>` with env (PORT is set by the caller) and waits until GET <url><healthPath> = 200. */
export async function startService(
  name: string,
  script: string,
  env: Record<string, string>,
  port: number,
  healthPath = '/health',
  timeoutMs = 90_000,
): Promise<Proc> {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${name}.log`);
  const out = fs.openSync(logFile, 'w');
  const profile = profileFile(name);
  if (profile) {
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    fs.rmSync(profile, { force: true });
  }
  const profiling = profile
    ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${path.basename(profile)}`]
    : [];
  const child = spawn(process.execPath, [...profiling, path.join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (c, sig) => resolve(c ?? (sig ? -1 : null))),
  );
  const proc: Proc = { name, child, logFile, url: `http://127.0.0.1:${port}`, exited };
  running.add(proc);
  let dead = false;
  void exited.then(() => {
    dead = true;
    running.delete(proc);
  });
  try {
    // waitFor retries through errors, so a process that died is reported by the race, not after the timeout.
    await Promise.race([
      waitFor(
        `${name} health at ${proc.url}${healthPath}`,
        async () => {
          if (dead) return true; // the race below has already failed
          const res = await fetch(`${proc.url}${healthPath}`).catch(() => null);
          return res?.status === 200;
        },
        timeoutMs,
        250,
      ),
      exited.then((c) => {
        throw new Error(`${name} exited with ${c} before it was healthy: ${tail(logFile)}`);
      }),
    ]);
  } catch (e) {
    await stopProc(proc);
    throw e;
  }
  return proc;
}

/** SIGTERM, then SIGKILL after `graceMs`. Only ever signals the pid we spawned. */
export async function stopProc(proc: Proc | undefined, graceMs = 15_000): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) {
    if (proc) running.delete(proc);
    return;
  }
  proc.child.kill('SIGTERM');
  const done = await Promise.race([proc.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) {
    proc.child.kill('SIGKILL');
    await Promise.race([proc.exited, sleep(5000)]);
  }
  running.delete(proc);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((p) => stopProc(p)));
}

/** Synchronous last resort (process 'exit'): SIGKILL whatever we started and is still alive. */
export function killAllSync(): void {
  for (const p of running) {
    try {
      p.child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
}
