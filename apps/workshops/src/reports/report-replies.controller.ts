import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, EventTypes, ReportComputedV1, ReportFailedV1 } from '@techbridge/contracts';
import { InboxContext } from '@techbridge/messaging';
import { AssembleReportUseCase } from './assemble-report.use-case';

/** matching's replies on `matching.report.v1`, in the inbox transaction. */
@Controller()
export class ReportRepliesController {
  constructor(private readonly assemble: AssembleReportUseCase) {}

  @EventPattern([EventTypes.ReportComputed], { group: 'reports' })
  computed(@Payload() event: EventEnvelope<ReportComputedV1>, @Ctx() ctx: InboxContext): Promise<void> {
    return this.assemble.partArrived(ctx.manager, event.data);
  }

  @EventPattern([EventTypes.ReportFailed], { group: 'reports' })
  failed(@Payload() event: EventEnvelope<ReportFailedV1>, @Ctx() ctx: InboxContext): Promise<void> {
    return this.assemble.failed(ctx.manager, event.data);
  }
}
