import { Inject, Injectable } from '@nestjs/common';
import {
  EventTypes,
  LocalizedReasonV1,
  ReportComputedV1,
  ReportItemV1,
  ReportPairV1,
  ReportRequestedV1,
  Topics,
  createEnvelope,
  sourceOf,
} from '@techbridge/contracts';
import { Match, NeedDoc, OfferDoc, Reason, renderReason } from '@techbridge/matching-core';
import { InboxContext, OutboxPublisher } from '@techbridge/messaging';
import { IndexSync } from '../index/index-sync';
import { MATCHING_INDEX } from '../index/matching-index.provider';
import { MatchingIndex } from '../index/matching-index';
import { MatchingLock } from '../index/matching-lock';

/** Best offers kept per need in a report (the workshop report shows the top few). */
const PAIRS_PER_NEED = 20;
/** JSON bytes per `report.computed` part: well under Kafka's 1 MiB message limit. */
const PART_BYTES = 400_000;

const localized = (r: Reason): LocalizedReasonV1 => ({
  en: renderReason(r, 'en').slice(0, 500),
  'zh-Hans': renderReason(r, 'zh-Hans').slice(0, 500),
  ur: renderReason(r, 'ur').slice(0, 500),
});

/**
 * A workshop asked for its match report: score the participants' live needs against the participants'
 * live offers (only those: `offerIds` / `needIds` restrict further), with the same engine, threshold
 * and explanations as everywhere else, and reply on `matching.report.v1` in parts. Runs in the inbox
 * transaction under the shared matching lock, on an index brought up to date first; the reply goes
 * through the outbox, so a redelivered request changes nothing (inbox) and a crash loses nothing.
 */
@Injectable()
export class ComputeReportUseCase {
  constructor(
    @Inject(MATCHING_INDEX) private readonly index: MatchingIndex,
    private readonly sync: IndexSync,
    private readonly outbox: OutboxPublisher,
  ) {}

  async execute(request: ReportRequestedV1, ctx: InboxContext): Promise<void> {
    await MatchingLock.shared(ctx.manager);
    await this.sync.catchUp(ctx.manager);
    const { offers, needs } = this.participantsItems(request);
    const offerIds = new Set(offers.map((o) => o.id));
    const items: ReportItemV1[] = [];
    const pairs: ReportPairV1[] = [];
    for (const need of needs) {
      const set = this.index.engine.matchNeed(need, { offerIds, limit: PAIRS_PER_NEED, nearMissLimit: 1 });
      for (const m of set.matches) pairs.push(this.pair(m));
      const unmet = set.matches.length === 0;
      const closest = set.nearMisses[0];
      items.push({
        ...this.item(need, 'need', need.region ? [need.region] : []),
        unmet,
        bestScore: unmet && closest ? closest.score : null,
        nearMiss: unmet && closest?.nearMiss ? localized(closest.nearMiss) : null,
      });
    }
    for (const offer of offers) items.push(this.item(offer, 'offer', offer.targetRegions));

    const computedAt = new Date().toISOString();
    const threshold = this.index.engine.config.threshold;
    const parts = split(items, pairs);
    for (const [i, part] of parts.entries()) {
      const data: ReportComputedV1 = {
        reportId: request.reportId,
        workshopId: request.workshopId,
        part: i + 1,
        parts: parts.length,
        threshold,
        items: part.items,
        pairs: part.pairs,
        computedAt,
      };
      await this.outbox.publish(
        ctx.manager,
        Topics.MatchingReport,
        createEnvelope({ type: EventTypes.ReportComputed, source: sourceOf('matching'), subject: request.reportId, data }),
      );
    }
  }

  /** Live offers and needs of the participants, restricted to what each brings. */
  private participantsItems(request: ReportRequestedV1): { offers: OfferDoc[]; needs: NeedDoc[] } {
    const offers: OfferDoc[] = [];
    const needs: NeedDoc[] = [];
    const byEnterprise = new Map(request.participants.map((p) => [p.enterpriseId, p]));
    for (const id of this.index.liveOfferIds()) {
      const o = this.index.offer(id)!;
      const p = byEnterprise.get(o.enterpriseId);
      if (p && (!p.offerIds || p.offerIds.includes(o.id))) offers.push(o);
    }
    for (const id of this.index.liveNeedIds()) {
      const n = this.index.need(id)!;
      const p = byEnterprise.get(n.enterpriseId);
      if (p && (!p.needIds || p.needIds.includes(n.id))) needs.push(n);
    }
    return { offers, needs };
  }

  private item(doc: OfferDoc | NeedDoc, kind: 'offer' | 'need', regions: string[]): ReportItemV1 {
    return {
      id: doc.id,
      kind,
      enterpriseId: doc.enterpriseId,
      country: doc.country,
      title: doc.title,
      language: doc.language,
      sectors: doc.sectors,
      regions,
    };
  }

  private pair(m: Match): ReportPairV1 {
    return { needId: m.needId, offerId: m.offerId, score: m.score, reasons: m.reasons.slice(0, 8).map(localized) };
  }
}

/** Items first, then pairs, cut into parts of about PART_BYTES each (at least one part). */
function split(items: ReportItemV1[], pairs: ReportPairV1[]): { items: ReportItemV1[]; pairs: ReportPairV1[] }[] {
  const parts: { items: ReportItemV1[]; pairs: ReportPairV1[] }[] = [];
  let current = { items: [] as ReportItemV1[], pairs: [] as ReportPairV1[] };
  let bytes = 0;
  const add = (kind: 'items' | 'pairs', value: ReportItemV1 | ReportPairV1) => {
    const size = Buffer.byteLength(JSON.stringify(value));
    if (bytes + size > PART_BYTES && (current.items.length > 0 || current.pairs.length > 0)) {
      parts.push(current);
      current = { items: [], pairs: [] };
      bytes = 0;
    }
    (current[kind] as (ReportItemV1 | ReportPairV1)[]).push(value);
    bytes += size;
  };
  for (const item of items) add('items', item);
  for (const pair of pairs) add('pairs', pair);
  parts.push(current);
  return parts;
}
