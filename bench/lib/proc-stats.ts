/** Per-process facts read from /proc (Linux) for the processes the bench starts or depends on. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './procs';

/** utime + stime of a pid in seconds, from /proc/<pid>/stat; NaN when it is gone or not Linux. */
export function cpuOf(pid: number | undefined): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parts = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(parts[11]) + Number(parts[12])) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

/** Resident set size of a pid in MB, from /proc/<pid>/status; 0 when it is gone. */
export function rssMb(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds per pid of every process named `postgres` (read-only scan of /proc). */
export function postgresCpu(): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const f = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        if (f.slice(f.indexOf('(') + 1, f.lastIndexOf(')')) === 'postgres')
          out.set(Number(d), cpuOf(Number(d)));
      } catch {
        /* gone */
      }
    }
  } catch {
    /* no /proc */
  }
  return out;
}

/** CPU seconds the postgres processes used between two postgresCpu() snapshots (a new pid counts in full). */
export function postgresCpuDelta(a: Map<number, number>, b: Map<number, number>): number {
  let pg = 0;
  for (const [pid, t] of b) pg += t - (a.get(pid) ?? 0);
  return b.size ? pg : NaN;
}

/** The bench broker's pid (deploy/local/bench.mjs: instance BENCH_KAFKA_INSTANCE, default `bench`). */
export function kafkaPid(): number | undefined {
  const instance = process.env.BENCH_KAFKA_INSTANCE || 'bench';
  try {
    return (
      Number(fs.readFileSync(path.join(ROOT, '.local', 'kafka', instance, 'kafka.pid'), 'utf8').trim()) ||
      undefined
    );
  } catch {
    return undefined;
  }
}
