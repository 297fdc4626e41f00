/**
 * XLSX rendering of a workshop report with exceljs: a summary sheet, the matches both ways, the unmet
 * needs, one sheet per venue and local day for the schedule (times are the venue's wall-clock times),
 * one sheet for the online meetings (UTC plus each side's local time) and the wishes not scheduled.
 */
import ExcelJS from 'exceljs';
import { LABELS, MODE_LABELS, allLanguages, enZh } from './report-labels';
import {
  reasonsLabel,
  scheduleRows,
  scheduleSections,
  sectorsLabel,
  sheetName,
  unmetTotal,
} from './report-view.builder';
import type { LocalizedText, WorkshopReportModel } from './report.model';
import { paragraphDirection } from './text-direction.util';
import { toLocal } from './time-zone.util';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Cell = string | number | boolean | Date | null | undefined;
interface Column {
  header: LocalizedText | string;
  width: number;
  /** Excel number format, e.g. `hh:mm` */
  numFmt?: string;
  wrap?: boolean;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };

/** A local wall-clock time as an Excel date value (Excel dates have no zone: the serial is the wall time). */
function wallClock(utc: string, timeZone: string): Date {
  const l = toLocal(utc, timeZone);
  return new Date(`${l.date}T${l.time}:00Z`);
}

function addTable(
  ws: ExcelJS.Worksheet,
  columns: Column[],
  rows: Cell[][],
  opts: { filterAndFreeze?: boolean } = {},
): void {
  const startRow = ws.rowCount + 1;
  const header = ws.getRow(startRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = typeof c.header === 'string' ? c.header : enZh(c.header, '\n');
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    const col = ws.getColumn(i + 1);
    col.width = Math.max(col.width ?? 0, c.width);
  });
  header.height = 30;
  rows.forEach((r, ri) => {
    const row = ws.getRow(startRow + 1 + ri);
    r.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v ?? null;
      const col = columns[i];
      if (col?.numFmt) cell.numFmt = col.numFmt;
      const rtl = typeof v === 'string' && paragraphDirection(v) === 'rtl';
      cell.alignment = {
        vertical: 'top',
        wrapText: col?.wrap ?? false,
        ...(rtl ? { readingOrder: 'rtl', horizontal: 'right' } : {}),
      };
    });
  });
  if (opts.filterAndFreeze === false) return;
  if (rows.length) {
    ws.autoFilter = {
      from: { row: startRow, column: 1 },
      to: { row: startRow + rows.length, column: columns.length },
    };
  }
  ws.views = [{ state: 'frozen', ySplit: startRow }];
}

function titleRows(ws: ExcelJS.Worksheet, title: LocalizedText, subtitle?: string): void {
  ws.addRow([title.en]).font = { bold: true, size: 14 };
  if (title['zh-Hans']) ws.addRow([title['zh-Hans']]).font = { bold: true, size: 12 };
  if (title.ur) {
    const r = ws.addRow([title.ur]);
    r.font = { bold: true, size: 12 };
    r.getCell(1).alignment = { readingOrder: 'rtl' };
  }
  if (subtitle) ws.addRow([subtitle]).font = { italic: true, color: { argb: 'FF555555' } };
  ws.addRow([]);
}

