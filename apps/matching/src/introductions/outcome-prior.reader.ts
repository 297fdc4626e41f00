import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DEFAULT_PRIOR_CONFIG, Match, NeedDoc, OfferTrackRecord, PriorConfig, applyOutcomePrior } from '@techbridge/matching-core';
import { MATCHING_CONFIG, MatchingServiceConfig } from '../config';
import { MATCHING_INDEX } from '../index/matching-index.provider';
import { MatchingIndex } from '../index/matching-index';

/** Ledger stages that count as "signed with this supplier". */
const SIGNED_STAGES = ['licence-signed', 'jv-formed'];

/**
 * The learning loop, off unless INTRODUCTION_PRIOR=on: reads each ranked offer's track record from the
 * introductions (declines by reason) and the outcome ledger (firms of the need's country, in its sector,
 * that signed with the offer's enterprise), and lets matching-core adjust the scores — by at most
 * PRIOR_MAX_POINTS, always with a reason. Applied whenever a need's set is (re)computed.
 */
@Injectable()
export class OutcomePriorReader {
  private readonly prior: PriorConfig;

  constructor(
    @Inject(MATCHING_CONFIG) private readonly config: MatchingServiceConfig,
    @Inject(MATCHING_INDEX) private readonly index: MatchingIndex,
  ) {
    this.prior = { ...DEFAULT_PRIOR_CONFIG, maxPoints: config.PRIOR_MAX_POINTS };
  }

  get enabled(): boolean {
    return this.config.INTRODUCTION_PRIOR === 'on';
  }

  async apply(manager: EntityManager, need: NeedDoc, matches: Match[]): Promise<Match[]> {
    if (!this.enabled || matches.length === 0) return matches;
    const sector = (need.sectors[0] ?? '').split('/')[0];
    const offerIds = matches.map((m) => m.offerId);
    const enterpriseOf = new Map(offerIds.map((id) => [id, this.index.offer(id)?.enterpriseId]));
    const enterprises = [...new Set([...enterpriseOf.values()].filter((e): e is string => !!e))];
    const declines: { offer_id: string; decline_reason: string; n: number }[] = await manager.query(
      `SELECT offer_id, decline_reason, count(*)::int AS n FROM introductions
        WHERE offer_id = ANY($1::uuid[]) AND status = 'declined' AND decline_reason IS NOT NULL GROUP BY 1, 2`,
      [offerIds],
    );
    const signed: { offer_enterprise_id: string; n: number }[] = sector
      ? await manager.query(
          `SELECT i.offer_enterprise_id, count(DISTINCT i.need_enterprise_id)::int AS n
             FROM introductions i
             JOIN need_projections np ON np.id = i.need_id
            WHERE i.offer_enterprise_id = ANY($1::uuid[]) AND np.snapshot->>'country' = $2
              AND EXISTS (SELECT 1 FROM unnest(i.sectors) s WHERE s = $3 OR s LIKE $3 || '/%')
              AND EXISTS (SELECT 1 FROM introduction_outcomes o WHERE o.introduction_id = i.id AND o.stage = ANY($4::text[]))
            GROUP BY 1`,
          [enterprises, need.country, sector, SIGNED_STAGES],
        )
      : [];
    const signedBy = new Map(signed.map((r) => [r.offer_enterprise_id, r.n]));
    const tracks = new Map<string, OfferTrackRecord>();
    for (const id of offerIds) {
      const d = Object.fromEntries(declines.filter((r) => r.offer_id === id).map((r) => [r.decline_reason, r.n]));
      const firms = signedBy.get(enterpriseOf.get(id) ?? '') ?? 0;
      if (firms > 0 || Object.keys(d).length > 0) tracks.set(id, { signedFirms: firms, declines: d });
    }
    return applyOutcomePrior(matches, tracks, { country: need.country, sector }, this.prior);
  }
}
