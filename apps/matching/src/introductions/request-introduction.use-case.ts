import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { EventTypes } from '@techbridge/contracts';
import { Principal } from '@techbridge/auth';
import { ProblemException, Problems } from '@techbridge/platform';
import { MATCHING_CONFIG, MatchingServiceConfig } from '../config';
import { decideRequest, expire, messageCarriesContactDetails, sideOf } from './domain/introduction';
import { RequestIntroductionDto } from './dto/request-introduction.dto';
import { IntroductionEvents } from './introduction-events';
import { withProblems } from './introduction-problems';
import { IntroductionEntity } from './infrastructure/introduction.entity';

const DAY_MS = 86_400_000;

interface ItemRow {
  enterprise_id: string;
  status: string;
  country: string;
  sectors: string[] | null;
}

/**
 * `POST /v1/introductions`: the owner of a need or an offer asks to be introduced to the other side.
 * Same pair, same side → the existing introduction (200); the other side had asked → mutual, accepted
 * at once (200); otherwise a new one (201) within the enterprise's daily cap. One transaction: the
 * introduction and its event, under the pair's lock (and the requester's, for the cap).
 */
@Injectable()
export class RequestIntroductionUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingServiceConfig,
    private readonly events: IntroductionEvents,
  ) {}

  async execute(principal: Principal, dto: RequestIntroductionDto): Promise<{ created: boolean; introduction: IntroductionEntity }> {
    const max = this.config.INTRODUCTION_MESSAGE_MAX;
    if (dto.message.length > max) throw Problems.validation([{ field: 'message', message: `message must be at most ${max} characters` }]);
    if (messageCarriesContactDetails(dto.message)) {
      throw Problems.unprocessable('Contact details are revealed only when both sides are interested; leave them out of the message.', [
        { field: 'message', message: 'message must not contain an email address or a phone number' },
      ]);
    }
    return withProblems(() => this.dataSource.transaction((m) => this.request(m, principal, dto)));
  }

  private async request(m: EntityManager, principal: Principal, dto: RequestIntroductionDto) {
    const need = await this.item(m, 'need_projections', dto.needId);
    const offer = await this.item(m, 'offer_projections', dto.offerId);
    if (!need) throw Problems.notFound(`Need ${dto.needId}`);
    if (!offer) throw Problems.notFound(`Offer ${dto.offerId}`);
    const side = sideOf(principal.id, {
      needEnterpriseId: need.enterprise_id,
      offerEnterpriseId: offer.enterprise_id,
      needCountry: need.country,
      offerCountry: offer.country,
      needStatus: need.status,
      offerStatus: offer.status,
    });
    const now = new Date();
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`introduction-pair:${dto.needId}:${dto.offerId}`]);
    const repo = m.getRepository(IntroductionEntity);
    const open = await repo.findOne({ where: { needId: dto.needId, offerId: dto.offerId, status: In(['requested', 'accepted']) }, lock: { mode: 'pessimistic_write' } });
    const decision = decideRequest(open, side, now);
    if (open && decision.kind === 'existing') return { created: false, introduction: open };
    if (open && decision.kind === 'mutual') {
      open.status = 'accepted';
      open.mutual = true;
      open.answeredAt = now;
      open.updatedAt = now;
      await repo.save(open);
      await this.events.publish(m, EventTypes.IntroductionAccepted, open, now);
      return { created: false, introduction: open };
    }
    if (open && expire(open, now)) {
      // Past its time but not swept yet: expire it here (with its event), then start afresh.
      open.updatedAt = now;
      await repo.save(open);
      await this.events.publish(m, EventTypes.IntroductionExpired, open, now);
    }
    const [declined] = await m.query(
      `SELECT answered_at FROM introductions WHERE need_id = $1 AND offer_id = $2 AND requester_enterprise_id = $3 AND status = 'declined' LIMIT 1`,
      [dto.needId, dto.offerId, principal.id],
    );
    if (declined) throw Problems.conflict('The counterpart already declined an introduction for this need and offer.', [{ field: 'offerId', message: 'this pair was declined' }]);
    await this.enforceDailyCap(m, principal.id);
    const recipient = side === 'need' ? offer.enterprise_id : need.enterprise_id;
    const introduction = repo.create({
      id: randomUUID(),
      needId: dto.needId,
      offerId: dto.offerId,
      needEnterpriseId: need.enterprise_id,
      offerEnterpriseId: offer.enterprise_id,
      requestedBy: side,
      requesterEnterpriseId: principal.id,
      recipientEnterpriseId: recipient,
      message: dto.message,
      language: dto.language,
      status: 'requested',
      mutual: false,
      declineReason: null,
      declineText: null,
      sectors: [...new Set([...(need.sectors ?? []), ...(offer.sectors ?? [])])],
      workshopId: dto.workshopId ?? null,
      createdAt: now,
      answeredAt: null,
      expiresAt: new Date(now.getTime() + this.config.INTRODUCTION_EXPIRY_DAYS * DAY_MS),
      remindAt: new Date(now.getTime() + this.config.INTRODUCTION_REMINDER_DAYS * DAY_MS),
      remindedAt: null,
      updatedAt: now,
    });
    await repo.insert(introduction);
    await this.events.publish(m, EventTypes.IntroductionRequested, introduction, now);
    return { created: true, introduction };
  }

  private async item(m: EntityManager, table: 'need_projections' | 'offer_projections', id: string): Promise<ItemRow | undefined> {
    const [row] = await m.query(
      `SELECT enterprise_id, status, snapshot->>'country' AS country, ARRAY(SELECT jsonb_array_elements_text(snapshot->'sectors')) AS sectors
         FROM ${table} WHERE id = $1`,
      [id],
    );
    return row;
  }

  /** At most INTRODUCTION_DAILY_LIMIT new requests per enterprise in any 24 hours; 429 + Retry-After past it. */
  private async enforceDailyCap(m: EntityManager, enterpriseId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`introduction-cap:${enterpriseId}`]);
    const limit = this.config.INTRODUCTION_DAILY_LIMIT;
    const [row] = await m.query(
      `SELECT count(*)::int AS n,
              ceil(extract(epoch FROM (min(created_at) + interval '1 day' - now())))::int AS retry_after
         FROM (SELECT created_at FROM introductions
                WHERE requester_enterprise_id = $1 AND created_at > now() - interval '1 day'
                ORDER BY created_at DESC LIMIT $2) recent`,
      [enterpriseId, limit],
    );
    if (row.n < limit) return;
    const retryAfter = String(Math.max(1, row.retry_after ?? 1));
    throw new ProblemException(
      HttpStatus.TOO_MANY_REQUESTS,
      'too-many-requests',
      'Too many introduction requests',
      `An enterprise may request ${limit} introductions in 24 hours; try again in ${retryAfter} s.`,
      undefined,
      {},
      { 'Retry-After': retryAfter },
    );
  }
}
