import type { Problem } from '../problem/problem.model';

/**
 * The order in which pairs are considered everywhere: weight descending, then the pair key — a total
 * order on the input, so the schedule never depends on the order of the candidate list.
 */
export function pairsByPriority(problem: Problem, filter: (p: number) => boolean = () => true): number[] {
  const pairs = problem.pairs;
  return pairs
    .map((p) => p.index)
    .filter(filter)
    .sort(
      (x, y) =>
        pairs[y].weight - pairs[x].weight ||
        (pairs[x].key < pairs[y].key ? -1 : pairs[x].key > pairs[y].key ? 1 : 0),
    );
}
