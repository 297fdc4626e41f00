import { ReportEntity } from './infrastructure/report.entity';

/** The JSON answer for a report: its progress, and the report itself once ready. */
export function toReportStatusView(r: ReportEntity, withModel = false) {
  return {
    id: r.id,
    workshopId: r.workshopId,
    status: r.status,
    progress: { partsReceived: r.partsReceived, partsExpected: r.partsExpected },
    requestedAt: r.requestedAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
    failureReason: r.failureReason,
    formats: r.status === 'ready' ? ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/html', 'application/pdf'] : [],
    ...(withModel && r.status === 'ready' ? { report: r.model } : {}),
  };
}
