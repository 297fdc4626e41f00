import { MatchingEngine, MatchingConfig, NeedDoc, OfferDoc } from '@techbridge/matching-core';

/**
 * The engine plus the documents it indexes, guarded by version: applying an older snapshot (a replay,
 * or another instance's change read back from the projections) never rolls an item back. Only
 * published items are indexed.
 */
export class MatchingIndex {
  readonly engine: MatchingEngine;
  private readonly offers = new Map<string, OfferDoc>();
  private readonly needs = new Map<string, NeedDoc>();
  private readonly versions = new Map<string, number>();

  constructor(config?: Partial<MatchingConfig>) {
    this.engine = new MatchingEngine(config);
  }

  /** Returns true when the snapshot was newer than what the index had. */
  applyOffer(doc: OfferDoc): boolean {
    if (!this.isNewer(doc.id, doc.version)) return false;
    this.putOffer(doc);
    return true;
  }

  applyNeed(doc: NeedDoc): boolean {
    if (!this.isNewer(doc.id, doc.version)) return false;
    this.putNeed(doc);
    return true;
  }

  /**
   * Puts back what the database holds for an item, older or not (null: the database has none). Used
   * after a transaction that had changed the index rolled back.
   */
  restoreOffer(id: string, doc: OfferDoc | null): void {
    this.versions.delete(id);
    if (doc) this.applyOffer(doc);
    else this.putOffer({ id, status: 'absent' } as OfferDoc);
  }

  restoreNeed(id: string, doc: NeedDoc | null): void {
    this.versions.delete(id);
    if (doc) this.applyNeed(doc);
    else this.putNeed({ id, status: 'absent' } as NeedDoc);
  }

  /** The version the index holds for an offer or need id (0 when none). */
  versionOf(id: string): number {
    return this.versions.get(id) ?? 0;
  }

  offer(id: string): OfferDoc | undefined {
    return this.offers.get(id);
  }

  need(id: string): NeedDoc | undefined {
    return this.needs.get(id);
  }

  liveNeedIds(): string[] {
    return [...this.needs.keys()].sort();
  }

  liveOfferIds(): string[] {
    return [...this.offers.keys()].sort();
  }

  get size(): { offers: number; needs: number } {
    return { offers: this.offers.size, needs: this.needs.size };
  }

  private putOffer(doc: OfferDoc): void {
    if (doc.status === 'published') {
      this.engine.upsertOffer(doc);
      this.offers.set(doc.id, doc);
    } else {
      this.engine.removeOffer(doc.id);
      this.offers.delete(doc.id);
    }
  }

  private putNeed(doc: NeedDoc): void {
    if (doc.status === 'published') {
      this.engine.upsertNeed(doc);
      this.needs.set(doc.id, doc);
    } else {
      this.engine.removeNeed(doc.id);
      this.needs.delete(doc.id);
    }
  }

  private isNewer(id: string, version: number): boolean {
    const known = this.versions.get(id);
    if (known !== undefined && known >= version) return false;
    this.versions.set(id, version);
    return true;
  }
}
