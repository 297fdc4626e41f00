/**
 * MatchingEngine: in-memory indexes of offers and needs, scoring in both directions.
 *
 * matchNeed(need): hard filters (both live, counterpart countries, ≥ 1 common cooperation mode) →
 * candidates from concept postings (BM25F over language-neutral concepts) plus same-sector offers →
 * weighted components → matches (score ≥ threshold, no decisive failure) and near-misses (exactly one
 * decisive failure, or score just below the threshold). Ranking: score (1 decimal) desc, then id asc.
 */
import { resolveConfig, type MatchingConfig } from './config/config';
import { renderReason } from './explain/reasons';
import { ConceptIndex } from './index/concept-index';
import { evaluatePair, evidenceGate, modeFit, passesHardFilters, REGION_FIT_OUTSIDE, sectorFit, toUsd, weightSum, convert, type PairEvaluation } from './scoring/components';
import * as C from './scoring/columns';
import { FeatureColumns } from './scoring/columns';
import { isLive, modesOf, needFeatures, offerFeatures, type PairFeatures } from './scoring/features';
import { vectorize, type ConceptVector } from './scoring/vectorize';
import { encodeQuotes } from './explain/quotes';
import { conceptKind, conceptLabels } from './text/analyzer';
import type { Match, MatchSet, MatchedTerm, NeedDoc, OfferDoc, Reason } from './types';

export { renderReason };

const K1 = 1.2;
const B = 0.75;
/** at most this many query concepts (highest qw·idf) are looked up */
const MAX_QUERY_CONCEPTS = 48;
/** fraction of the ideal BM25 score that counts as a full text match (text component = 1) */
const TEXT_SATURATION = 0.4;
/** candidates with neither this much text relevance nor a sector overlap are not considered */
const MIN_TEXT = 0.02;
const DAY = 86_400_000;
// the row layout of the feature columns, as module constants (read in the candidate loop)
const ROW = C.ROW;
const F_LIVE = C.F_LIVE;
const F_SINCE = C.F_SINCE;
const F_TRL = C.F_TRL;
const F_MIN = C.F_MIN;
const F_MAX = C.F_MAX;
const F_CODES = C.F_CODES;
const F_SECTORS = C.F_SECTORS;
const F_REGIONS = C.F_REGIONS;
const CODE_CUR = C.CODE_CUR;
const SPAN = C.SPAN;
/** freshnessFit is at its floor (0.2) from this age in days on: 0.5^(d/180) < 0.2 for d > 418 */
const FRESH_DAYS = 420;
/** in large indexes, concepts found in more than this share of documents act as stop words */
const MAX_DF_SHARE = 0.15;
const MAX_DF_MIN_DOCS = 1000;

/**
 * IDF from the share of documents holding the concept.
 *
 * `floor` (config `idfShareFloor`): concepts used by fewer than about this share of the documents all
 * count as fully specific. It sets the scale of the IDF by document *share* rather than count, so
 * that text relevance (and so the calibrated threshold) means the same for 80 offers as for 10,000:
 * with the classic BM25 IDF a term no offer uses weighs ln(2N) and every normalised text score drifts
 * with the size of the corpus.
 *
 * `priorDocs` (config `idfPriorDocs`): the index is read as part of a background catalogue of that
 * many further documents that do not hold the concept, i.e. share = df / (n + priorDocs). This removes
 * the effect of the corpus's *composition*: in a small, topically dense index (the 79 offers of the
 * evaluation set) a word of the field such as "harvester" is held by 6 % of
 * the documents and counts as half-general, while in a catalogue of 10,000 offers it is rare and
 * counts as fully specific — so the share of a need's ideal that one shared field word carries, hence
 * the text score and every calibrated threshold, changed with what else was indexed. With the prior a
 * concept is discounted only once it is common in absolute terms (held by a sizeable fraction of
 * `n + priorDocs` documents): an index of a few dozen documents cannot show that a word is boilerplate
 * rather than the topic they share, so its words are taken as specific until the index is large
 * enough to say otherwise. For an index much larger than `priorDocs` it changes nothing.
 */
export function idfOf(df: number, n: number, floor = 0.005, priorDocs = 0): number {
  const total = n + priorDocs;
  const share = total > 0 ? df / total : 0;
  return Math.log(1 + 1 / (share + floor));
}

/**
 * Query weight of a code (model number, part number, standard) relative to a translated concept. A
 * code names the product itself: shared, it is the strongest single piece of evidence two texts can
 * have; missing from an offer, that offer is probably about another model.
 */
export const CODE_WEIGHT = 2;

interface QueryConcept {
  c: string;
  qw: number;
  idf: number;
  /** a surface-form concept (code or unmapped word): scored outside the saturating part */
  specific: boolean;
}

type Failure = 'trl' | 'budget' | 'region' | 'score';

interface Candidate {
  slot: number;
  id: string;
  /** the score shown (0–100, one decimal) */
  rounded: number;
  /**
   * the ranking key: the score for matches; for near-misses the score the pair would have after the
   * one change, so an offer with the right technology that misses a constraint always ranks before
   * offers that merely lack evidence (their key is their own, below-threshold score)
   */
  rank: number;
  ev: PairEvaluation;
  failure: Failure | null;
}

