import highsLoader from 'highs';
import { buildProblem } from '../problem/problem.builder';
import { buildSchedule } from '../solver/schedule.solver';
import { generateWorkshopInstance } from '../testing/workshop-instance.generator';
import { atVenue, hallWorkshop, pair, scheduling } from '../testing/workshop.fixture';
import { solveExactly, type HighsLike } from './highs.adapter';
import { buildMipFormulation, toLpText } from './mip.formulation';

let highs: HighsLike;
beforeAll(async () => {
  highs = (await highsLoader()) as unknown as HighsLike;
});

describe('MIP formulation', () => {
  // a triangle a–b–c with one slot: only one of the three pairs can meet
  const triangle = scheduling(
    hallWorkshop(1),
    ['a', 'b', 'c'].map((id) => atVenue(id, 'hall')),
    [pair('a', 'b', 50), pair('b', 'c', 60), pair('a', 'c', 70)],
  );

  it('has one column per pair × slot × pool and only the rows that can bind', () => {
    const f = buildMipFormulation(buildProblem(triangle));
    expect(f.columns).toHaveLength(3);
    expect(f.rows.map((r) => r.name).sort()).toEqual(['part_0_0', 'part_1_0', 'part_2_0']);
    expect(toLpText(f, false)).toContain('Binaries');
    expect(toLpText(f, true)).not.toContain('Binaries');
  });

  it('solves to the optimum, and its LP relaxation bounds it from above', () => {
    const mip = solveExactly(highs, triangle);
    expect(mip.status).toBe('Optimal');
    expect(mip.objective).toBeCloseTo(70);
    expect(mip.meetings.map((m) => m.key)).toEqual(['a|c']);
    // the LP may split the triangle into halves: 0.5 · (50 + 60 + 70) = 90
    expect(solveExactly(highs, triangle, { relax: true }).objective).toBeCloseTo(90);
  });

  it('bounds the heuristic on a generated two-city workshop', () => {
    const input = generateWorkshopInstance({
      seed: 5,
      cn: 15,
      pk: 15,
      pairs: 60,
      days: 1,
      tablesPerVenue: 3,
      videoTablesPerVenue: 1,
    });
    const s = buildSchedule(input);
    const lp = solveExactly(highs, input, { relax: true });
    const mip = solveExactly(highs, input);
    expect(lp.objective).toBeGreaterThanOrEqual(mip.objective - 1e-6);
    expect(mip.objective).toBeGreaterThanOrEqual(s.objective - 1e-6);
    expect(s.objective / mip.objective).toBeGreaterThan(0.97);
  });
});
