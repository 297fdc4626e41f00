/**
 * Ranking-quality evaluation of the matching engine on test/fixtures/matching.
 * Reusable by other rankers (e.g. a Postgres ts_rank baseline): pass `rank` to evaluate anything
 * that maps a need to an ordered list of offer ids.
 *
 * What is measured (docs/matching-quality.md):
 *  - the ranked list of a need = its matches, then the near-misses that have the right technology
 *    but miss one condition (TRL, budget, region): the offers the engine presents as fitting the
 *    technology. Near-misses that merely lack evidence are not part of it.
 *  - nDCG@10 / P@5 / MRR over needs with at least one relevant offer; subsets: Chinese (a grade-3
 *    offer is written in Chinese), Urdu (the need is written in Urdu throughout);
 *  - recall@10: share of the offers graded ≥ 2 found in the first 10 (and ≥ 1, for reference);
 *  - unmet detection: a need is "returned empty" when that list is empty. Unmet needs (no offer graded
 *    ≥ 2: nothing in the corpus serves them; a grade-1 offer is only related) should be; relevant needs
 *    should not. (Needs 01–62 grade their unmet needs `{}`; needs 63–86 also record grade-1 offers.)
 */
import {
  MatchingEngine,
  meanOf,
  ndcgAtK,
  precisionAtK,
  reciprocalRank,
  type MatchingConfig,
  type MatchSet,
  type NeedDoc,
  type OfferDoc,
} from '@techbridge/matching-core';
import {
  isUrduBodied,
  loadMatchingFixtures,
  type EvaluationPart,
  type MatchingFixtures,
} from '../../test/fixtures/matching';
import { distractorOffers } from './distractors';
import { syntheticOffers } from './synthetic';

export { loadMatchingFixtures, isUrduBodied, type MatchingFixtures, type EvaluationPart };

export interface Metrics {
  queries: number;
  ndcg10: number;
  p5: number;
  mrr: number;
  /** mean share of grade ≥ 2 offers ranked in the first 10 */
  recall10: number;
  /** mean share of grade ≥ 1 offers ranked in the first 10 (reference) */
  recall10Any: number;
}

export interface UnmetMetrics {
  /** needs graded with no relevant offer */
  unmetNeeds: number;
  /** of those, the share returned empty (the target: ≥ 0.9) — the recall of "unmet" */
  returnedEmpty: number;
  /** of the needs returned empty, the share that really are unmet */
  precision: number;
  /** relevant needs returned empty (each is a miss) */
  relevantReturnedEmpty: number;
}

export interface PerNeed {
  needId: string;
  part: EvaluationPart;
  unmet: boolean;
  ndcg10: number;
  p5: number;
  rr: number;
  recall10: number;
  recall10Any: number;
  ranked: string[];
}

export interface EvaluationResult {
  overall: Metrics;
  /** needs with at least one grade-3 offer written in Chinese (language zh-Hans) */
  chinese: Metrics;
  /** needs written in Urdu throughout (title, summary, description) */
  urdu: Metrics;
  unmet: UnmetMetrics;
  perNeed: PerNeed[];
}

export type Ranker = (need: NeedDoc) => string[];

/** Needs whose best (grade-3) offers include one written in Chinese: the cross-lingual subset. */
export function chineseSubset(f: MatchingFixtures): Set<string> {
  const zh = new Set(f.offers.filter((o) => o.language === 'zh-Hans').map((o) => o.id));
  return new Set(
    Object.entries(f.qrels)
      .filter(([, q]) => Object.entries(q).some(([o, g]) => g === 3 && zh.has(o)))
      .map(([n]) => n),
  );
}

/** Needs written in Urdu throughout. */
export function urduSubset(f: MatchingFixtures): Set<string> {
  return new Set(f.needs.filter(isUrduBodied).map((n) => n.id));
}

/** near-miss codes of pairs with the right technology that miss one condition */
const CONSTRAINT_CODES = new Set(['trl.below', 'budget.below', 'region.notTargeted']);

/** The list the engine presents as fitting the technology: matches, then constraint near-misses. */
export function presentedOffers(set: MatchSet): string[] {
  return [
    ...set.matches,
    ...set.nearMisses.filter((m) => m.nearMiss && CONSTRAINT_CODES.has(m.nearMiss.code)),
  ].map((m) => m.offerId);
}

export interface EngineRankerOptions {
  config?: Partial<MatchingConfig>;
  /** extra offers in the corpus (e.g. synthetic distractors), ungraded */
  extraOffers?: readonly OfferDoc[];
}

export function engineRanker(
  f: MatchingFixtures,
  opts: EngineRankerOptions | Partial<MatchingConfig> = {},
): Ranker {
  const o: EngineRankerOptions =
    'config' in opts || 'extraOffers' in opts
      ? (opts as EngineRankerOptions)
      : { config: opts as Partial<MatchingConfig> };
  const engine = new MatchingEngine({ now: () => f.now, ...o.config });
  for (const x of f.offers) engine.upsertOffer(x);
  for (const x of o.extraOffers ?? []) engine.upsertOffer(x);
  return (need) => presentedOffers(engine.matchNeed(need, { limit: 20 }));
}