/** true when a ranks before b: higher ranking key, then smaller id */
function before(a: Candidate, b: Candidate): boolean {
  return a.rank > b.rank || (a.rank === b.rank && a.id < b.id);
}

/** constraint failures: the technology fits, one condition does not (near-miss codes that say so) */
const CONSTRAINT_FAILURES: ReadonlySet<Failure> = new Set(['trl', 'budget', 'region']);

/** Keeps the best `cap` candidates (a min-heap on `before`). */
class TopK {
  private readonly h: Candidate[] = [];
  constructor(private readonly cap: number) {}
  offer(c: Candidate): void {
    const h = this.h;
    if (this.cap <= 0) return;
    if (h.length < this.cap) {
      h.push(c);
      let i = h.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (before(h[p], h[i])) {
          [h[p], h[i]] = [h[i], h[p]];
          i = p;
        } else break;
      }
    } else if (before(c, h[0])) {
      h[0] = c;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let w = i;
        if (l < h.length && before(h[w], h[l])) w = l;
        if (r < h.length && before(h[w], h[r])) w = r;
        if (w === i) break;
        [h[w], h[i]] = [h[i], h[w]];
        i = w;
      }
    }
  }
  /** true when a candidate with this ranking key and id would enter */
  accepts(rank: number, slot: number, idAt: (slot: number) => string): boolean {
    const h = this.h;
    if (this.cap <= 0) return false;
    if (h.length < this.cap) return true;
    const w = h[0];
    return rank > w.rank || (rank === w.rank && idAt(slot) < w.id);
  }
  /** false when no candidate with a ranking key ≤ `rank` can enter */
  mayTake(rank: number): boolean {
    return this.cap > 0 && (this.h.length < this.cap || rank >= this.h[0].rank);
  }
  /** ranking key a newcomer must beat to enter; -Infinity while not full */
  worst(): number {
    return this.h.length < this.cap || this.cap <= 0 ? (this.cap <= 0 ? Infinity : -Infinity) : this.h[0].rank;
  }
  get size(): number {
    return this.h.length;
  }
  sorted(): Candidate[] {
    return [...this.h].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }
}

export interface MatchNeedOptions {
  limit?: number;
  /** restrict to these offers (e.g. a workshop's participants) */
  offerIds?: ReadonlySet<string>;
  /** how many near-misses to return (default min(limit, 10)) */
  nearMissLimit?: number;
}

/**
 * Where one offer stands in a need's own ranking (the list matchNeed gives the need), see
 * MatchingEngine.standingOfOffer. `key` is the ranking key of its list: the score for a match; for a
 * near-miss the score it would have after its one change (≥ its shown score); for a `closest` pair
 * (below the near-miss floor, listed only while the need has no match) its score.
 */
export interface OfferStanding {
  needId: string;
  list: 'match' | 'near-miss' | 'closest';
  key: number;
}

/** A need's query over the offers: its concepts by weight, and how its text score is normalised. */
interface ForwardQuery {
  query: QueryConcept[];
  /** share of the text score that the surface-form part decides */
  sigma: number;
  normG: number;
  normS: number;
}

/** What a query needs to know of one of its concepts in an index. */
interface ConceptStats {
  kind: ReturnType<typeof conceptKind>;
  df: number;
  idf: number;
}

export interface MatchOfferOptions {
  limit?: number;
  needIds?: ReadonlySet<string>;
  nearMissLimit?: number;
}

export class MatchingEngine {
  readonly config: MatchingConfig;
  private readonly offers = new ConceptIndex<PairFeatures>();
  private readonly needs = new ConceptIndex<PairFeatures>();
  /** the numeric features of each slot, for the candidate loop */
  private readonly offerCols = new FeatureColumns();
  private readonly needCols = new FeatureColumns();
  /**
   * Each indexed need's term frequencies, aligned with its concept list in the needs index: enough to
   * rank offers for the need (standingOfOffer) without analysing its text again.
   */
  private readonly needTfs = new Map<string, Float64Array>();
  /** per slot: BM25 over translated concepts, and over surface-form concepts (codes, unmapped words) */
  private acc = new Float64Array(2048);
  private stamp = new Int32Array(1024);
  private touched = new Int32Array(1024);
  private epoch = 0;

  constructor(config?: Partial<MatchingConfig>) {
    this.config = resolveConfig(config);
  }

  /* ---------------- index maintenance ---------------- */

  upsertOffer(o: OfferDoc): void {
    const v = vectorize(o);
    const f = offerFeatures(o, v.usable < 2);
    this.dropSlot(this.offers, this.offerCols, o.id);
    this.offers.upsert(o.id, v.tf, v.dl, f.topSectors.map((t) => `top:${t}`), f, v.surfaces);
    this.offerCols.set(this.offers.get(o.id)!.slot, f);
  }

  removeOffer(id: string): void {
    this.dropSlot(this.offers, this.offerCols, id);
    this.offers.remove(id);
  }

  /** the slot of a document about to be replaced or removed is never a candidate again */
  private dropSlot(index: ConceptIndex<PairFeatures>, cols: FeatureColumns, id: string): void {
    const d = index.get(id);
    if (d) cols.drop(d.slot);
  }

  hasOffer(id: string): boolean {
    return this.offers.has(id);
  }

  offerCount(): number {
    return this.offers.size;
  }

