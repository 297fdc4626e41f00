/**
 * In-memory inverted index of documents over language-neutral concepts.
 * Upsert assigns a fresh slot (slots ascend, so posting lists stay sorted without re-sorting);
 * removal tombstones the slot and compaction drops dead postings once they dominate.
 */
import { PostingList } from './posting-list';

export interface IndexedDoc<F> {
  id: string;
  slot: number;
  /** BM25 document length (field-weighted concept count) */
  dl: number;
  features: F;
  /** the concepts it holds, so removal can keep document frequencies exact */
  concepts: string[];
  /**
   * the words that carry each concept in the document's text, aligned with `concepts` (forms joined
   * by U+0001; one string per concept rather than an array keeps the index small at 100k documents)
   */
  surfaces: (string | undefined)[];
}

const SURFACE_SEP = '\u0001';

export class ConceptIndex<F> {
  private readonly postings = new Map<string, PostingList>();
  private readonly keyPostings = new Map<string, PostingList>();
  private slots: (IndexedDoc<F> | null)[] = [];
  private dls = new Float32Array(1024);
  private readonly bySlotId = new Map<string, number>();
  /** live document frequency per concept: posting lists may still hold tombstoned entries */
  private readonly liveDf = new Map<string, number>();
  private dlSum = 0;
  private deadPostings = 0;
  private livePostings = 0;

  get size(): number {
    return this.bySlotId.size;
  }

  get avgdl(): number {
    return this.size === 0 ? 1 : this.dlSum / this.size;
  }

  get slotCount(): number {
    return this.slots.length;
  }

  has(id: string): boolean {
    return this.bySlotId.has(id);
  }

  get(id: string): IndexedDoc<F> | undefined {
    const s = this.bySlotId.get(id);
    return s === undefined ? undefined : (this.slots[s] ?? undefined);
  }

  docAt(slot: number): IndexedDoc<F> | null {
    return this.slots[slot];
  }

  /** document lengths by slot (read-only view for the scoring loop) */
  get dlArray(): Float32Array {
    return this.dls;
  }

  dlAt(slot: number): number {
    return this.dls[slot];
  }

  /**
   * Document frequency of a concept among live documents. Counting tombstoned postings here would let
   * df exceed the number of documents and turn IDF negative after updates and withdrawals.
   */
  df(concept: string): number {
    return this.liveDf.get(concept) ?? 0;
  }

  /** The words of the document at `slot` that carry `concept`, as written; [] when unknown. */
  surfacesAt(slot: number, concept: string): string[] {
    const doc = this.slots[slot];
    if (!doc) return [];
    const i = doc.concepts.indexOf(concept);
    const s = i < 0 ? undefined : doc.surfaces[i];
    return s ? s.split(SURFACE_SEP) : [];
  }

  postingList(concept: string): PostingList | undefined {
    return this.postings.get(concept);
  }

  /** Auxiliary postings (e.g. sector membership) used for candidate generation. */
  keyList(key: string): PostingList | undefined {
    return this.keyPostings.get(key);
  }

  upsert(
    id: string,
    tf: ReadonlyMap<string, number>,
    dl: number,
    keys: readonly string[],
    features: F,
    surfaces?: ReadonlyMap<string, readonly string[]>,
  ): void {
    this.remove(id);
    const slot = this.slots.length;
    const concepts = [...tf.keys()];
    const surf = concepts.map((c) => surfaces?.get(c)?.join(SURFACE_SEP));
    const doc: IndexedDoc<F> = { id, slot, dl, features, concepts, surfaces: surf };
    this.slots.push(doc);
    if (slot >= this.dls.length) {
      const d = new Float32Array(this.dls.length * 2);
      d.set(this.dls);
      this.dls = d;
    }
    this.dls[slot] = dl;
    this.bySlotId.set(id, slot);
    this.dlSum += dl;
    for (const [c, w] of tf) {
      let pl = this.postings.get(c);
      if (!pl) this.postings.set(c, (pl = new PostingList()));
      pl.push(slot, w);
      this.liveDf.set(c, (this.liveDf.get(c) ?? 0) + 1);
    }
    for (const k of new Set(keys)) {
      let pl = this.keyPostings.get(k);
      if (!pl) this.keyPostings.set(k, (pl = new PostingList()));
      pl.push(slot, 1);
    }
    this.livePostings += tf.size + keys.length;
  }

  remove(id: string): boolean {
    const slot = this.bySlotId.get(id);
    if (slot === undefined) return false;
    const doc = this.slots[slot]!;
    this.slots[slot] = null;
    this.bySlotId.delete(id);
    this.dlSum -= doc.dl;
    for (const c of doc.concepts) {
      const n = (this.liveDf.get(c) ?? 1) - 1;
      if (n > 0) this.liveDf.set(c, n);
      else this.liveDf.delete(c);
    }
    this.deadPostings += 1;
    if (this.deadPostings > 2048 && this.deadPostings * 4 > this.size) this.compact();
    return true;
  }

  /** Removes tombstoned slots from every posting list. Amortised O(1) per removal. */
  compact(): void {
    const live = (s: number) => this.slots[s] !== null;
    for (const m of [this.postings, this.keyPostings]) {
      for (const [k, pl] of m) {
        pl.compact(live);
        if (pl.length === 0) m.delete(k);
      }
    }
    this.deadPostings = 0;
  }
}
