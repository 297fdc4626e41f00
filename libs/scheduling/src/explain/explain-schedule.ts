/**
 * Reasons for the pairs missing from any schedule (say one an organiser edited), computed against that
 * schedule as it stands; the solver's own output carries them already.
 */
import type { Schedule, UnscheduledPair } from '../model/schedule.model';
import type { SchedulingInput } from '../model/scheduling-input.model';
import { buildProblem } from '../problem/problem.builder';
import { pairsByPriority } from '../solver/pair-order';
import { stateFromSchedule } from '../solver/schedule.assembler';
import { explainUnscheduledPair } from './unscheduled.explainer';

export function explainUnscheduled(
  input: SchedulingInput,
  schedule: Pick<Schedule, 'meetings'>,
): UnscheduledPair[] {
  const problem = buildProblem(input);
  const state = stateFromSchedule(problem, schedule);
  return pairsByPriority(problem)
    .filter((p) => !state.isScheduled(p))
    .map((p) => explainUnscheduledPair(state, p));
}