  upsertNeed(n: NeedDoc): void {
    const v = vectorize(n);
    const f = needFeatures(n, v.usable < 2);
    this.dropSlot(this.needs, this.needCols, n.id);
    this.needs.upsert(n.id, v.tf, v.dl, f.topSectors.map((t) => `top:${t}`), f, v.surfaces);
    this.needCols.set(this.needs.get(n.id)!.slot, f);
    this.needTfs.set(n.id, Float64Array.from(v.tf.values()));
  }

  removeNeed(id: string): void {
    this.dropSlot(this.needs, this.needCols, id);
    this.needs.remove(id);
    this.needTfs.delete(id);
  }

  hasNeed(id: string): boolean {
    return this.needs.has(id);
  }

  needCount(): number {
    return this.needs.size;
  }

  /* ---------------- matching ---------------- */

  /** Ranks live counterpart offers for a need. */
  matchNeed(need: NeedDoc, opts: MatchNeedOptions = {}): MatchSet {
    const v = vectorize(need);
    const nf = needFeatures(need, v.usable < 2);
    return this.run(v, nf, 'need', this.offers, this.offerCols, opts.offerIds, opts.limit ?? 20, opts.nearMissLimit);
  }

  /** Reverse matching: ranks indexed open needs for an offer. */
  matchOffer(offer: OfferDoc, opts: MatchOfferOptions = {}): MatchSet {
    const v = vectorize(offer);
    const of = offerFeatures(offer, v.usable < 2);
    return this.run(v, of, 'offer', this.needs, this.needCols, opts.needIds, opts.limit ?? 20, opts.nearMissLimit);
  }

  /**
   * Where an indexed offer stands in the ranking of each indexed need that could hold it: the needs
   * that share a concept or a top sector with it (every pair matchNeed could score), each ranked as
   * matchNeed ranks the need's offers — the need's words against the offers, with the offers' IDF —
   * and kept when the offer would be one of its matches, near-misses or closest pairs. This, not
   * matchOffer, says which needs' sets a new or changed offer enters: matchOffer scores the reverse
   * question (how much of the offer's text the need covers, with the needs' IDF), and an offer that
   * covers every word of a short need covers few of its own — the need would never hear of it.
   */
  standingOfOffer(offerId: string): OfferStanding[] {
    const offer = this.offers.get(offerId);
    const now = (this.config.now?.() ?? new Date()).getTime();
    if (!offer || !isLive(offer.features, now)) return [];
    const of = offer.features;
    // The offer's side of matchNeed's BM25 sum, as its postings hold it (same values, same order).
    const offerTf = new Map(offer.concepts.map((c) => [c, this.offers.postingList(c)?.get(offer.slot) ?? 0]));
    const lenA = K1 * (1 - B);
    const lenDl = ((K1 * B) / this.offers.avgdl) * this.offers.dlAt(offer.slot);
    // candidate needs: those sharing a concept or a top sector with the offer, in slot order
    const candidate = new Uint8Array(this.needs.slotCount);
    const lists = [...offer.concepts.map((c) => this.needs.postingList(c)), ...of.topSectors.map((t) => this.needs.keyList(`top:${t}`))];
    for (const pl of lists) if (pl) for (let i = 0; i < pl.length; i++) candidate[pl.slots[i]] = 1;
    const memo = new Map<string, ConceptStats>();
    const out: OfferStanding[] = [];
    for (let slot = 0; slot < candidate.length; slot++) {
      if (candidate[slot] === 0) continue;
      const need = this.needs.docAt(slot);
      const tfs = need && this.needTfs.get(need.id);
      if (!need || !tfs || !isLive(need.features, now)) continue;
      const nf = need.features;
      const useText = !nf.weakText;
      const entries: [string, number][] = need.concepts.map((c, i) => [c, tfs[i]]);
      const { query, sigma, normG, normS } = this.queryOf(entries, useText, this.offers, memo);
      // matchNeed's candidates: offers sharing a query concept or a top sector with the need
      let touched = nf.topSectors.some((t) => of.topSectors.includes(t));
      let accG = 0;
      let accS = 0;
      for (const q of query) {
        const tf = offerTf.get(q.c) ?? 0;
        if (tf === 0) continue;
        touched = true;
        const add = (q.qw * q.idf * (K1 + 1) * tf) / (tf + lenA + lenDl);
        if (q.specific) accS += add;
        else accG += add;
      }
      if (!touched) continue;
      const text = (1 - sigma) * Math.min(1, accG * normG) + sigma * Math.min(1, accS * normS);
      const sector = sectorFit(nf, of);
      if (text < MIN_TEXT && sector === 0) continue;
      const p = this.place(nf, of, text, sector, useText, now);
      if (p) out.push({ needId: need.id, list: p.list, key: p.rank });
    }
    return out;
  }

