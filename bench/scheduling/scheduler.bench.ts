/**
 * Scheduler quality and speed, measured against HiGHS (WASM) in the same run:
 *
 * - large: 200 CN + 200 PK participants, 2,000 candidate pairs, 3 days, Kunming + Islamabad, hybrid —
 *   the wall time of `buildSchedule` (bar: ≤ 5 s) and the gap to the LP relaxation's optimum, an upper
 *   bound on any schedule's objective;
 * - medium: generated two-city workshops small enough for HiGHS to solve the 0–1 program exactly — the
 *   gap to the true optimum;
 * - small: random instances of every constraint type (the property tests' generator) — how often the
 *   schedule equals HiGHS's optimum (it must, always: the exact search takes over), and how far the
 *   heuristic alone (no exact search) is from it.
 *
 * Every instance is seeded, so the figures differ between runs only in their times.
 */
import * as os from 'node:os';
import highsLoader from 'highs';
import {
  buildProblem,
  buildSchedule,
  generateWorkshopInstance,
  randomSmallInstance,
  solveExactly,
  validateSchedule,
  type HighsLike,
  type SchedulingInput,
  type WorkshopInstanceOptions,
} from '@techbridge/scheduling';
import type { Progress } from '../lib/progress';

export interface LargeFigures {
  label: string;
  participants: number;
  pairs: number;
  days: number;
  slots: number;
  /** wall time of each `buildSchedule` run, seconds (the first is cold) */
  runsSeconds: number[];
  /** CPU time of each run, seconds */
  cpuSeconds: number[];
  medianSeconds: number;
  maxSeconds: number;
  objective: number;
  meetings: number;
  wishedMeetings: number;
  wishedPairs: number;
  mutualMeetings: number;
  mutualPairs: number;
  violations: number;
  lpBound: number;
  lpStatus: string;
  lpSeconds: number;
  lpColumns: number;
  lpRows: number;
  /** (LP bound − objective) / LP bound, % */
  gapToLpPercent: number;
}

export interface MediumFigures {
  label: string;
  participants: number;
  pairs: number;
  days: number;
  heuristicSeconds: number;
  objective: number;
  mipStatus: string;
  mipObjective: number;
  mipSeconds: number;
  lpBound: number;
  /** (MIP optimum − objective) / MIP optimum, % (against the incumbent if HiGHS hit its time limit) */
  gapToMipPercent: number;
  gapToLpPercent: number;
}

export interface SmallFigures {
  instances: number;
  /** the schedule's objective equals HiGHS's optimum */
  equalToHighs: number;
  provenOptimal: number;
  maxGapPercent: number;
  /** the heuristic alone (exact search off) */
  heuristicOnlyOptimal: number;
  heuristicOnlyMeanGapPercent: number;
  heuristicOnlyMaxGapPercent: number;
  violations: number;
  seconds: number;
}

export interface SchedulerBenchFigures {
  cores: number;
  loadAvgAtStart: string;
  large: LargeFigures;
  medium: MediumFigures[];
  small: SmallFigures;
}

export interface SchedulerBenchOptions {
  quick?: boolean;
  log?: (s: string) => void;
  /** the bench's progress bar: instances solved */
  progress?: Progress;
}

export const LARGE_INSTANCE: WorkshopInstanceOptions = { seed: 11, cn: 200, pk: 200, pairs: 2000, days: 3 };

const MEDIUM_INSTANCES: (WorkshopInstanceOptions & { label: string })[] = [
  {
    label: '40 + 40, 200 pairs, 1 day',
    seed: 21,
    cn: 40,
    pk: 40,
    pairs: 200,
    days: 1,
    tablesPerVenue: 5,
    videoTablesPerVenue: 2,
  },
  {
    label: '60 + 60, 300 pairs, 1 day',
    seed: 22,
    cn: 60,
    pk: 60,
    pairs: 300,
    days: 1,
    tablesPerVenue: 8,
    videoTablesPerVenue: 3,
  },
  {
    label: '100 + 100, 600 pairs, 2 days',
    seed: 23,
    cn: 100,
    pk: 100,
    pairs: 600,
    days: 2,
    tablesPerVenue: 8,
    videoTablesPerVenue: 3,
  },
];

const pct = (bound: number, value: number) => (bound > 0 ? ((bound - value) / bound) * 100 : 0);

function timed<T>(fn: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = fn();
  const seconds = (performance.now() - t) / 1000;
  const c = process.cpuUsage(cpu);
  return { value, seconds, cpuSeconds: (c.user + c.system) / 1e6 };
}

