import { Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@techbridge/auth';
import { AgendaQuery, ReportFormat, ReportQuery } from './dto/report.query';
import { ReportsService } from './reports.service';
import { RequestReportUseCase } from './request-report.use-case';

type Reply = { header(name: string, value: string): unknown; status(code: number): unknown };
const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

const BY_MEDIA_TYPE: [RegExp, ReportFormat][] = [
  [/application\/json/, 'json'],
  [/text\/csv/, 'csv'],
  [/spreadsheetml\.sheet/, 'xlsx'],
  [/text\/html/, 'html'],
  [/application\/pdf/, 'pdf'],
];

/** The first format the Accept header names that we serve (JSON for none, `*\/*` or anything else). */
function negotiate(accept: string | undefined): ReportFormat {
  for (const part of (accept ?? '').split(',')) {
    const hit = BY_MEDIA_TYPE.find(([re]) => re.test(part));
    if (hit) return hit[1];
  }
  return 'json';
}

@ApiTags('workshop reports')
@Controller('v1/workshops/:id')
export class ReportController {
  constructor(
    private readonly requestReport: RequestReportUseCase,
    private readonly reports: ReportsService,
  ) {}

  @Post('reports')
  @Roles('organiser')
  @HttpCode(202)
  @ApiOperation({ summary: 'Request a match report and meeting schedule (organiser): 202 + report id; poll it.' })
  async request(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Res({ passthrough: true }) reply: Reply) {
    const report = await this.requestReport.execute(principal, id);
    reply.header('location', `/v1/workshops/${id}/reports/${report.id}`);
    return report;
  }

  @Get('reports')
  @Roles('organiser')
  @ApiOperation({ summary: 'The workshop’s reports, newest first (organiser).' })
  list(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string) {
    return this.reports.list(principal, id);
  }

  @Get('reports/:reportId')
  @Roles('organiser')
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/html', 'application/pdf')
  @ApiOperation({ summary: 'A report: status and progress (JSON), or once ready CSV, XLSX, HTML or PDF by Accept (or ?format=).' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Param('reportId', uuid) reportId: string,
    @Query() q: ReportQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const format = q.format ?? negotiate(accept);
    const out = await this.reports.render(principal, id, reportId, format, q.table);
    reply.header('content-type', out.contentType);
    if (out.filename) reply.header('content-disposition', `attachment; filename="${out.filename}"`);
    return out.body;
  }

  @Get('agenda')
  @ApiProduces('application/json', 'text/calendar')
  @ApiOperation({ summary: 'Your own agenda in your own time zone (participants); JSON, or text/calendar (.ics).' })
  async agenda(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Query() q: AgendaQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const ics = q.format ? q.format === 'ics' : /text\/calendar/.test(accept ?? '');
    const out = await this.reports.agenda(principal, id, q.enterpriseId, ics);
    reply.header('content-type', out.contentType);
    if (out.filename) reply.header('content-disposition', `attachment; filename="${out.filename}"`);
    return out.body;
  }
}
