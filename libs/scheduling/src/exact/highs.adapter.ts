/**
 * Solves the MIP formulation (or its LP relaxation) with a HiGHS instance the caller loaded — the
 * library does not depend on the solver package: `const highs = await require('highs')()` in a test or
 * benchmark, then `solveExactly(highs, input)`.
 */
import type { Schedule } from '../model/schedule.model';
import type { SchedulingInput } from '../model/scheduling-input.model';
import { buildProblem } from '../problem/problem.builder';
import type { Problem } from '../problem/problem.model';
import { assembleSchedule } from '../solver/schedule.assembler';
import { ScheduleState } from '../solver/schedule-state';
import { buildMipFormulation, toLpText } from './mip.formulation';

/** the part of the `highs` npm package's API used here */
export interface HighsLike {
  solve(
    problem: string,
    options?: Record<string, string | number | boolean>,
  ): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }> };
}

export interface ExactSolution {
  /** HiGHS model status, e.g. `Optimal`, `Time limit reached` */
  status: string;
  /** optimal objective (MIP), or the LP bound when relaxed */
  objective: number;
  /** for the MIP: the chosen options (pair key, slot index, pool index or -1) */
  meetings: { key: string; slot: number; pool: number }[];
  /** for the MIP: the solver's schedule as a `Schedule` (not compacted), e.g. for `validateSchedule` */
  schedule?: Schedule;
  columns: number;
  rows: number;
  seconds: number;
}

export function solveExactly(
  highs: HighsLike,
  input: SchedulingInput | Problem,
  opts: { relax?: boolean; timeLimitSeconds?: number } = {},
): ExactSolution {
  const problem = 'slots' in input ? input : buildProblem(input);
  const f = buildMipFormulation(problem);
  const t = performance.now();
  const state = new ScheduleState(problem);
  const facts = { optimality: 'proven-optimal' as const, improvementMoves: 0, exactSearchNodes: 0 };
  if (f.columns.length === 0)
    return {
      status: 'Optimal',
      objective: 0,
      meetings: [],
      schedule: opts.relax ? undefined : assembleSchedule(state, facts),
      columns: 0,
      rows: 0,
      seconds: 0,
    };
  const options: Record<string, string | number | boolean> = {
    output_flag: false,
    mip_rel_gap: 0,
    mip_abs_gap: 1e-9,
  };
  if (opts.timeLimitSeconds) options.time_limit = opts.timeLimitSeconds;
  const r = highs.solve(toLpText(f, !!opts.relax), options);
  const meetings: ExactSolution['meetings'] = [];
  let schedule: Schedule | undefined;
  if (!opts.relax && r.Columns) {
    f.columns.forEach((col, c) => {
      if ((r.Columns[`x${c}`]?.Primal ?? 0) <= 0.5) return;
      meetings.push({ key: problem.pairs[col.pair].key, slot: col.slot, pool: col.pool });
      state.place(col.pair, col.slot, col.pool);
    });
    schedule = assembleSchedule(state, facts);
  }
  return {
    status: r.Status,
    objective: r.ObjectiveValue,
    meetings,
    schedule,
    columns: f.columns.length,
    rows: f.rows.length,
    seconds: (performance.now() - t) / 1000,
  };
}