export async function runSchedulerBench(o: SchedulerBenchOptions = {}): Promise<SchedulerBenchFigures> {
  const log = o.log ?? (() => undefined);
  const loadAvgAtStart = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
  const highs = (await highsLoader()) as unknown as HighsLike;

  const mediums = o.quick ? MEDIUM_INSTANCES.slice(0, 1) : MEDIUM_INSTANCES;
  o.progress?.start('large, medium and small instances', 2 + mediums.length, 'instance sets');
  log('  scheduler: large instance (200 + 200, 2,000 pairs, 3 days) …');
  const large = runLarge(highs, generateWorkshopInstance(LARGE_INSTANCE), o.quick ? 2 : 3, log);
  o.progress?.tick();

  const medium: MediumFigures[] = [];
  for (const m of mediums) {
    log(`  scheduler: medium instance ${m.label}, exact MIP …`);
    medium.push(runMedium(highs, m.label, generateWorkshopInstance(m), o.quick ? 30 : 120));
    o.progress?.tick();
  }

  log('  scheduler: small random instances vs the exact optimum …');
  const small = runSmall(highs, o.quick ? 40 : 200);
  o.progress?.tick();
  o.progress?.stop();
  return { cores: os.cpus().length, loadAvgAtStart, large, medium, small };
}

function runLarge(
  highs: HighsLike,
  input: SchedulingInput,
  runs: number,
  log: (s: string) => void,
): LargeFigures {
  const results = Array.from({ length: runs }, () => timed(() => buildSchedule(input)));
  const s = results[0].value;
  const secs = results.map((r) => r.seconds);
  const sorted = [...secs].sort((a, b) => a - b);
  log(`    build: ${secs.map((x) => x.toFixed(2)).join(' / ')} s; LP relaxation …`);
  const lp = solveExactly(highs, buildProblem(input), { relax: true });
  return {
    label: '200 CN + 200 PK, 2,000 pairs, 3 days, Kunming + Islamabad, hybrid',
    participants: input.participants.length,
    pairs: input.pairs.length,
    days: input.workshop.days.length,
    slots: s.stats.slots,
    runsSeconds: secs,
    cpuSeconds: results.map((r) => r.cpuSeconds),
    medianSeconds: sorted[Math.floor(sorted.length / 2)],
    maxSeconds: sorted[sorted.length - 1],
    objective: s.objective,
    meetings: s.meetings.length,
    wishedMeetings: s.stats.wishedMeetings,
    wishedPairs: s.stats.wishedPairs,
    mutualMeetings: s.stats.mutualMeetings,
    mutualPairs: s.stats.mutualPairs,
    violations: validateSchedule(input, s).length,
    lpBound: lp.objective,
    lpStatus: lp.status,
    lpSeconds: lp.seconds,
    lpColumns: lp.columns,
    lpRows: lp.rows,
    gapToLpPercent: pct(lp.objective, s.objective),
  };
}

function runMedium(
  highs: HighsLike,
  label: string,
  input: SchedulingInput,
  timeLimitSeconds: number,
): MediumFigures {
  const h = timed(() => buildSchedule(input));
  const problem = buildProblem(input);
  const mip = solveExactly(highs, problem, { timeLimitSeconds });
  const lp = solveExactly(highs, problem, { relax: true });
  return {
    label,
    participants: input.participants.length,
    pairs: input.pairs.length,
    days: input.workshop.days.length,
    heuristicSeconds: h.seconds,
    objective: h.value.objective,
    mipStatus: mip.status,
    mipObjective: mip.objective,
    mipSeconds: mip.seconds,
    lpBound: lp.objective,
    gapToMipPercent: pct(mip.objective, h.value.objective),
    gapToLpPercent: pct(lp.objective, h.value.objective),
  };
}

function runSmall(highs: HighsLike, n: number): SmallFigures {
  const t = performance.now();
  const f: SmallFigures = {
    instances: n,
    equalToHighs: 0,
    provenOptimal: 0,
    maxGapPercent: 0,
    heuristicOnlyOptimal: 0,
    heuristicOnlyMeanGapPercent: 0,
    heuristicOnlyMaxGapPercent: 0,
    violations: 0,
    seconds: 0,
  };
  let gapSum = 0;
  for (let i = 1; i <= n; i++) {
    // the property tests' shapes: 2–8 participants, up to 14 pairs, 1–5 slots a day, 1–2 days
    const input = randomSmallInstance({
      seed: 1000 + i,
      participants: 2 + (i % 7),
      pairs: 1 + (i % 14),
      slotsPerDay: 1 + (i % 5),
      days: 1 + (i % 2),
    });
    const exact = solveExactly(highs, input).objective;
    const s = buildSchedule(input);
    const heuristic = buildSchedule(input, { exact: false });
    f.violations += validateSchedule(input, s).length + validateSchedule(input, heuristic).length;
    const close = (x: number) => Math.abs(x - exact) <= 1e-6 * Math.max(1, exact);
    if (close(s.objective)) f.equalToHighs++;
    if (s.stats.optimality === 'proven-optimal') f.provenOptimal++;
    f.maxGapPercent = Math.max(f.maxGapPercent, pct(exact, s.objective));
    if (close(heuristic.objective)) f.heuristicOnlyOptimal++;
    const g = pct(exact, heuristic.objective);
    gapSum += g;
    f.heuristicOnlyMaxGapPercent = Math.max(f.heuristicOnlyMaxGapPercent, g);
  }
  f.heuristicOnlyMeanGapPercent = gapSum / n;
  f.seconds = (performance.now() - t) / 1000;
  return f;
}
