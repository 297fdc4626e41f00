/**
 * Issue 11's bar: the meeting scheduler (libs/scheduling) on 200 CN + 200 PK participants, 2,000
 * candidate pairs, 3 days, Kunming + Islamabad, hybrid — built in ≤ 5 s — with its gap to the LP bound,
 * and its objective against the exact optimum of HiGHS on medium and small instances
 * (runSchedulerBench in bench/scheduling/scheduler.bench.ts). Needs neither Postgres nor Kafka.
 */
import type { Progress } from '../lib/progress';
import { SectionResult } from '../lib/report';
import { fmt } from '../lib/stats';
import { runSchedulerBench } from '../scheduling/scheduler.bench';

const gap = (x: number) => `${fmt(Math.max(0, x), 2)} %`;

export async function schedulerSection(
  s: SectionResult,
  o: { quick: boolean; log: (s: string) => void; progress?: Progress },
): Promise<void> {
  const f = await runSchedulerBench({ quick: o.quick, log: o.log, progress: o.progress });
  const L = f.large;
  s.rows.push(
    {
      metric: `Build time, ${L.label} (${L.runsSeconds.length} runs, slowest)`,
      value: `${fmt(L.maxSeconds, 2)} s`,
      baseline: `median ${fmt(L.medianSeconds, 2)} s, cold ${fmt(L.runsSeconds[0], 2)} s`,
      target: '≤ 5 s',
      pass: L.maxSeconds <= 5,
    },
    {
      metric: 'Gap to the LP relaxation bound (HiGHS), large instance',
      value: gap(L.gapToLpPercent),
      baseline: `objective ${fmt(L.objective, 1)} / bound ${fmt(L.lpBound, 1)}`,
      pass: null,
    },
    {
      metric: 'Constraint violations found by validateSchedule, large instance',
      value: String(L.violations),
      target: '0',
      pass: L.violations === 0,
    },
    {
      metric: `Small random instances: objective equal to the HiGHS optimum`,
      value: `${f.small.equalToHighs} / ${f.small.instances}`,
      baseline: `proven optimal by the exact search: ${f.small.provenOptimal}`,
      target: 'all',
      pass: f.small.equalToHighs === f.small.instances && f.small.violations === 0,
    },
    {
      metric: 'Small random instances: heuristic alone (exact search off) optimal',
      value: `${f.small.heuristicOnlyOptimal} / ${f.small.instances}`,
      baseline: `mean gap ${gap(f.small.heuristicOnlyMeanGapPercent)}, max ${gap(f.small.heuristicOnlyMaxGapPercent)}`,
      pass: null,
    },
    ...f.medium.map((m) => ({
      metric: `Gap to the exact optimum (HiGHS MIP), ${m.label}`,
      value: gap(m.gapToMipPercent),
      baseline: `heuristic ${fmt(m.heuristicSeconds, 2)} s, MIP ${fmt(m.mipSeconds, 1)} s (${m.mipStatus})`,
      pass: null,
    })),
  );
  s.notes.push(
    `- Instances are seeded (\`generateWorkshopInstance\`, \`randomSmallInstance\` in libs/scheduling): Kunming (Asia/Shanghai) and Islamabad (Asia/Karachi), 09:00–17:00 local with lunch 12:30–13:30, 30-minute slots (${L.slots} UTC slots over ${L.days} days), 25 tables and 8 video tables per venue, 15 % online, 25 % at the other country's venue, Chinese-only and Urdu-only speakers needing interpreters, 20 % with restricted availability, caps 4–10, mutual wishes ×2 and one-sided ×1.25.`,
    `- Large instance: ${L.meetings} meetings (${L.wishedMeetings} of ${L.wishedPairs} wished pairs, ${L.mutualMeetings} of ${L.mutualPairs} mutual). Build times ${L.runsSeconds.map((x) => fmt(x, 2)).join(' / ')} s wall, ${L.cpuSeconds.map((x) => fmt(x, 2)).join(' / ')} s CPU, ${f.cores} cores, load average at start ${f.loadAvgAtStart}.`,
    `- LP relaxation: ${L.lpColumns} columns (pair × slot × interpreter pool), ${L.lpRows} rows, solved by HiGHS (WASM) in ${fmt(L.lpSeconds, 1)} s (${L.lpStatus}). The LP optimum bounds every schedule's objective from above, so the gap overstates the distance to the true optimum.`,
    `- Small instances: ${f.small.instances} random instances (2–8 participants, ≤ 14 pairs, every constraint type), ${f.small.violations} violations, ${fmt(f.small.seconds, 1)} s. Medium: HiGHS solves the 0–1 program to optimality (or to its time limit: then the gap is to its incumbent).`,
  );
}
