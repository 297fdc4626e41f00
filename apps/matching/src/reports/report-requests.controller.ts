import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, EventTypes, ReportRequestedV1 } from '@techbridge/contracts';
import { InboxContext } from '@techbridge/messaging';
import { ComputeReportUseCase } from './compute-report.use-case';

/** Workshops' report requests, in a consumer group of their own: a big report never delays catalog events. */
@Controller()
export class ReportRequestsController {
  constructor(private readonly computeReport: ComputeReportUseCase) {}

  @EventPattern([EventTypes.ReportRequested], { group: 'reports' })
  reportRequested(@Payload() event: EventEnvelope<ReportRequestedV1>, @Ctx() ctx: InboxContext): Promise<void> {
    return this.computeReport.execute(event.data, ctx);
  }
}
