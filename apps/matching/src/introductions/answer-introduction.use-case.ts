import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EventTypes } from '@techbridge/contracts';
import { Principal } from '@techbridge/auth';
import { Problems } from '@techbridge/platform';
import { accept, assertPairLive, decline } from './domain/introduction';
import { DeclineIntroductionDto } from './dto/decline-introduction.dto';
import { IntroductionEvents } from './introduction-events';
import { withProblems } from './introduction-problems';
import { IntroductionEntity } from './infrastructure/introduction.entity';

/** Loads an introduction for update; anyone but its two parties (and admins) gets 404. */
export async function lockIntroductionOfParty(m: EntityManager, principal: Principal, id: string): Promise<IntroductionEntity> {
  const i = await m.getRepository(IntroductionEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!i || !isParty(principal, i)) throw Problems.notFound(`Introduction ${id}`);
  return i;
}

export function isParty(principal: Principal, i: Pick<IntroductionEntity, 'requesterEnterpriseId' | 'recipientEnterpriseId'>): boolean {
  return principal.role === 'enterprise' && (principal.id === i.requesterEnterpriseId || principal.id === i.recipientEnterpriseId);
}

/** The recipient accepts (mutual interest: contacts may be revealed) or declines with a reason. */
@Injectable()
export class AnswerIntroductionUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: IntroductionEvents,
  ) {}

  accept(principal: Principal, id: string): Promise<IntroductionEntity> {
    return withProblems(() =>
      this.dataSource.transaction(async (m) => {
        const i = await lockIntroductionOfParty(m, principal, id);
        const now = new Date();
        if (i.status === 'requested' && principal.id === i.recipientEnterpriseId) {
          const [pair] = await m.query(
            `SELECT (SELECT status FROM need_projections WHERE id = $1) AS need, (SELECT status FROM offer_projections WHERE id = $2) AS offer`,
            [i.needId, i.offerId],
          );
          assertPairLive(pair.need, pair.offer);
        }
        if (!accept(i, principal.id, now)) return i;
        i.answeredAt = now;
        i.updatedAt = now;
        await m.getRepository(IntroductionEntity).save(i);
        await this.events.publish(m, EventTypes.IntroductionAccepted, i, now);
        return i;
      }),
    );
  }

  decline(principal: Principal, id: string, dto: DeclineIntroductionDto): Promise<IntroductionEntity> {
    return withProblems(() =>
      this.dataSource.transaction(async (m) => {
        const i = await lockIntroductionOfParty(m, principal, id);
        const now = new Date();
        decline(i, principal.id, now);
        i.declineReason = dto.reason;
        i.declineText = dto.text ?? null;
        i.answeredAt = now;
        i.updatedAt = now;
        await m.getRepository(IntroductionEntity).save(i);
        await this.events.publish(m, EventTypes.IntroductionDeclined, i, now);
        return i;
      }),
    );
  }
}
