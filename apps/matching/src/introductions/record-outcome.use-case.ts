import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Principal } from '@techbridge/auth';
import { assertCanRecordOutcome } from './domain/introduction';
import { RecordIntroductionOutcomeDto } from './dto/record-introduction-outcome.dto';
import { IntroductionEvents } from './introduction-events';
import { withProblems } from './introduction-problems';
import { lockIntroductionOfParty } from './answer-introduction.use-case';
import { IntroductionOutcomeEntity } from './infrastructure/introduction-outcome.entity';

/** Either party records progress on an accepted introduction; the ledger entry and its event commit together. */
@Injectable()
export class RecordOutcomeUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: IntroductionEvents,
  ) {}

  execute(principal: Principal, id: string, dto: RecordIntroductionOutcomeDto): Promise<IntroductionOutcomeEntity> {
    return withProblems(() =>
      this.dataSource.transaction(async (m) => {
        const i = await lockIntroductionOfParty(m, principal, id);
        assertCanRecordOutcome(i);
        const outcome = m.getRepository(IntroductionOutcomeEntity).create({
          id: randomUUID(),
          introductionId: i.id,
          enterpriseA: i.needEnterpriseId,
          enterpriseB: i.offerEnterpriseId,
          stage: dto.stage,
          reason: dto.reason ?? null,
          source: 'party',
          recordedBy: principal.id,
          workshopId: null,
          meetingId: null,
          recordedAt: new Date(),
        });
        await m.getRepository(IntroductionOutcomeEntity).insert(outcome);
        await this.events.outcome(m, {
          outcomeId: outcome.id,
          introductionId: i.id,
          stage: dto.stage,
          source: 'party',
          recordedByEnterpriseId: principal.id,
          workshopId: null,
          meetingId: null,
          recordedAt: outcome.recordedAt.toISOString(),
        });
        return outcome;
      }),
    );
  }
}
