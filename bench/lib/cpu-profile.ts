/**
 * Reads a V8 `.cpuprofile` (written by `node --cpu-prof`) and sums self time per function, so that the
 * report can name the frames that limit a path (issue 14: "put the profile's top frames in the report").
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Frame {
  frame: string;
  selfMs: number;
  share: number;
}

const where = (url: string) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const i = url.indexOf('/dist/');
  return i >= 0 ? url.slice(i + 6) : path.basename(url) || '(native)';
};

/** Now on CLOCK_MONOTONIC in µs: the time base of a profile's `startTime` and samples on Linux. */
export const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n);

/**
 * The `n` functions with the most self time; idle and GC are reported as their own frames. With a
 * window ([from, to] in monotonic µs) only the samples taken inside it count — e.g. the load test, not
 * the start-up.
 */
export function topFrames(
  file: string,
  n = 12,
  window?: [number, number],
): { frames: Frame[]; totalMs: number; busyMs: number } {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  let at = p.startTime;
  p.samples.forEach((id, i) => {
    at += p.timeDeltas[i] ?? 0;
    if (window && (at < window[0] || at > window[1])) return;
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const cf = byId.get(id)?.callFrame;
    const key = !cf
      ? '(unknown)'
      : cf.url
        ? `${cf.functionName || '(anonymous)'} — ${where(cf.url)}:${cf.lineNumber + 1}`
        : cf.functionName || '(native)';
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const idle = self.get('(idle)') ?? 0;
  const busy = total - idle;
  const frames = [...self]
    .filter(([k]) => k !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([frame, selfMs]) => ({ frame, selfMs, share: busy > 0 ? selfMs / busy : 0 }));
  return { frames, totalMs: total, busyMs: busy };
}

/** A Markdown table of a profiled process's top frames, or nothing when it was not profiled. */
export function profileMarkdown(
  name: string,
  file: string | undefined,
  window?: [number, number],
  n = 12,
): string | undefined {
  if (!file || !fs.existsSync(file)) return undefined;
  const { frames, totalMs, busyMs } = topFrames(file, n, window);
  return [
    `**CPU profile of ${name}** (\`node --cpu-prof\`, ${window ? 'during the load tests' : 'whole process life'}: ${(busyMs / 1000).toFixed(1)} s busy of ${(totalMs / 1000).toFixed(1)} s; self time, share of busy time; file \`${path.relative(process.cwd(), file)}\`):`,
    '',
    '| Frame | Self (ms) | Share |',
    '|---|---:|---:|',
    ...frames.map(
      (f) =>
        `| \`${f.frame.replace(/\|/g, '\\|')}\` | ${f.selfMs.toFixed(0)} | ${(f.share * 100).toFixed(1)} % |`,
    ),
  ].join('\n');
}
