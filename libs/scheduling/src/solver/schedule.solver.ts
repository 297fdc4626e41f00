/**
 * The scheduler: greedy construction → ruin and recreate → local search → (small instances) exact
 * branch and bound → fill → compaction → explanations. Same input, same schedule: every choice is ordered by weight and
 * id, and every limit counts operations rather than time.
 */
import { checkInput } from '../input/input.checker';
import { SchedulingInputError } from '../input/input-issue';
import type { Schedule } from '../model/schedule.model';
import type { SchedulingInput } from '../model/scheduling-input.model';
import { buildProblem } from '../problem/problem.builder';
import type { Problem } from '../problem/problem.model';
import { compactSchedule, fillSchedule } from './compaction';
import { DEFAULT_EXACT_LIMITS, ExactSearch, type ExactSearchLimits } from './exact.search';
import { GreedyConstruction } from './greedy.construction';
import {
  DEFAULT_LOCAL_SEARCH_LIMITS,
  LocalSearchImprover,
  type LocalSearchLimits,
} from './local-search.improver';
import { pairsByPriority } from './pair-order';
import {
  DEFAULT_RUIN_RECREATE_LIMITS,
  RuinRecreateImprover,
  type RuinRecreateLimits,
} from './ruin-recreate.improver';
import { assembleSchedule } from './schedule.assembler';
import { ScheduleState } from './schedule-state';

export interface ScheduleOptions {
  /** local search limits; `false` = greedy only */
  localSearch?: Partial<LocalSearchLimits> | false;
  /** ruin-and-recreate iterations and seed; `false` = none */
  ruinRecreate?: Partial<RuinRecreateLimits> | false;
  /** exact search on small instances; `false` = never */
  exact?: Partial<ExactSearchLimits> | false;
}

/** Builds the meeting schedule. Throws `SchedulingInputError` when `checkInput` finds errors. */
export function buildSchedule(input: SchedulingInput, options: ScheduleOptions = {}): Schedule {
  const issues = checkInput(input);
  if (issues.some((i) => i.severity === 'error')) throw new SchedulingInputError(issues);
  return new ScheduleSolver(buildProblem(input), options).solve();
}

export class ScheduleSolver {
  constructor(
    private readonly problem: Problem,
    private readonly options: ScheduleOptions = {},
  ) {}

  solve(): Schedule {
    const problem = this.problem;
    const state = new GreedyConstruction(problem).run();
    let improvementMoves = 0;
    if (this.options.ruinRecreate !== false) {
      const rr = new RuinRecreateImprover(problem, state, {
        ...DEFAULT_RUIN_RECREATE_LIMITS,
        ...this.options.ruinRecreate,
      });
      rr.run();
      improvementMoves += rr.improved;
    }
    if (this.options.localSearch !== false) {
      const ls = new LocalSearchImprover(problem, state, {
        ...DEFAULT_LOCAL_SEARCH_LIMITS,
        ...this.options.localSearch,
      });
      ls.run();
      improvementMoves += ls.improvingMoves;
    }
    let optimality: 'proven-optimal' | 'heuristic' = 'heuristic';
    let exactSearchNodes = 0;
    let final = state;
    if (this.options.exact !== false) {
      const search = new ExactSearch(problem, state.objective, {
        ...DEFAULT_EXACT_LIMITS,
        ...this.options.exact,
      });
      if (search.applicable) {
        const r = search.run();
        exactSearchNodes = r.nodes;
        if (r.proven) optimality = 'proven-optimal';
        if (r.best) {
          final = new ScheduleState(problem);
          for (let p = 0; p < problem.pairs.length; p++)
            if (r.best.slotOf[p] >= 0) final.place(p, r.best.slotOf[p], r.best.poolOf[p]);
          final.commit();
          improvementMoves++;
        }
      }
    }
    fillSchedule(
      final,
      pairsByPriority(problem, (p) => problem.pairs[p].slots.length > 0),
    );
    compactSchedule(final);
    return assembleSchedule(final, { optimality, improvementMoves, exactSearchNodes });
  }
}
