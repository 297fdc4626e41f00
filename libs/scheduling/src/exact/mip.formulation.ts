/**
 * The scheduling problem as a 0–1 integer program, for an exact solver (the tests and the benchmark use
 * HiGHS) to measure the heuristic against:
 *
 *   maximise   Σ w(p) · x(p,s,k)       over options (pair p, feasible slot s, interpreter pool k or none)
 *   subject to Σ_{s,k} x(p,s,k) ≤ 1                      each pair meets at most once
 *              Σ_{p ∋ i, k} x(p,s,k) ≤ 1                  each participant, each slot
 *              Σ_{p ∋ i, s, k} x(p,s,k) ≤ cap(i)          each participant's cap
 *              Σ_{p uses a table at v} x(p,s,k) ≤ tables(v)          each venue, each slot
 *              Σ_{p uses a video table at v} x(p,s,k) ≤ videoTables(v)
 *              Σ_{p,·} x(p,s,k) ≤ interpreters(k, s)      each pool, each slot
 *
 * The interpreter pool is part of the option so that a pair that two pools could serve may use either.
 * With `relax`, x ∈ [0, 1] instead of {0, 1}: the LP relaxation, whose optimum bounds the objective of
 * any schedule from above.
 */
import type { Problem } from '../problem/problem.model';

export interface MipColumn {
  pair: number;
  slot: number;
  /** interpreter pool index, or -1 */
  pool: number;
}

export interface MipRow {
  name: string;
  columns: number[];
  upper: number;
}

export interface MipFormulation {
  columns: MipColumn[];
  objective: number[];
  rows: MipRow[];
}

export function buildMipFormulation(problem: Problem): MipFormulation {
  const columns: MipColumn[] = [];
  const objective: number[] = [];
  for (const pr of problem.pairs) {
    if (pr.weight <= 0) continue; // cannot change the optimum
    for (const s of pr.slots) {
      const pools = pr.language !== null ? [-1] : pr.pools.filter((k) => problem.pools[k].count[s] > 0);
      for (const k of pools) {
        columns.push({ pair: pr.index, slot: s, pool: k });
        objective.push(pr.weight);
      }
    }
  }
  const groups = new Map<string, { columns: number[]; upper: number }>();
  const add = (name: string, upper: number, c: number) => {
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { columns: [], upper }));
    g.columns.push(c);
  };
  columns.forEach((col, c) => {
    const pr = problem.pairs[col.pair];
    add(`pair_${col.pair}`, 1, c);
    for (const i of [pr.a, pr.b]) {
      add(`part_${i}_${col.slot}`, 1, c);
      if (Number.isFinite(problem.participants[i].cap)) add(`cap_${i}`, problem.participants[i].cap, c);
    }
    for (const v of pr.tableVenues) add(`table_${v}_${col.slot}`, problem.venues[v].tables, c);
    for (const v of pr.videoVenues) add(`video_${v}_${col.slot}`, problem.venues[v].videoTables, c);
    if (col.pool >= 0) add(`pool_${col.pool}_${col.slot}`, problem.pools[col.pool].count[col.slot], c);
  });
  // Rows that can never bind (fewer columns than capacity) only slow the solver down.
  const rows: MipRow[] = [];
  for (const [name, g] of groups)
    if (g.columns.length > g.upper) rows.push({ name, columns: g.columns, upper: g.upper });
  return { columns, objective, rows };
}

/** CPLEX LP text of the formulation (what `highs.solve` reads); variables are `x0`, `x1`, … */
export function toLpText(f: MipFormulation, relax: boolean): string {
  const lines: string[] = ['Maximize', ' obj:'];
  const terms = (cols: number[], coef: (c: number) => number) => {
    const out: string[] = [];
    for (let i = 0; i < cols.length; i += 8)
      out.push(
        '  ' +
          cols
            .slice(i, i + 8)
            .map((c) => `+ ${coef(c)} x${c}`)
            .join(' '),
      );
    return out;
  };
  lines.push(
    ...(f.columns.length
      ? terms(
          f.columns.map((_, c) => c),
          (c) => f.objective[c],
        )
      : ['  0 x0']),
  );
  lines.push('Subject To');
  for (const r of f.rows) {
    lines.push(` ${r.name}:`, ...terms(r.columns, () => 1), `  <= ${r.upper}`);
  }
  lines.push('Bounds');
  for (let c = 0; c < f.columns.length; c++) lines.push(` 0 <= x${c} <= 1`);
  if (!f.columns.length) lines.push(' 0 <= x0 <= 0');
  if (!relax && f.columns.length) {
    lines.push('Binaries');
    for (let i = 0; i < f.columns.length; i += 16)
      lines.push(
        '  ' +
          f.columns
            .slice(i, i + 16)
            .map((_, j) => `x${i + j}`)
            .join(' '),
      );
  }
  lines.push('End');
  return lines.join('\n');
}
