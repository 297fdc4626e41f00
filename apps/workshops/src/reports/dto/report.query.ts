import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { REPORT_CSV_TABLES, ReportCsvTable } from '../render';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class ReportQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'Instead of the Accept header.' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;

  @ApiPropertyOptional({ enum: REPORT_CSV_TABLES, description: 'CSV only: which table (default: matches).' })
  @IsOptional()
  @IsIn(REPORT_CSV_TABLES)
  table?: ReportCsvTable;
}

export class AgendaQuery {
  @ApiPropertyOptional({ enum: ['json', 'ics'], description: 'Instead of the Accept header (text/calendar).' })
  @IsOptional()
  @IsIn(['json', 'ics'])
  format?: 'json' | 'ics';

  @ApiPropertyOptional({ format: 'uuid', description: 'Organisers: whose agenda (participants always get their own).' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}