/** The report as an XLSX workbook (a Buffer). */
export async function renderReportXlsx(model: WorkshopReportModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'TechBridge';
  wb.title = model.workshop.title.en;
  wb.created = wb.modified = new Date(model.generatedAt);
  const taken = new Set<string>();

  // Summary + per-sector counts
  const summary = wb.addWorksheet(sheetName('Summary', taken));
  titleRows(summary, model.workshop.title);
  const venues = model.workshop.venues
    .map((v) => `${allLanguages(v.city)} (${v.timeZone}, ${toLocal(model.generatedAt, v.timeZone).offset})`)
    .join('; ');
  for (const [k, v] of [
    [LABELS.matchReport, model.reportId],
    [LABELS.generated, model.generatedAt],
    [LABELS.mode, enZh(MODE_LABELS[model.workshop.mode] ?? { en: model.workshop.mode })],
    [LABELS.venues, venues],
    [{ en: 'Days', 'zh-Hans': '日期' }, model.workshop.days.join(', ')],
    [LABELS.threshold, model.threshold],
    [LABELS.needs, model.needs.length],
    [LABELS.offers, model.offers.length],
    [LABELS.unmetNeeds, unmetTotal(model)],
    [{ en: 'Meetings', 'zh-Hans': '洽谈场次' }, model.schedule.meetings.length],
  ] as [LocalizedText, Cell][]) {
    const r = summary.addRow([enZh(k), v]);
    r.getCell(1).font = { bold: true };
  }
  summary.addRow([]);
  summary.addRow([allLanguages(LABELS.sectorCounts)]).font = { bold: true, size: 12 };
  addTable(
    summary,
    [
      { header: LABELS.sector, width: 34 },
      { header: 'Code', width: 14 },
      { header: LABELS.offers, width: 14 },
      { header: LABELS.needs, width: 14 },
      { header: LABELS.matchedNeeds, width: 16 },
    ],
    model.sectorCounts.map((c) => [enZh(c.sector.labels), c.sector.code, c.offers, c.needs, c.matchedNeeds]),
    { filterAndFreeze: false },
  );

  // Needs → offers
  const needsWs = wb.addWorksheet(sheetName('Needs → offers', taken));
  addTable(
    needsWs,
    [
      { header: 'Need ID', width: 10 },
      { header: LABELS.need, width: 44, wrap: true },
      { header: LABELS.pakistaniSide, width: 34, wrap: true },
      { header: LABELS.province, width: 18 },
      { header: LABELS.sector, width: 26, wrap: true },
      { header: LABELS.rank, width: 7 },
      { header: LABELS.offer, width: 44, wrap: true },
      { header: LABELS.chineseSide, width: 34, wrap: true },
      { header: LABELS.score, width: 8 },
      { header: LABELS.reasons, width: 60, wrap: true },
    ],
    model.needs.flatMap((n) => {
      const base: Cell[] = [
        n.id,
        n.title,
        `${n.enterprise.name}\n${n.enterprise.legalName}`,
        n.province ? enZh(n.province.labels) : '',
        sectorsLabel(n.sectors),
      ];
      if (!n.bestOffers.length) return [[...base, null, enZh(LABELS.noMatch), null, null, null]];
      return n.bestOffers.map((o, i) => [
        ...base,
        i + 1,
        o.title,
        `${o.enterprise.name}\n${o.enterprise.legalName}`,
        o.score,
        `${reasonsLabel(o, 'en')}\n${reasonsLabel(o, 'zh-Hans')}`,
      ]);
    }),
  );

  // Offers → needs
  const offersWs = wb.addWorksheet(sheetName('Offers → needs', taken));
  addTable(
    offersWs,
    [
      { header: 'Offer ID', width: 10 },
      { header: LABELS.offer, width: 44, wrap: true },
      { header: LABELS.chineseSide, width: 34, wrap: true },
      { header: LABELS.sector, width: 26, wrap: true },
      { header: LABELS.rank, width: 7 },
      { header: LABELS.need, width: 44, wrap: true },
      { header: LABELS.pakistaniSide, width: 34, wrap: true },
      { header: LABELS.score, width: 8 },
      { header: LABELS.reasons, width: 60, wrap: true },
    ],
    model.offers.flatMap((o) => {
      const base: Cell[] = [
        o.id,
        o.title,
        `${o.enterprise.name}\n${o.enterprise.legalName}`,
        sectorsLabel(o.sectors),
      ];
      if (!o.bestNeeds.length) return [[...base, null, null, null, null, null]];
      return o.bestNeeds.map((n, i) => [
        ...base,
        i + 1,
        n.title,
        `${n.enterprise.name}\n${n.enterprise.legalName}`,
        n.score,
        `${reasonsLabel(n, 'en')}\n${reasonsLabel(n, 'zh-Hans')}`,
      ]);
    }),
  );

  // Unmet needs
  const unmetWs = wb.addWorksheet(sheetName('Unmet needs', taken));
  addTable(
    unmetWs,
    [
      { header: LABELS.sector, width: 28 },
      { header: LABELS.province, width: 22 },
      { header: 'Need ID', width: 10 },
      { header: LABELS.need, width: 44, wrap: true },
      { header: LABELS.enterprise, width: 34, wrap: true },
      { header: LABELS.bestScore, width: 10 },
      { header: LABELS.nearMiss, width: 44, wrap: true },
    ],
    model.unmetNeeds.flatMap((g) =>
      g.needs.map((n) => [
        enZh(g.sector.labels),
        g.province ? enZh(g.province.labels) : '',
        n.id,
        n.title,
        `${n.enterprise.name}\n${n.enterprise.legalName}`,
        n.bestScore,
        n.nearMiss ?? '',
      ]),
    ),
  );

  // Schedule: one sheet per venue and local day, then one for the online meetings
  for (const section of scheduleSections(model)) {
    const venue = section.venue;
    const ws = wb.addWorksheet(
      sheetName(venue ? `${venue.city.en} ${section.day}` : LABELS.online.en, taken),
    );
    const rows = scheduleRows(section);
    if (venue) {
      titleRows(
        ws,
        {
          en: `${venue.city.en} · ${section.day}`,
          'zh-Hans': venue.city['zh-Hans'] && `${venue.city['zh-Hans']} · ${section.day}`,
          ur: venue.city.ur,
        },
        `${LABELS.schedule.en} / ${LABELS.schedule['zh-Hans']} — times in ${venue.timeZone} (UTC${toLocal(section.meetings[0].startUtc, venue.timeZone).offset})`,
      );
      addTable(
        ws,
        [
          { header: { en: 'Start', 'zh-Hans': '开始' }, width: 8, numFmt: 'hh:mm' },
          { header: { en: 'End', 'zh-Hans': '结束' }, width: 8, numFmt: 'hh:mm' },
          { header: LABELS.table, width: 7 },
          { header: LABELS.chineseSide, width: 36, wrap: true },
          { header: LABELS.pakistaniSide, width: 36, wrap: true },
          { header: LABELS.interpreter, width: 14 },
          { header: LABELS.score, width: 8 },
          { header: LABELS.mutual, width: 9 },
          { header: LABELS.topic, width: 50, wrap: true },
          { header: LABELS.why, width: 50, wrap: true },
          { header: 'Start (UTC)', width: 20 },
          { header: 'Meeting ID', width: 10 },
        ],
        rows.map((r) => {
          const m = r.meeting;
          return [
            wallClock(m.startUtc, section.timeZone),
            wallClock(m.endUtc, section.timeZone),
            m.table,
            `${m.a.enterprise.name}\n${m.a.enterprise.legalName}`,
            `${m.b.enterprise.name}\n${m.b.enterprise.legalName}`,
            m.interpreter ? m.interpreter.languages.join('–') : '',
            m.score,
            m.mutual ? 'yes' : '',
            m.topic,
            m.why,
            m.startUtc,
            m.id,
          ];
        }),
      );
    } else {
      titleRows(ws, LABELS.online, 'Times in UTC and in each side’s own time zone / 时间为UTC及双方当地时间');
      addTable(
        ws,
        [
          { header: { en: 'Date (UTC)', 'zh-Hans': '日期（UTC）' }, width: 12 },
          { header: { en: 'Start (UTC)', 'zh-Hans': '开始（UTC）' }, width: 10 },
          { header: { en: 'End (UTC)', 'zh-Hans': '结束（UTC）' }, width: 10 },
          { header: LABELS.chineseSide, width: 36, wrap: true },
          { header: { en: 'Local time (CN side)', 'zh-Hans': '中方当地时间' }, width: 24 },
          { header: LABELS.pakistaniSide, width: 36, wrap: true },
          { header: { en: 'Local time (PK side)', 'zh-Hans': '巴方当地时间' }, width: 24 },
          { header: LABELS.interpreter, width: 14 },
          { header: LABELS.score, width: 8 },
          { header: LABELS.mutual, width: 9 },
          { header: LABELS.topic, width: 50, wrap: true },
          { header: LABELS.why, width: 50, wrap: true },
          { header: 'Meeting ID', width: 10 },
        ],
        rows.map((r) => {
          const m = r.meeting;
          const [la, lb] = r.localTimes.map((t) => `${t.date} ${t.start}–${t.end} (UTC${t.offset})`);
          return [
            r.date,
            r.start,
            r.end,
            `${m.a.enterprise.name}\n${m.a.enterprise.legalName}`,
            la,
            `${m.b.enterprise.name}\n${m.b.enterprise.legalName}`,
            lb,
            m.interpreter ? m.interpreter.languages.join('–') : '',
            m.score,
            m.mutual ? 'yes' : '',
            m.topic,
            m.why,
            m.id,
          ];
        }),
      );
    }
  }

  if (model.schedule.unscheduledWishes.length) {
    const ws = wb.addWorksheet(sheetName('Not scheduled', taken));
    addTable(
      ws,
      [
        { header: LABELS.chineseSide, width: 36, wrap: true },
        { header: LABELS.pakistaniSide, width: 36, wrap: true },
        { header: 'Reason code', width: 24 },
        { header: LABELS.reason, width: 70, wrap: true },
      ],
      model.schedule.unscheduledWishes.map((w) => [
        `${w.a.enterprise.name}\n${w.a.enterprise.legalName}`,
        `${w.b.enterprise.name}\n${w.b.enterprise.legalName}`,
        w.reasonCode,
        w.reason,
      ]),
    );
  }

  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