/**
 * Extra offers for the quality-at-scale figures (seed 42, ~45 % written in Chinese):
 *  - 'distractors' (default): `distractorOffers` — other technologies of the same sectors, none
 *    serving a need of the set (distractors.ts), so grading them 0 is right;
 *  - 'synthetic': the load generator `syntheticOffers`, built from the graded texts' own technology
 *    phrases — many of its offers are about a need's technology, so grading them 0 is not right;
 *    kept to show what the earlier figures measured.
 */
export type ExtraOfferKind = 'distractors' | 'synthetic';

export function extraOffers(n: number, kind: ExtraOfferKind = 'distractors'): OfferDoc[] {
  return kind === 'synthetic' ? syntheticOffers(n) : distractorOffers(n);
}

export interface EvaluationOptions {
  fixtures?: MatchingFixtures;
  rank?: Ranker;
  config?: Partial<MatchingConfig>;
  /** restrict to one part of the split (default: every need) */
  part?: EvaluationPart;
  /** add this many distractor offers to the engine's corpus (ignored with `rank`) */
  distractors?: number;
  /** which generator makes them (default 'distractors') */
  distractorKind?: ExtraOfferKind;
}

function recallAt(ranked: readonly string[], q: Record<string, number>, minRel: number, k = 10): number {
  const rel = Object.keys(q).filter((o) => q[o] >= minRel);
  if (rel.length === 0) return 1;
  const top = new Set(ranked.slice(0, k));
  return rel.filter((o) => top.has(o)).length / Math.min(k, rel.length);
}

export function runEvaluation(opts: EvaluationOptions = {}): EvaluationResult {
  const f = opts.fixtures ?? loadMatchingFixtures();
  const rank =
    opts.rank ??
    engineRanker(f, {
      config: opts.config,
      extraOffers: opts.distractors ? extraOffers(opts.distractors, opts.distractorKind) : undefined,
    });
  const zhSet = chineseSubset(f);
  const urSet = urduSubset(f);
  const perNeed: PerNeed[] = f.needs
    .filter((n) => f.qrels[n.id] && (!opts.part || f.split[n.id] === opts.part))
    .map((n) => {
      const ranked = rank(n);
      const q = f.qrels[n.id];
      const unmet = !Object.values(q).some((g) => g >= 2);
      return {
        needId: n.id,
        part: f.split[n.id],
        unmet,
        ndcg10: ndcgAtK(ranked, q, 10),
        p5: precisionAtK(ranked, q, 5),
        rr: reciprocalRank(ranked, q),
        recall10: recallAt(ranked, q, 2),
        recall10Any: recallAt(ranked, q, 1),
        ranked,
      };
    });
  const agg = (rows: PerNeed[]): Metrics => ({
    queries: rows.length,
    ndcg10: meanOf(rows.map((r) => r.ndcg10)),
    p5: meanOf(rows.map((r) => r.p5)),
    mrr: meanOf(rows.map((r) => r.rr)),
    recall10: meanOf(rows.map((r) => r.recall10)),
    recall10Any: meanOf(rows.map((r) => r.recall10Any)),
  });
  const relevant = perNeed.filter((r) => !r.unmet);
  const unmetRows = perNeed.filter((r) => r.unmet);
  const empty = perNeed.filter((r) => r.ranked.length === 0);
  return {
    overall: agg(relevant),
    chinese: agg(relevant.filter((r) => zhSet.has(r.needId))),
    urdu: agg(relevant.filter((r) => urSet.has(r.needId))),
    unmet: {
      unmetNeeds: unmetRows.length,
      returnedEmpty: unmetRows.length
        ? unmetRows.filter((r) => r.ranked.length === 0).length / unmetRows.length
        : 1,
      precision: empty.length ? empty.filter((r) => r.unmet).length / empty.length : 1,
      relevantReturnedEmpty: relevant.filter((r) => r.ranked.length === 0).length,
    },
    perNeed,
  };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const part =
    (args.find((a) => a === 'tuning' || a === 'held-out') as EvaluationPart | undefined) ?? undefined;
  const distractors = Number(args.find((a) => /^\d+$/.test(a)) ?? 0);
  const distractorKind: ExtraOfferKind = args.includes('synthetic') ? 'synthetic' : 'distractors';
  const r = runEvaluation({ part, distractors, distractorKind });
  const f = loadMatchingFixtures();
  for (const p of r.perNeed) {
    const q = f.qrels[p.needId];
    const shown = p.ranked
      .slice(0, 8)
      .map(
        (id) =>
          `${id.replace('syn-offer-', 's').replace('dis-offer-', 'd').replace('offer-', '')}:${q[id] ?? 0}`,
      )
      .join(' ');
    const missing = Object.keys(q)
      .filter((o) => !p.ranked.includes(o))
      .map((o) => `${o.slice(6)}:${q[o]}`)
      .join(' ');
    console.log(p.needId, p.part, p.unmet ? 'UNMET' : '', p.ndcg10.toFixed(3), shown, '| missing:', missing);
  }
  const round = (x: unknown) =>
    JSON.parse(JSON.stringify(x, (_, v) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v)));
  console.log(
    JSON.stringify(
      round({
        part: part ?? 'all',
        distractors,
        distractorKind,
        overall: r.overall,
        chinese: r.chinese,
        urdu: r.urdu,
        unmet: r.unmet,
      }),
      null,
      1,
    ),
  );
}
