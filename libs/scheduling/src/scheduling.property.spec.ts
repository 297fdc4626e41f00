/**
 * Property-based tests on random small instances (every constraint type at once; see
 * randomSmallInstance): the schedule never violates a constraint, is deterministic, and its objective
 * equals the optimum HiGHS finds for the same instance as a 0–1 program.
 */
import fc from 'fast-check';
import highsLoader from 'highs';
import type { HighsLike } from './exact/highs.adapter';
import { solveExactly } from './exact/highs.adapter';
import type { Meeting } from './model/schedule.model';
import type { SchedulingInput } from './model/scheduling-input.model';
import { buildProblem } from './problem/problem.builder';
import { buildSchedule } from './solver/schedule.solver';
import { randomSmallInstance, type SmallInstanceShape } from './testing/small-instance.generator';
import { generateWorkshopInstance } from './testing/workshop-instance.generator';
import { validateSchedule } from './validate/schedule.validator';
import { toIso } from './time/zoned-time';

const shapes = (max: { participants: number; pairs: number }) =>
  fc.record<SmallInstanceShape>({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    participants: fc.integer({ min: 2, max: max.participants }),
    pairs: fc.integer({ min: 1, max: max.pairs }),
    slotsPerDay: fc.integer({ min: 1, max: 5 }),
    days: fc.integer({ min: 1, max: 2 }),
  });

// fast-check's own seed is fixed too, so a failure reproduces; the counterexample's shape is printed.
const params = (numRuns: number) => ({ numRuns, seed: 20260608 });

let highs: HighsLike;
beforeAll(async () => {
  highs = (await highsLoader()) as unknown as HighsLike;
});

describe('scheduler properties on random instances', () => {
  it('never violates a constraint (checked by the independent validator)', () => {
    fc.assert(
      fc.property(shapes({ participants: 12, pairs: 24 }), (shape) => {
        const input = randomSmallInstance(shape);
        const s = buildSchedule(input);
        expect(validateSchedule(input, s)).toEqual([]);
        // the heuristic alone is held to the same standard
        expect(validateSchedule(input, buildSchedule(input, { exact: false }))).toEqual([]);
      }),
      params(120),
    );
  });

  it('never violates a constraint on generated two-city workshops (the heuristic path at scale)', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          cn: fc.integer({ min: 5, max: 30 }),
          pk: fc.integer({ min: 5, max: 30 }),
          days: fc.integer({ min: 1, max: 2 }),
          tables: fc.integer({ min: 1, max: 6 }),
          video: fc.integer({ min: 0, max: 3 }),
        }),
        (o) => {
          const input = generateWorkshopInstance({
            seed: o.seed,
            cn: o.cn,
            pk: o.pk,
            pairs: 4 * (o.cn + o.pk),
            days: o.days,
            tablesPerVenue: o.tables,
            videoTablesPerVenue: Math.min(o.video, o.tables),
            interpretersPerPool: 1,
          });
          const s = buildSchedule(input);
          expect(validateSchedule(input, s)).toEqual([]);
          expect(s.unscheduled.some((u) => u.reason.code === 'unscheduled.could-be-added')).toBe(false);
        },
      ),
      params(8),
    );
  });

  it('is deterministic, whatever the order of the input lists and of each pair', () => {
    fc.assert(
      fc.property(shapes({ participants: 12, pairs: 24 }), (shape) => {
        const input = randomSmallInstance(shape);
        const s = buildSchedule(input);
        expect(buildSchedule(input)).toEqual(s);
        const permuted: SchedulingInput = {
          ...input,
          participants: input.participants.slice().reverse(),
          pairs: input.pairs
            .map((p) => ({ ...p, a: p.b, b: p.a, aWantsB: p.bWantsA, bWantsA: p.aWantsB }))
            .reverse(),
          interpreters: input.interpreters?.slice().reverse(),
        };
        const t = buildSchedule(permuted);
        expect(t.objective).toBe(s.objective);
        expect(t.meetings.map((m) => [m.key, m.startUtc, m.interpreterPoolId])).toEqual(
          s.meetings.map((m) => [m.key, m.startUtc, m.interpreterPoolId]),
        );
        expect(t.unscheduled.map((u) => [u.key, u.reason.code])).toEqual(
          s.unscheduled.map((u) => [u.key, u.reason.code]),
        );
      }),
      params(60),
    );
  });

  it('reaches the exact optimum of HiGHS on small instances (and proves it)', () => {
    fc.assert(
      fc.property(shapes({ participants: 8, pairs: 14 }), (shape) => {
        const input = randomSmallInstance(shape);
        const s = buildSchedule(input);
        const exact = solveExactly(highs, input);
        expect(exact.status).toBe('Optimal');
        expect(s.stats.optimality).toBe('proven-optimal');
        expect(s.objective).toBeCloseTo(exact.objective, 6);
        // the MIP's own optimum is a valid schedule too: formulation and validator agree
        expect(validateSchedule(input, exact.schedule!)).toEqual([]);
      }),
      params(150),
    );
  });

  it('keeps every unscheduled pair out for a true reason: adding it anywhere breaks a constraint', () => {
    fc.assert(
      fc.property(shapes({ participants: 8, pairs: 14 }), (shape) => {
        const input = randomSmallInstance(shape);
        const s = buildSchedule(input);
        const problem = buildProblem(input);
        const pools = [undefined, ...(input.interpreters ?? []).map((k) => k.id)];
        for (const u of s.unscheduled) {
          expect(u.reason.code).not.toBe('unscheduled.could-be-added');
          const pr = problem.pairs.find((p) => p.key === u.key)!;
          if (pr.kind === null) continue; // mode / policy: the meeting form itself is not allowed
          const venueIds = [
            ...new Set([...pr.tableVenues, ...pr.videoVenues].map((v) => problem.venues[v].id)),
          ];
          if (pr.kind === 'video' && !input.workshop.hybrid?.videoUsesTable && venueIds.length === 0)
            continue;
          for (const slot of problem.slots)
            for (const pool of pools) {
              const m: Meeting = {
                a: u.a,
                b: u.b,
                key: u.key,
                startUtc: toIso(slot.startMs),
                endUtc: toIso(slot.endMs),
                kind: pr.kind,
                venueIds: pr.kind === 'video' ? venueIdsOfParties(input, u.a, u.b) : venueIds,
                score: u.score,
                weight: u.weight,
                why: s.meetings[0]?.why ?? {
                  pair: { code: 'pair.score', params: {} },
                  slot: { code: 'slot.only-option', params: {} },
                },
                ...(pool ? { interpreterPoolId: pool } : {}),
              };
              expect(validateSchedule(input, { meetings: [...s.meetings, m] }).length).toBeGreaterThan(0);
            }
        }
      }),
      params(40),
    );
  });
});

function venueIdsOfParties(input: SchedulingInput, a: string, b: string): string[] {
  const ids: string[] = [];
  for (const id of [a, b]) {
    const att = input.participants.find((p) => p.id === id)!.attendance;
    if (att.kind === 'venue' && !ids.includes(att.venueId)) ids.push(att.venueId);
  }
  return ids;
}
