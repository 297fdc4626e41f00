/**
 * `text/csv` rendering of a workshop report: UTF-8 with a byte-order mark (so that Excel opens Chinese
 * and Urdu correctly), RFC 4180 quoting and CRLF line ends, and cells that Excel would read as formulas
 * neutralised (OWASP "CSV injection": a text cell starting with = + - @ tab or CR gets a leading ').
 *
 * A CSV file holds one table; `table` picks which one (the HTTP layer can map `?table=` to it).
 */
import { LABELS, enZh } from './report-labels';
import { reasonsLabel, scheduleRows, scheduleSections, sectorsLabel } from './report-view.builder';
import type { LocalizedText, WorkshopReportModel } from './report.model';

export type CsvCell = string | number | boolean | null | undefined;

export const REPORT_CSV_TABLES = [
  'matches',
  'offers',
  'unmet',
  'sectors',
  'schedule',
  'unscheduled',
] as const;
export type ReportCsvTable = (typeof REPORT_CSV_TABLES)[number];

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, quoted when RFC 4180 needs it, with formula triggers neutralised in text cells. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = typeof value === 'boolean' ? (value ? 'yes' : 'no') : value;
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows → CSV text with the BOM and CRLF line ends. */
export function toCsv(rows: CsvCell[][]): string {
  return BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const h = (l: LocalizedText) => enZh(l);

function matches(model: WorkshopReportModel): CsvCell[][] {
  const rows: CsvCell[][] = [
    [
      'Need ID',
      h(LABELS.need),
      'Need language',
      `${h(LABELS.pakistaniSide)}`,
      'Legal name / 法定名称',
      h(LABELS.province),
      h(LABELS.sector),
      h(LABELS.rank),
      'Offer ID',
      h(LABELS.offer),
      h(LABELS.chineseSide),
      'Legal name / 法定名称',
      h(LABELS.score),
      `${LABELS.reasons.en}`,
      `${LABELS.reasons['zh-Hans']}`,
    ],
  ];
  for (const n of model.needs) {
    const base = [
      n.id,
      n.title,
      n.language,
      n.enterprise.name,
      n.enterprise.legalName,
      n.province ? enZh(n.province.labels) : '',
      sectorsLabel(n.sectors),
    ];
    if (!n.bestOffers.length) rows.push([...base, '', '', enZh(LABELS.noMatch), '', '', '', '', '']);
    n.bestOffers.forEach((o, i) =>
      rows.push([
        ...base,
        i + 1,
        o.id,
        o.title,
        o.enterprise.name,
        o.enterprise.legalName,
        o.score,
        reasonsLabel(o, 'en'),
        reasonsLabel(o, 'zh-Hans'),
      ]),
    );
  }
  return rows;
}

function offers(model: WorkshopReportModel): CsvCell[][] {
  const rows: CsvCell[][] = [
    [
      'Offer ID',
      h(LABELS.offer),
      'Offer language',
      h(LABELS.chineseSide),
      'Legal name / 法定名称',
      h(LABELS.sector),
      'Target regions / 目标地区',
      h(LABELS.rank),
      'Need ID',
      h(LABELS.need),
      h(LABELS.pakistaniSide),
      'Legal name / 法定名称',
      h(LABELS.score),
      `${LABELS.reasons.en}`,
      `${LABELS.reasons['zh-Hans']}`,
    ],
  ];
  for (const o of model.offers) {
    const base = [
      o.id,
      o.title,
      o.language,
      o.enterprise.name,
      o.enterprise.legalName,
      sectorsLabel(o.sectors),
      o.targetRegions.map((r) => r.code).join(' '),
    ];
    if (!o.bestNeeds.length) rows.push([...base, '', '', '', '', '', '', '', '']);
    o.bestNeeds.forEach((n, i) =>
      rows.push([
        ...base,
        i + 1,
        n.id,
        n.title,
        n.enterprise.name,
        n.enterprise.legalName,
        n.score,
        reasonsLabel(n, 'en'),
        reasonsLabel(n, 'zh-Hans'),
      ]),
    );
  }
  return rows;
}

function unmet(model: WorkshopReportModel): CsvCell[][] {
  const rows: CsvCell[][] = [
    [
      h(LABELS.sector),
      'Sector code',
      h(LABELS.province),
      'Province code',
      'Need ID',
      h(LABELS.need),
      h(LABELS.enterprise),
      'Legal name / 法定名称',
      h(LABELS.bestScore),
      h(LABELS.nearMiss),
    ],
  ];
  for (const g of model.unmetNeeds)
    for (const n of g.needs)
      rows.push([
        enZh(g.sector.labels),
        g.sector.code,
        g.province ? enZh(g.province.labels) : '',
        g.province?.code ?? '',
        n.id,
        n.title,
        n.enterprise.name,
        n.enterprise.legalName,
        n.bestScore,
        n.nearMiss ?? '',
      ]);
  return rows;
}

function sectors(model: WorkshopReportModel): CsvCell[][] {
  const rows: CsvCell[][] = [
    [h(LABELS.sector), 'Sector code', h(LABELS.offers), h(LABELS.needs), h(LABELS.matchedNeeds)],
  ];
  for (const c of model.sectorCounts)
    rows.push([enZh(c.sector.labels), c.sector.code, c.offers, c.needs, c.matchedNeeds]);
  return rows;
}

function schedule(model: WorkshopReportModel): CsvCell[][] {
  const rows: CsvCell[][] = [
    [
      'Venue / 会场',
      'Time zone',
      h(LABELS.date),
      'Start (local) / 开始',
      'End (local) / 结束',
      'Start (UTC)',
      'End (UTC)',
      h(LABELS.table),
      h(LABELS.chineseSide),
      'Legal name / 法定名称',
      'Local time (CN side)',
      h(LABELS.pakistaniSide),
      'Legal name / 法定名称',
      'Local time (PK side)',
      h(LABELS.interpreter),
      h(LABELS.score),
      h(LABELS.mutual),
      h(LABELS.topic),
      h(LABELS.why),
      'Meeting ID',
    ],
  ];
  for (const section of scheduleSections(model)) {
    for (const r of scheduleRows(section)) {
      const m = r.meeting;
      const [la, lb] = r.localTimes.map((t) => `${t.date} ${t.start}–${t.end} UTC${t.offset}`);
      rows.push([
        enZh(section.venue ? section.venue.city : LABELS.online),
        section.timeZone,
        r.date,
        r.start,
        r.end,
        m.startUtc,
        m.endUtc,
        m.table,
        m.a.enterprise.name,
        m.a.enterprise.legalName,
        la,
        m.b.enterprise.name,
        m.b.enterprise.legalName,
        lb,
        m.interpreter ? m.interpreter.languages.join('–') : '',
        m.score,
        m.mutual,
        m.topic,
        m.why,
        m.id,
      ]);
    }
  }
  return rows;
}

function unscheduled(model: WorkshopReportModel): CsvCell[][] {
  const rows: CsvCell[][] = [
    [
      h(LABELS.chineseSide),
      'Legal name / 法定名称',
      h(LABELS.pakistaniSide),
      'Legal name / 法定名称',
      'Reason code',
      h(LABELS.reason),
    ],
  ];
  for (const w of model.schedule.unscheduledWishes)
    rows.push([
      w.a.enterprise.name,
      w.a.enterprise.legalName,
      w.b.enterprise.name,
      w.b.enterprise.legalName,
      w.reasonCode,
      w.reason,
    ]);
  return rows;
}

const TABLES: Record<ReportCsvTable, (m: WorkshopReportModel) => CsvCell[][]> = {
  matches,
  offers,
  unmet,
  sectors,
  schedule,
  unscheduled,
};

/** The report as CSV (default table: every need with its best offers, one row per pair). */
export function renderReportCsv(
  model: WorkshopReportModel,
  options: { table?: ReportCsvTable } = {},
): string {
  const table = options.table ?? 'matches';
  const build = TABLES[table];
  if (!build)
    throw new RangeError(`unknown CSV table ${String(table)}; one of ${REPORT_CSV_TABLES.join(', ')}`);
  return toCsv(build(model));
}
