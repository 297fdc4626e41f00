/**
 * The bench's console: timestamped log lines and one progress bar per section (issue 14 §4).
 *
 * Sections only see the small `Progress` port (start a phase in its natural unit — queries answered,
 * offers loaded, needs matched, runs done — tick, stop), so they do not depend on how it is drawn:
 * - on a terminal, a cli-progress bar redrawn in place, with log lines printed above it;
 * - when stdout is not a TTY or CI=true, a plain line every 10 % or every 5 s, so that CI logs and
 *   `npm run bench > file` stay readable (a redrawn bar there is a wall of carriage returns).
 */
import { MultiBar, Presets, type SingleBar } from 'cli-progress';

export interface Progress {
  /** begins a phase of `total` units (ends the section's previous phase, if any) */
  start(label: string, total: number, unit?: string): void;
  /** `n` more units done */
  tick(n?: number): void;
  /** the absolute count done, for phases that poll a count (rows in a table, match sets …) */
  set(done: number): void;
  /** ends the phase (idempotent) */
  stop(): void;
}

/** does nothing: the default for callers that do not pass a progress port (tests, tools) */
export const noProgress: Progress = {
  start: () => undefined,
  tick: () => undefined,
  set: () => undefined,
  stop: () => undefined,
};

/**
 * The throttling of the plain (non-TTY) output, kept pure for the unit tests: `due` says whether a
 * line is due — on the first update, when a 10 % step is crossed (but not within `minGapMs` of the last
 * line: a phase of half a second needs no ten lines), or when `everyMs` has passed since the last line;
 * never twice for the same count.
 */
export class PlainThrottle {
  private lastAt = -Infinity;
  private lastStep = -1;
  private lastDone = -1;

  constructor(
    private readonly total: number,
    private readonly everyMs = 5000,
    private readonly minGapMs = 1000,
  ) {}

  due(done: number, now: number): boolean {
    if (done === this.lastDone) return false;
    const step = this.total > 0 ? Math.floor((Math.min(done, this.total) / this.total) * 10) : -1;
    const since = now - this.lastAt;
    const due =
      this.lastDone < 0 || (step > this.lastStep && since >= this.minGapMs) || since >= this.everyMs;
    if (due) {
      this.lastAt = now;
      this.lastStep = step;
      this.lastDone = done;
    }
    return due;
  }
}

/** "40 % (120 / 300 queries)" or "120 queries" when the total is unknown */
export function progressText(done: number, total: number, unit: string): string {
  const u = unit ? ` ${unit}` : '';
  if (total <= 0) return `${done.toLocaleString('en')}${u}`;
  const pct = Math.floor((Math.min(done, total) / total) * 100);
  return `${pct} % (${done.toLocaleString('en')} / ${total.toLocaleString('en')}${u})`;
}

export interface BenchConsoleOptions {
  /** when the bench started (for the "[bench  12 s]" prefix) */
  started: number;
  /** draw bars (default: stdout is a TTY and CI is not set) */
  tty?: boolean;
  /** where lines go in plain mode (default console.log) */
  write?: (line: string) => void;
  now?: () => number;
}

export interface BenchConsole {
  log(s: string): void;
  /** the progress port of one section; its bar is labelled with the section id */
  progress(section: string): Progress;
  /** removes any bar left (call before the summary) */
  close(): void;
}

export function createBenchConsole(o: BenchConsoleOptions): BenchConsole {
  const now = o.now ?? Date.now;
  const write = o.write ?? ((l: string) => console.log(l));
  const tty = o.tty ?? (Boolean(process.stdout.isTTY) && !isCi(process.env.CI));
  const stamp = (s: string) => `[bench ${((now() - o.started) / 1000).toFixed(0).padStart(3)} s] ${s}`;
  let multi: MultiBar | undefined;
  let active: { bar: SingleBar; owner: object } | undefined;

  const log = (s: string) => {
    if (active && multi) {
      // Buffered by cli-progress and printed above the bar; update() flushes it now, not at the next tick.
      multi.log(`${stamp(s)}\n`);
      multi.update();
    } else write(stamp(s));
  };

  const endBar = () => {
    if (!active || !multi) return;
    multi.remove(active.bar);
    multi.stop();
    multi = undefined;
    active = undefined;
  };

  const progress = (section: string): Progress => {
    const owner = {};
    let phase:
      | { label: string; total: number; unit: string; done: number; t0: number; plain?: PlainThrottle }
      | undefined;
    const plainLine = (final: boolean) => {
      if (!phase) return;
      const secs = ((now() - phase.t0) / 1000).toFixed(1);
      write(
        stamp(
          `  ${section} · ${phase.label}: ${final ? `done, ${phase.done.toLocaleString('en')} ${phase.unit}`.trimEnd() : progressText(phase.done, phase.total, phase.unit)}, ${secs} s`,
        ),
      );
    };
    const moved = () => {
      if (!phase) return;
      if (tty) {
        if (active?.owner === owner) active.bar.update(phase.done);
      } else if (phase.done < phase.total || phase.total === 0) {
        // 100 % is said by the "done" line of stop(), not twice.
        if (phase.plain!.due(phase.done, now())) plainLine(false);
      }
    };
    const port: Progress = {
      start(label, total, unit = '') {
        port.stop();
        phase = { label, total: Math.max(0, total), unit, done: 0, t0: now() };
        if (tty) {
          endBar(); // one bar at a time: a section's phases follow each other
          multi = new MultiBar(
            {
              stream: process.stdout,
              format: `  {section} │ {bar} │ {percentage} % │ {value}/{total} {unit} │ {label} │ {duration_formatted}, eta {eta_formatted}`,
              hideCursor: true,
              gracefulExit: true, // Ctrl-C: give the cursor back
              clearOnComplete: true,
              etaBuffer: 50,
              fps: 5,
            },
            Presets.shades_classic,
          );
          active = {
            owner,
            bar: multi.create(Math.max(1, phase.total), 0, { section, label, unit }),
          };
        } else {
          phase.plain = new PlainThrottle(phase.total);
          phase.plain.due(0, now()); // the start line below counts as the first line
          write(stamp(`  ${section} · ${label}: ${progressText(0, phase.total, unit)}`));
        }
      },
      tick(n = 1) {
        if (!phase) return;
        phase.done += n;
        moved();
      },
      set(done) {
        if (!phase) return;
        phase.done = done;
        moved();
      },
      stop() {
        if (!phase) return;
        // The bar is cleared when it ends; one line stays in the log for the finished phase.
        if (tty && active?.owner === owner) endBar();
        plainLine(true);
        phase = undefined;
      },
    };
    return port;
  };

  return { log, progress, close: endBar };
}

function isCi(v: string | undefined): boolean {
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}