  private run(
    qv: ConceptVector,
    qf: PairFeatures,
    side: 'need' | 'offer',
    index: ConceptIndex<PairFeatures>,
    cols: FeatureColumns,
    restrict: ReadonlySet<string> | undefined,
    limit: number,
    nearMissLimit: number | undefined,
  ): MatchSet {
    const cfg = this.config;
    const now = (cfg.now?.() ?? new Date()).getTime();
    if (!isLive(qf, now)) return { matches: [], nearMisses: [], hint: { code: 'hint.notLive', params: {} } };
    const useText = !qf.weakText;
    const hint: Reason | null = useText ? null : { code: 'hint.noUsableText', params: {} };

    const { query, sigma, normG, normS } = this.queryOf(qv.tf, useText, index);

    // --- accumulate BM25 over postings
    // acc[2s]: translated concepts, acc[2s + 1]: surface-form concepts (one cache line per slot);
    // stamp[s] === epoch marks the slots this query touched (no clearing pass)
    const slots = index.slotCount;
    if (this.stamp.length < slots) {
      const cap = Math.max(slots, this.stamp.length * 2);
      this.acc = new Float64Array(2 * cap);
      this.stamp = new Int32Array(cap);
      this.touched = new Int32Array(cap);
      this.epoch = 0;
    }
    if (++this.epoch >= 0x7fffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    const epoch = this.epoch;
    const acc = this.acc;
    const stamp = this.stamp;
    const touched = this.touched;
    let nTouched = 0;
    const dls = index.dlArray;
    const lenA = K1 * (1 - B);
    const lenB = (K1 * B) / index.avgdl;
    for (const q of query) {
      const pl = index.postingList(q.c)!;
      const w = q.qw * q.idf * (K1 + 1);
      const ps = pl.slots;
      const pt = pl.tfs;
      const part = q.specific ? 1 : 0;
      for (let i = 0; i < pl.length; i++) {
        const s = ps[i];
        const tf = pt[i];
        if (stamp[s] !== epoch) {
          stamp[s] = epoch;
          acc[2 * s] = 0;
          acc[2 * s + 1] = 0;
          touched[nTouched++] = s;
        }
        acc[2 * s + part] += (w * tf) / (tf + lenA + lenB * dls[s]);
      }
    }
    // Same-sector documents are candidates even without shared text: added after those with text
    // have been scored (below), and only when they can still enter a list.
    const addSameSector = () => {
      for (const top of qf.topSectors) {
        const pl = index.keyList(`top:${top}`);
        if (!pl) continue;
        const ps = pl.slots;
        for (let i = 0; i < pl.length; i++) {
          const s = ps[i];
          if (stamp[s] !== epoch) {
            stamp[s] = epoch;
            acc[2 * s] = 0;
            acc[2 * s + 1] = 0;
            touched[nTouched++] = s;
          }
        }
      }
    };

    // --- filter and score every candidate on the feature columns; build the full evaluation only for
    // those that enter a list. The lists keep the best entries by (ranking key desc, id asc), a total
    // order, so they do not depend on the order the candidates are visited in. The arithmetic is that
    // of components.ts (evaluatePair, weighted) term by term, so raw scores are bit-identical; the
    // equivalence spec checks this against evaluatePair.
    const top = new TopK(limit);
    const nearCap = nearMissLimit ?? Math.min(limit, 10);
    const near = new TopK(nearCap);
    // below-threshold pairs at any distance: shown as the closest near-misses only when nothing matches
    const closest = new TopK(nearCap);
    const threshold = cfg.threshold / 100;
    const nearFloor = (cfg.threshold - cfg.nearMissMargin) / 100;
    const w = cfg.weights;
    const wsum = useText ? weightSum(w) : weightSum(w) - w.text;
    const full = cfg.evidenceFull;
    const onset = cfg.evidenceOnset;
    const isNeed = side === 'need';
    // per-query tables over the interned values of the indexed side
    const sectorT = new Float64Array(cols.sectors.size);
    for (let id = 0; id < sectorT.length; id++) {
      const ds = cols.sectors.names[id];
      let best = 0;
      for (let i = 0; i < qf.sectors.length; i++) {
        const qs = qf.sectors[i];
        if (qs === ds) {
          best = 1;
          break;
        }
        if (qf.sectorTops[i] !== cols.sectorTop[id]) continue;
        // sectorFit: 0.8 when the need's sector is a top-level one (the need is the query or the document)
        best = Math.max(best, (isNeed ? qf.sectorIsTop[i] : cols.sectorIsTop[id]) ? 0.8 : 0.6);
      }
      sectorT[id] = best;
    }
    const countryOk = new Uint8Array(cols.countries.size);
    for (let id = 0; id < countryOk.length; id++) {
      const dc = cols.countries.names[id];
      const allowed = cfg.counterpartCountries[isNeed ? qf.country : dc];
      countryOk[id] = allowed && allowed.includes(isNeed ? dc : qf.country) ? 1 : 0;
    }
    const rate = new Float64Array(cols.currencies.size);
    for (let id = 0; id < rate.length; id++) {
      const r = cfg.ratesToUsd[cols.currencies.names[id]];
      rate[id] = r && r > 0 ? r : NaN;
    }
    const regionMark = new Uint8Array(cols.regions.size);
    for (const r of qf.regions) {
      const id = cols.regions.peek(r);
      if (id >= 0) regionMark[id] = 1;
    }
    const qRegions = qf.regions.length;
    const qModes = qf.modes;
    const qTrl = qf.trl;
    const qLive = qf.liveUntil;
    // the query's money in USD: the need's budget maximum, or the offer's price minimum (NaN: unknown)
    const qUsd = !qf.money ? NaN : toUsd(isNeed ? qf.money.max : qf.money.min, qf.money.currency, cfg.ratesToUsd) ?? NaN;
    const rows = cols.rows;
    const secPool = cols.sectorPool;
    const regPool = cols.regionPool;
    const modeT = new Float64Array(128);
    // An upper bound of freshnessFit by whole days of age (its factor 0.7 left out): the age in days
    // is at least the whole days, Math.pow(0.5, ·) decreases, and the margin covers its rounding.
    // Past FRESH_DAYS days freshness is at its floor, 0.2.
    const freshUb = new Float64Array(FRESH_DAYS + 1);
    for (let k = 0; k <= FRESH_DAYS; k++) freshUb[k] = Math.min(1, Math.max(0.2, Math.pow(0.5, k / 180)) + 1e-9);
    const freshFloorUb = 0.2 + 1e-9;
    const failT: Failure = 'trl';
    const failB: Failure = 'budget';
    const failR: Failure = 'region';
    // the bound below needs a weighted sum that cannot decrease when a component grows
    const monotone = wsum > 0 && w.text >= 0 && w.sector >= 0 && w.trl >= 0 && w.budget >= 0 && w.region >= 0 && w.mode >= 0 && w.freshness >= 0;
    const idAt = (s: number) => index.docAt(s)!.id;
    const make = (s: number, text: number, sector: number, rounded: number, rank: number, failure: Failure | null): Candidate => {
      const doc = index.docAt(s)!;
      const df = doc.features;
      const ev = evaluatePair(isNeed ? qf : df, isNeed ? df : qf, text, sector, useText, cfg, now);
      return { slot: s, id: doc.id, rounded, rank, ev, failure };
    };
    // A same-sector document without shared text has text 0: both its scores are at most `noText`
    // (every other component at its maximum, 1). Below the threshold and the near-miss floor, it can
    // only be one of the closest pairs, which count only while nothing matches.
    const gate0 = useText ? evidenceGate(0, full, onset) : 1;
    const noText = monotone ? (gate0 * (w.sector + w.trl + w.budget + w.region + w.mode + w.freshness)) / wsum : Infinity;
    const restMax = w.sector + w.trl + w.budget + w.region + w.mode + w.freshness;
    let sameSectorDone = false;
    for (let i = 0; ; i++) {
      if (i >= nTouched) {
        if (sameSectorDone) break;
        sameSectorDone = true;
        if (top.size > 0 && noText < threshold && noText < nearFloor) break;
        addSameSector();
        if (i >= nTouched) break;
      }
      const s = touched[i];
      const text = (1 - sigma) * Math.min(1, acc[2 * s] * normG) + sigma * Math.min(1, acc[2 * s + 1] * normS);
      const gate = useText ? evidenceGate(text, full, onset) : 1;
      const tw = useText ? w.text * text : 0;
      if (monotone && top.size > 0) {
        // from the text alone (every other component at its maximum, 1), before reading the row: a
        // pair that cannot enter a list even so is skipped (see the bound below)
        const ub = (tw + gate * restMax) / wsum;
        const r = Math.round(ub * 1000) / 10;
        if (!((ub >= threshold && (top.mayTake(r) || near.mayTake(r))) || (ub >= nearFloor && near.mayTake(r)))) continue;
      }
      const o = s * ROW;
      // removed, replaced or not live: never a candidate (isLive)
      const live = rows[o + F_LIVE];
      if (!(live >= now)) continue;
      if (restrict && !restrict.has(index.docAt(s)!.id)) continue;
      let sector = 0;
      const sc = rows[o + F_SECTORS];
      if (sc < 0) sector = sectorT[-sc - 1];
      else {
        for (let k = Math.floor(sc / SPAN), e = k + (sc % SPAN); k < e; k++) {
          const v = sectorT[secPool[k]];
          if (v === 1) {
            sector = 1;
            break;
          }
          if (v > sector) sector = v;
        }
      }
      if (text < MIN_TEXT && sector === 0) continue;
      // the hard filters (passesHardFilters)
      const codes = rows[o + F_CODES];
      if (countryOk[codes & (CODE_CUR - 1)] === 0) continue;
      const dModes = codes >> 20;
      if ((qModes & dModes) === 0) continue;
      // trlFit(need.trl, offer.trl)
      const dTrlRaw = rows[o + F_TRL];
      const dTrl = dTrlRaw !== dTrlRaw ? null : dTrlRaw;
      const minTrl = isNeed ? qTrl : dTrl;
      const oTrl = isNeed ? dTrl : qTrl;
      let trl: number;
      let trlOk = true;
      if (oTrl === null) trl = 0.5;
      else if (minTrl === null || minTrl === undefined || oTrl >= minTrl) trl = 0.6 + (0.4 * (Math.min(Math.max(oTrl, 1), 9) - 1)) / 8;
      else {
        trl = Math.max(0, 0.5 - 0.15 * (minTrl - oTrl));
        trlOk = false;
      }
      // budgetFit(need.money, offer.money)
      const cur = ((codes >> 10) & (CODE_CUR - 1)) - 1;
      const dUsd = cur < 0 ? NaN : rows[o + (isNeed ? F_MIN : F_MAX)] * rate[cur];
      const bMax = isNeed ? qUsd : dUsd;
      const pMin = isNeed ? dUsd : qUsd;
      let budget = 0.6;
      let budgetOk = true;
      if (bMax === bMax && pMin === pMin) {
        if (bMax >= pMin) budget = 1;
        else {
          const ratio = pMin > 0 ? bMax / pMin : 0;
          budget = Math.max(0, ratio - 0.5);
          budgetOk = false;
        }
      }
      // regionFit(need.regions, offer.regions)
      const rc = rows[o + F_REGIONS];
      const rn = rc % SPAN;
      let region: number;
      if ((isNeed ? qRegions : rn) === 0) region = 0.8;
      else if ((isNeed ? rn : qRegions) === 0) region = 1;
      else {
        region = REGION_FIT_OUTSIDE;
        for (let k = Math.floor(rc / SPAN), e = k + rn; k < e; k++) {
          if (regionMark[regPool[k]] === 1) {
            region = 1;
            break;
          }
        }
      }
      let mode = modeT[dModes];
      if (mode === 0) mode = modeT[dModes] = modeFit(qModes, dModes);
      const soft = region < REGION_FIT_OUTSIDE + 1e-9;
      const missed: Failure | null = !trlOk ? failT : !budgetOk ? failB : soft ? failR : null;
      // the components evaluatePair's rawIfFixed uses when a condition failed
      const fTrl = trlOk ? trl : minTrl === null ? 0.5 : 0.6 + (0.4 * (Math.min(Math.max(minTrl, 1), 9) - 1)) / 8;
      const fBudget = budgetOk ? budget : 1;
      const fRegion = soft ? 1 : region;
      const since = isNeed ? rows[o + F_SINCE] : qf.since;
      if (monotone && (top.size > 0 || nearCap <= 0)) {
        // Skip the pair when it could not enter any list even at the bound of its freshness: every
        // weight is ≥ 0, so the weighted sum — in floating point too — and its rounding are monotone in
        // each component, and both scores are at most these bounds. (While nothing matches, every pair
        // may still be one of the closest: no skipping then.)
        const ageMs = now - since;
        const days = ageMs <= 0 ? 0 : Math.floor(ageMs / DAY);
        const fb = days > FRESH_DAYS ? freshFloorUb : freshUb[days];
        const ub = (tw + gate * (w.sector * sector + w.trl * trl + w.budget * budget + w.region * region + w.mode * mode + w.freshness * fb)) / wsum;
        const ubRank = Math.round(ub * 1000) / 10;
        let may = (ub >= threshold && top.mayTake(ubRank)) || (ub >= nearFloor && near.mayTake(ubRank));
        if (!may && missed !== null) {
          const ubFixed = (tw + gate * (w.sector * sector + w.trl * fTrl + w.budget * fBudget + w.region * fRegion + w.mode * mode + w.freshness * fb)) / wsum;
          may = ubFixed >= threshold && near.mayTake(Math.round(ubFixed * 1000) / 10);
        }
        if (!may) continue;
      }
      // freshnessFit(need, offer, now)
      const ageDays = Math.max(0, (now - since) / DAY);
      let fresh = Math.max(0.2, Math.pow(0.5, ageDays / 180));
      const dLive = live === Infinity ? null : live;
      const nLive = isNeed ? qLive : dLive;
      const oLive = isNeed ? dLive : qLive;
      if (nLive !== null && oLive !== null && oLive < nLive) fresh *= 0.7;
      // weighted(...)
      const raw =
        wsum <= 0
          ? 0
          : (tw + gate * (w.sector * sector + w.trl * trl + w.budget * budget + w.region * region + w.mode * mode + w.freshness * fresh)) / wsum;
      const rounded = Math.round(raw * 1000) / 10;
      if (raw >= threshold) {
        if (top.accepts(rounded, s, idAt)) top.offer(make(s, text, sector, rounded, rounded, missed));
        continue;
      }
      if (missed !== null) {
        // the score after the one change (evaluatePair's rawIfFixed)
        const fixedRaw =
          wsum <= 0 ? 0 : (tw + gate * (w.sector * sector + w.trl * fTrl + w.budget * fBudget + w.region * fRegion + w.mode * mode + w.freshness * fresh)) / wsum;
        if (fixedRaw >= threshold) {
          const fixed = Math.round(fixedRaw * 1000) / 10;
          if (near.accepts(fixed, s, idAt)) near.offer(make(s, text, sector, rounded, fixed, missed));
          continue;
        }
      }
      if (raw >= nearFloor) {
        if (near.accepts(rounded, s, idAt)) near.offer(make(s, text, sector, rounded, rounded, 'score'));
      } else if (top.size === 0 && closest.accepts(rounded, s, idAt)) closest.offer(make(s, text, sector, rounded, rounded, 'score'));
    }

    const matches = top.sorted();
    let nearList = near.sorted();
    if (matches.length === 0 && nearList.length < nearCap) {
      const seen = new Set(nearList.map((c) => c.id));
      nearList = [...nearList, ...closest.sorted().filter((c) => !seen.has(c.id))].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0)).slice(0, nearCap);
    }
    let setHint = hint;
    if (!setHint) {
      const constraintOnly = (c: Candidate) => c.failure !== null && CONSTRAINT_FAILURES.has(c.failure);
      // say why nothing fits: no counterpart has this technology at all, or those that have it each
      // miss a condition (then every match and near-miss names the change that would make it fit)
      if (matches.length === 0 && !nearList.some(constraintOnly)) setHint = { code: side === 'need' ? 'hint.noRelevantOffer' : 'hint.noRelevantNeed', params: {} };
      else if (matches.every(constraintOnly)) setHint = { code: 'hint.onlyNearMisses', params: {} };
    }
    const build = (c: Candidate): Match => this.explain(c, qf, qv, query, index, side, now);
    return { matches: matches.map(build), nearMisses: nearList.map(build), hint: setHint };
  }

  /**
   * The query a text (its concepts' term frequencies) puts to `index`. `memo` keeps each concept's kind
   * and IDF across the many queries of one standingOfOffer call (the index does not change meanwhile).
   */
  private queryOf(
    tf_: Iterable<[string, number]>,
    useText: boolean,
    index: ConceptIndex<PairFeatures>,
    memo?: Map<string, ConceptStats>,
  ): ForwardQuery {
    const cfg = this.config;
    // --- query concepts: top by qw·idf
    // Two parts of the need's text (see textScore): translated concepts, whose BM25 saturates at
    // TEXT_SATURATION of their ideal (no offer uses every word of a need), and surface-form concepts
    // — codes and words the dictionaries cannot map —, scored on their own and weighted by their share
    // of the ideal, so that general vocabulary cannot saturate them away: an offer that shares the
    // need's model number ranks above an otherwise identical one that does not, and a need whose own
    // words are unknown to the dictionaries is not taken as fully covered by its few general words.
    const N = index.size;
    const query: QueryConcept[] = [];
    let idealG = 0;
    let idealS = 0;
    if (useText) {
      const u = cfg.unmappedWeight;
      for (const [c, tf] of tf_) {
        let stats = memo?.get(c);
        if (!stats) {
          const df = index.df(c);
          stats = { kind: conceptKind(c), df, idf: idfOf(df, N, cfg.idfShareFloor, cfg.idfPriorDocs) };
          memo?.set(c, stats);
        }
        const { kind, df, idf } = stats;
        const qw = Math.sqrt(tf) * (kind === 'unmapped' ? u : kind === 'code' ? CODE_WEIGHT : 1);
        if (qw <= 0) continue;
        const specific = kind !== 'concept';
        // The ideal counts every query concept, not only those present in the index: a need whose
        // key term no offer uses must not look well covered by its generic words.
        if (specific) idealS += qw * idf * (K1 + 1);
        else idealG += qw * idf * (K1 + 1);
        if (df === 0 || (N >= MAX_DF_MIN_DOCS && df > MAX_DF_SHARE * N)) continue;
        query.push({ c, qw, idf, specific });
      }
      query.sort((a, b) => b.qw * b.idf - a.qw * a.idf || (a.c < b.c ? -1 : 1));
      query.length = Math.min(query.length, MAX_QUERY_CONCEPTS);
    }
    const ideal = idealG + idealS;
    return {
      query,
      sigma: ideal > 0 ? idealS / ideal : 0,
      normG: idealG > 0 ? 1 / (TEXT_SATURATION * idealG) : 0,
      normS: idealS > 0 ? 1 / (TEXT_SATURATION * idealS) : 0,
    };
  }

  /**
   * Which list of the need's ranking a pair of live documents enters, and with what ranking key (see
   * Candidate.rank); null: filtered out. run() decides the same from its feature columns, for speed.
   */
  private place(need: PairFeatures, offer: PairFeatures, text: number, sector: number, useText: boolean, now: number): { list: OfferStanding['list']; rank: number } | null {
    const cfg = this.config;
    if (!passesHardFilters(need, offer, cfg)) return null;
    const ev = evaluatePair(need, offer, text, sector, useText, cfg, now);
    const rounded = Math.round(ev.raw * 1000) / 10;
    const missed = ev.failures[0] ?? (ev.soft.length ? 'region' : null);
    if (ev.raw >= cfg.threshold / 100) return { list: 'match', rank: rounded };
    // one change away: ranked by the score it would have after that change
    if (missed && ev.rawIfFixed >= cfg.threshold / 100) return { list: 'near-miss', rank: Math.round(ev.rawIfFixed * 1000) / 10 };
    if (ev.raw >= (cfg.threshold - cfg.nearMissMargin) / 100) return { list: 'near-miss', rank: rounded };
    return { list: 'closest', rank: rounded };
  }

  /* ---------------- explanation ---------------- */

  private explain(
    c: Candidate,
    qf: PairFeatures,
    qv: ConceptVector,
    query: QueryConcept[],
    index: ConceptIndex<PairFeatures>,
    side: 'need' | 'offer',
    now: number,
  ): Match {
    const df = index.docAt(c.slot)!.features;
    const need = side === 'need' ? qf : df;
    const offer = side === 'need' ? df : qf;
    const comp = c.ev.components;
    const round3 = (x: number) => Math.round(x * 1000) / 1000;

    // matched terms: shared concepts by contribution; a phrase concept hides its own words
    const shared: { c: string; v: number }[] = [];
    for (const q of query) {
      const tf = index.postingList(q.c)?.get(c.slot) ?? 0;
      if (tf > 0) shared.push({ c: q.c, v: q.qw * q.idf * Math.min(tf, 3) });
    }
    shared.sort((a, b) => b.v - a.v || (a.c < b.c ? -1 : 1));
    const phrases = shared.filter((x) => x.c.includes('-'));
    const hidden = new Set(phrases.flatMap((p) => p.c.split('-')));
    const matchedTerms: MatchedTerm[] = [];
    for (const x of shared) {
      if (matchedTerms.length >= 8) break;
      if (!x.c.includes('-') && hidden.has(x.c)) continue;
      const l = conceptLabels(x.c);
      const bare = x.c.replace(/^(zh|ur):/, '');
      // the words each text really uses for the concept, in its own script
      const querySide = qv.surfaces.get(x.c) ?? [];
      const docSide = index.surfacesAt(c.slot, x.c);
      const t: MatchedTerm = {
        concept: x.c,
        needTerms: side === 'need' ? [...querySide] : docSide,
        offerTerms: side === 'need' ? docSide : [...querySide],
        en: l.en.length ? l.en : x.c.startsWith('zh:') || x.c.startsWith('ur:') ? [] : [bare],
        zh: l.zh.length ? l.zh : x.c.startsWith('zh:') ? [bare] : [],
      };
      if (x.c.startsWith('ur:') && !l.ur.length) l.ur.push(bare);
      if (l.ur.length) t.ur = l.ur;
      matchedTerms.push(t);
    }

    const reasons: Reason[] = [];
    if (matchedTerms.length) {
      const shown = matchedTerms.slice(0, 5);
      reasons.push({ code: 'text.sharedTerms', params: { concepts: shown.map((t) => t.concept).join(','), quotes: encodeQuotes(shown) } });
    }
    else if (comp.text < 0.1) reasons.push({ code: 'text.weak', params: {} });

    const sectorReason = this.sectorReason(need, offer);
    if (sectorReason) reasons.push(sectorReason);

    if (offer.trl !== null) {
      if (need.trl !== null && offer.trl < need.trl) reasons.push({ code: 'trl.below', params: { trl: offer.trl, minTrl: need.trl } });
      else if (need.trl !== null) reasons.push({ code: 'trl.meets', params: { trl: offer.trl, minTrl: need.trl } });
      else reasons.push({ code: 'trl.offered', params: { trl: offer.trl } });
    }

    const budgetReason = this.budgetReason(need, offer);
    reasons.push(budgetReason);

    const region = need.regions[0];
    if (region) {
      if (offer.regions.length === 0) reasons.push({ code: 'region.open', params: {} });
      else if (offer.regions.includes(region)) reasons.push({ code: 'region.targeted', params: { region } });
      else reasons.push({ code: 'region.notTargeted', params: { region } });
    }
    reasons.push({ code: 'mode.common', params: { modes: modesOf(need.modes & offer.modes).join(',') } });
    const days = Math.max(0, Math.floor((now - offer.since) / DAY));
    reasons.push({ code: days > 365 ? 'freshness.old' : 'freshness.recent', params: { days } });

    let nearMiss: Reason | null = null;
    if (c.failure === 'trl') nearMiss = { code: 'trl.below', params: { trl: offer.trl ?? 0, minTrl: need.trl ?? 0 } };
    else if (c.failure === 'budget') nearMiss = budgetReason;
    else if (c.failure === 'region') nearMiss = { code: 'region.notTargeted', params: { region: need.regions[0] ?? '' } };
    else if (c.failure === 'score') {
      const score = c.rounded;
      const threshold = this.config.threshold;
      // why it fails: no technology in common, too little in common, or only the other fields
      if (matchedTerms.length === 0) nearMiss = { code: 'evidence.none', params: {} };
      else if (c.ev.gate < 1) {
        const terms = matchedTerms.slice(0, 3).map((t) => (t.needTerms[0] ?? t.offerTerms[0] ?? t.concept)).join(',');
        nearMiss = { code: 'evidence.weak', params: { terms, score, threshold } };
      } else nearMiss = { code: 'score.belowThreshold', params: { score, threshold } };
    }

    return {
      offerId: offer.id,
      needId: need.id,
      score: c.rounded,
      components: {
        text: round3(comp.text),
        sector: round3(comp.sector),
        trl: round3(comp.trl),
        budget: round3(comp.budget),
        region: round3(comp.region),
        mode: round3(comp.mode),
        freshness: round3(comp.freshness),
      },
      matchedTerms,
      reasons,
      nearMiss,
    };
  }

  private sectorReason(need: PairFeatures, offer: PairFeatures): Reason | null {
    for (const ns of need.sectors) if (offer.sectors.includes(ns)) return { code: 'sector.exact', params: { sector: ns } };
    for (const ns of need.sectors) {
      if (ns.includes('/')) continue;
      const inside = offer.sectors.find((os) => os.startsWith(ns + '/'));
      if (inside) return { code: 'sector.within', params: { sector: inside, parent: ns } };
    }
    const common = need.topSectors.find((t) => offer.topSectors.includes(t));
    if (common) return { code: 'sector.related', params: { parent: common } };
    return { code: 'sector.none', params: {} };
  }

  private budgetReason(need: PairFeatures, offer: PairFeatures): Reason {
    const b = need.money;
    const p = offer.money;
    if (!b || !p) return { code: 'budget.unknown', params: {} };
    const converted = convert(p.min, p.currency, b.currency, this.config.ratesToUsd);
    if (converted === null) return { code: 'budget.unknown', params: {} };
    const params = { budget: b.max, budgetCurrency: b.currency, price: p.min, priceCurrency: p.currency, converted: Math.round(converted) };
    return { code: converted > b.max ? 'budget.below' : 'budget.fits', params };
  }
}
