/**
 * Workshop report and agenda renderers: pure functions from plain models (report.model.ts) to the
 * formats the workshops service serves. No Nest, TypeORM or Kafka here.
 */
export * from './report.model';
export {
  renderReportCsv,
  toCsv,
  csvCell,
  REPORT_CSV_TABLES,
  CSV_CONTENT_TYPE,
  type ReportCsvTable,
  type CsvCell,
} from './csv.renderer';
export { renderReportXlsx, XLSX_CONTENT_TYPE } from './xlsx.renderer';
export { renderReportHtml, HTML_CONTENT_TYPE } from './html.renderer';
export { renderReportPdf, PDF_CONTENT_TYPE } from './pdf.renderer';
export { renderUnmetChartSvg } from './unmet-chart.svg-renderer';
export { buildAgendaView, type AgendaView, type AgendaMeetingView } from './agenda.renderer';
export { renderAgendaIcs, escapeIcsText, foldIcsLine, ICS_CONTENT_TYPE } from './ics.renderer';
export { agendaForParticipant } from './agenda-from-report.builder';
export {
  scheduleSections,
  unmetChartData,
  type ScheduleSection,
  type UnmetChartData,
} from './report-view.builder';
export { missingGlyphs, PDF_FONT_FILES } from './pdf-fonts';
export { toLocal, utcOffsetLabel, isTimeZone } from './time-zone.util';
