/**
 * `application/pdf` rendering of a workshop report with pdfkit, A4 landscape. Chinese is drawn with
 * Noto Sans CJK SC and Urdu with Noto Naskh Arabic (see pdf-fonts.ts), Urdu joined by OpenType shaping
 * (fontkit) and ordered right to left by the Unicode bidi algorithm (see bidi-text.layout.ts). Fonts are
 * subset, so the file carries only the glyphs it uses.
 */
import { LABELS, LANGUAGE_NAMES, MODE_LABELS, allLanguages, enZh } from './report-labels';
import { CHART_COLOURS } from './unmet-chart.svg-renderer';
import { isolate } from './bidi-text.layout';
import { PdfCanvas, type TableCell } from './pdf-canvas';
import {
  reasonsLabel,
  scheduleRows,
  scheduleSections,
  unmetChartData,
  unmetTotal,
} from './report-view.builder';
import type { EnterpriseRef, LocalizedText, ScheduledMeeting, WorkshopReportModel } from './report.model';
import { toLocal, utcOffsetLabel } from './time-zone.util';

export const PDF_CONTENT_TYPE = 'application/pdf';

const ACCENT = '#1f4e79';
const MUTED = '#5b6675';

/** Every language of a label on one line; the Urdu part isolated so that it cannot reorder what follows it. */
const ml = (l: LocalizedText, sep = '  ·  ') => allLanguages({ ...l, ur: l.ur && isolate(l.ur) }, sep);

const ent = (e: EnterpriseRef) =>
  e.legalName && e.legalName !== e.name ? `${e.name}\n${e.legalName}` : e.name;

function heading(c: PdfCanvas, l: LocalizedText, size = 13): void {
  c.ensureSpace(size * 4);
  c.y += 6;
  c.paragraph(ml(l), { size, bold: true, color: ACCENT }, 2);
  c.doc
    .save()
    .moveTo(c.left, c.y)
    .lineTo(c.left + c.width, c.y)
    .lineWidth(0.8)
    .strokeColor(ACCENT)
    .stroke()
    .restore();
  c.y += 6;
}

function subheading(c: PdfCanvas, text: string, size = 10.5): void {
  c.ensureSpace(size * 5);
  c.y += 2;
  c.paragraph(text, { size, bold: true }, 2);
}

function titleBlock(c: PdfCanvas, model: WorkshopReportModel): void {
  const w = model.workshop;
  c.paragraph(ml(LABELS.matchReport, '  ·  '), { size: 9, color: MUTED }, 2);
  c.paragraph(w.title.en, { size: 17, bold: true, color: ACCENT }, 0);
  if (w.title['zh-Hans']) c.paragraph(w.title['zh-Hans'], { size: 13, bold: true }, 0);
  if (w.title.ur) c.paragraph(w.title.ur, { size: 13, bold: true, align: 'left' }, 2);
  const at = toLocal(model.generatedAt, 'UTC');
  const venues = w.venues
    .map(
      (v) =>
        `${ml(v.city, ' ')} (${v.timeZone}, ${utcOffsetLabel(`${w.days[0] ?? model.generatedAt.slice(0, 10)}T04:00:00Z`, v.timeZone)})`,
    )
    .join('; ');
  const meta: [LocalizedText, string][] = [
    [LABELS.mode, enZh(MODE_LABELS[w.mode] ?? { en: w.mode })],
    [LABELS.venues, venues],
    [LABELS.date, w.days.join(', ')],
    [LABELS.threshold, `${model.threshold} / 100`],
    [LABELS.generated, `${at.date} ${at.time} UTC · ${model.reportId}`],
  ];
  for (const [k, v] of meta) c.paragraph(`${enZh(k)}: ${v}`, { size: 8.5, color: MUTED }, 0);
  c.y += 8;
}

function summaryCards(c: PdfCanvas, model: WorkshopReportModel): void {
  const cards: [LocalizedText, number][] = [
    [LABELS.needs, model.needs.length],
    [LABELS.offers, model.offers.length],
    [LABELS.matchedNeeds, model.needs.filter((n) => n.bestOffers.length).length],
    [LABELS.unmetNeeds, unmetTotal(model)],
    [{ en: 'Meetings', 'zh-Hans': '洽谈场次', ur: 'ملاقاتیں' }, model.schedule.meetings.length],
  ];
  const gap = 8;
  const w = (c.width - gap * (cards.length - 1)) / cards.length;
  const h = 58;
  c.ensureSpace(h + 8);
  cards.forEach(([l, n], i) => {
    const x = c.left + i * (w + gap);
    c.doc.save().roundedRect(x, c.y, w, h, 4).lineWidth(0.6).strokeColor('#c9d2dc').stroke().restore();
    c.drawLine(String(n), x + 8, c.y + 20, w - 16, { size: 16, bold: true, color: ACCENT });
    c.drawLine(enZh(l), x + 8, c.y + 34, w - 16, { size: 8 });
    if (l.ur) c.drawLine(l.ur, x + 8, c.y + 50, w - 16, { size: 8, color: MUTED, align: 'left' });
  });
  c.y += h + 10;
}

function sectorCounts(c: PdfCanvas, model: WorkshopReportModel): void {
  heading(c, LABELS.sectorCounts);
  c.table(
    [
      { header: enZh(LABELS.sector, '\n'), width: 330 },
      { header: 'Code', width: 100 },
      { header: enZh(LABELS.offers, '\n'), width: 90, align: 'right' },
      { header: enZh(LABELS.needs, '\n'), width: 90, align: 'right' },
      { header: enZh(LABELS.matchedNeeds, '\n'), width: 100, align: 'right' },
    ],
    model.sectorCounts.map((s) => [
      ml(s.sector.labels, '  ·  '),
      s.sector.code,
      String(s.offers),
      String(s.needs),
      String(s.matchedNeeds),
    ]),
  );
}

function unmetChart(c: PdfCanvas, model: WorkshopReportModel): void {
  const data = unmetChartData(model);
  subheading(c, ml(LABELS.unmetChart, '  ·  '));
  if (!data.sectors.length) {
    c.paragraph('No unmet needs / 无未满足的需求', { size: 9, color: MUTED });
    return;
  }
  const rowH = 20;
  const labelW = 250;
  const barW = Math.min(380, c.width - labelW - 40);
  const legendCols = 3;
  const legendH = Math.ceil(data.provinces.length / legendCols) * 16;
  c.ensureSpace(data.sectors.length * rowH + legendH + 16);
  const colour = new Map(data.provinces.map((p, i) => [p.code, CHART_COLOURS[i % CHART_COLOURS.length]]));
  const unit = barW / Math.max(1, data.max);
  for (const s of data.sectors) {
    c.drawLine(enZh(s.sector.labels, ' '), c.left, c.y + 13, labelW - 8, { size: 8.5, align: 'right' });
    let x = c.left + labelW;
    for (const seg of s.segments) {
      const w = seg.count * unit;
      c.doc
        .save()
        .rect(x, c.y + 3, w, rowH - 6)
        .fill(colour.get(seg.province) ?? '#999')
        .restore();
      if (w > 14)
        c.drawLine(String(seg.count), x, c.y + 13, w, { size: 7.5, color: '#ffffff', align: 'center' });
      x += w;
    }
    c.drawLine(String(s.total), x + 5, c.y + 13, 30, { size: 8.5, bold: true });
    c.y += rowH;
  }
  c.y += 4;
  const colW = c.width / legendCols;
  data.provinces.forEach((p, i) => {
    const x = c.left + (i % legendCols) * colW;
    const y = c.y + Math.floor(i / legendCols) * 16;
    c.doc
      .save()
      .rect(x, y + 2, 9, 9)
      .fill(colour.get(p.code) ?? '#999')
      .restore();
    c.drawLine(ml(p.labels, ' '), x + 13, y + 10, colW - 16, { size: 7.5, align: 'left', direction: 'ltr' });
  });
  c.y += legendH + 8;
}

function unmetTable(c: PdfCanvas, model: WorkshopReportModel): void {
  heading(c, LABELS.unmetNeeds);
  c.paragraph(
    `Needs with no Chinese offer scoring ${model.threshold} or more: what to recruit for next time. / 没有得分达到${model.threshold}分的中方技术的需求，供下次招募参考。`,
    { size: 8.5, color: MUTED },
  );
  unmetChart(c, model);
  c.table(
    [
      { header: enZh(LABELS.sector, '\n'), width: 130 },
      { header: enZh(LABELS.province, '\n'), width: 110 },
      { header: enZh(LABELS.need, '\n'), width: 190 },
      { header: enZh(LABELS.enterprise, '\n'), width: 170 },
      { header: enZh(LABELS.bestScore, '\n'), width: 50, align: 'right' },
      { header: enZh(LABELS.nearMiss, '\n'), width: 160 },
    ],
    model.unmetNeeds.flatMap((g) =>
      g.needs.map((n) => [
        enZh(g.sector.labels, '\n'),
        g.province ? ml(g.province.labels, '\n') : '—',
        n.title,
        ent(n.enterprise),
        n.bestScore == null ? '—' : String(n.bestScore),
        n.nearMiss ?? '',
      ]),
    ),
  );
}

function needsTable(c: PdfCanvas, model: WorkshopReportModel): void {
  heading(c, LABELS.needsToOffers);
  const rows: TableCell[][] = [];
  for (const n of model.needs) {
    const need = `${n.title}\n${ent(n.enterprise)}`;
    const where = `${n.province ? enZh(n.province.labels) : ''}\n${n.sectors.map((s) => enZh(s.labels)).join('; ')}`;
    if (!n.bestOffers.length)
      rows.push([{ text: need }, where, '', { text: enZh(LABELS.noMatch), color: MUTED }, '', '']);
    n.bestOffers.forEach((o, i) =>
      rows.push([
        i === 0 ? { text: need } : { text: '〃', color: MUTED },
        i === 0 ? where : '',
        String(i + 1),
        `${o.title}\n${ent(o.enterprise)}`,
        { text: String(o.score), bold: true },
        `${reasonsLabel(o, 'en')}\n${reasonsLabel(o, 'zh-Hans')}`,
      ]),
    );
  }
  c.table(
    [
      { header: enZh(LABELS.need, '\n'), width: 190 },
      { header: `${enZh(LABELS.province)}\n${enZh(LABELS.sector)}`, width: 120 },
      { header: '#', width: 22, align: 'right' },
      { header: enZh(LABELS.offer, '\n'), width: 190 },
      { header: enZh(LABELS.score, '\n'), width: 40, align: 'right' },
      { header: enZh(LABELS.reasons, '\n'), width: 200 },
    ],
    rows,
  );
}

function offersTable(c: PdfCanvas, model: WorkshopReportModel): void {
  heading(c, LABELS.offersToNeeds);
  const rows: TableCell[][] = [];
  for (const o of model.offers) {
    const offer = `${o.title}\n${ent(o.enterprise)}`;
    const sectors = o.sectors.map((s) => enZh(s.labels)).join('\n');
    if (!o.bestNeeds.length) rows.push([offer, sectors, '', { text: '—', color: MUTED }, '']);
    o.bestNeeds.forEach((n, i) =>
      rows.push([
        i === 0 ? offer : { text: '〃', color: MUTED },
        i === 0 ? sectors : '',
        String(i + 1),
        `${n.title}\n${ent(n.enterprise)}`,
        { text: String(n.score), bold: true },
      ]),
    );
  }
  c.table(
    [
      { header: enZh(LABELS.offer, '\n'), width: 250 },
      { header: enZh(LABELS.sector, '\n'), width: 150 },
      { header: '#', width: 22, align: 'right' },
      { header: enZh(LABELS.need, '\n'), width: 280 },
      { header: enZh(LABELS.score, '\n'), width: 60, align: 'right' },
    ],
    rows,
  );
}

function interpreterText(m: ScheduledMeeting): string {
  if (m.interpreter) return m.interpreter.languages.map((l) => LANGUAGE_NAMES[l]?.en ?? l).join('–');
  const common = m.a.languages.filter((l) => m.b.languages.includes(l));
  return common.length ? `— (${common.map((l) => LANGUAGE_NAMES[l]?.en ?? l).join(', ')})` : '—';
}

function scheduleTables(c: PdfCanvas, model: WorkshopReportModel): void {
  c.addPage();
  heading(c, LABELS.schedule);
  c.paragraph('★ = mutual wish / 双向意向. Times are local to the venue. / 时间为会场当地时间。', {
    size: 8.5,
    color: MUTED,
  });
  for (const section of scheduleSections(model)) {
    const rows = scheduleRows(section);
    const v = section.venue;
    if (v) {
      subheading(
        c,
        `${ml(v.city, ' ')} · ${section.day}  (${v.timeZone}, ${utcOffsetLabel(section.meetings[0].startUtc, v.timeZone)}${v.name ? ` · ${v.name.en}` : ''})`,
      );
      c.table(
        [
          { header: enZh(LABELS.time, '\n'), width: 62 },
          { header: enZh(LABELS.table, '\n'), width: 34, align: 'right' },
          { header: enZh(LABELS.chineseSide, '\n'), width: 150 },
          { header: enZh(LABELS.pakistaniSide, '\n'), width: 150 },
          { header: enZh(LABELS.interpreter, '\n'), width: 88 },
          { header: enZh(LABELS.score, '\n'), width: 40, align: 'right' },
          { header: enZh(LABELS.topic, '\n'), width: 160 },
          { header: enZh(LABELS.why, '\n'), width: 130 },
        ],
        rows.map((r) => {
          const m = r.meeting;
          return [
            `${r.start}–${r.end}`,
            String(m.table ?? ''),
            ent(m.a.enterprise),
            ent(m.b.enterprise),
            interpreterText(m),
            { text: `${m.score}${m.mutual ? ' ★' : ''}`, bold: true },
            m.topic,
            { text: m.why, color: MUTED },
          ];
        }),
      );
    } else {
      subheading(c, `${ml(LABELS.online, ' ')}  (UTC · local time of each side / 各方当地时间)`);
      c.table(
        [
          { header: 'UTC', width: 80 },
          { header: enZh({ en: 'Local times', 'zh-Hans': '当地时间' }, '\n'), width: 100 },
          { header: enZh(LABELS.chineseSide, '\n'), width: 140 },
          { header: enZh(LABELS.pakistaniSide, '\n'), width: 140 },
          { header: enZh(LABELS.interpreter, '\n'), width: 84 },
          { header: enZh(LABELS.score, '\n'), width: 40, align: 'right' },
          { header: enZh(LABELS.topic, '\n'), width: 150 },
          { header: enZh(LABELS.why, '\n'), width: 110 },
        ],
        rows.map((r) => {
          const m = r.meeting;
          return [
            `${r.date}\n${r.start}–${r.end}`,
            r.localTimes.map((t) => `${t.start}–${t.end} UTC${t.offset}`).join('\n'),
            ent(m.a.enterprise),
            ent(m.b.enterprise),
            interpreterText(m),
            { text: `${m.score}${m.mutual ? ' ★' : ''}`, bold: true },
            m.topic,
            { text: m.why, color: MUTED },
          ];
        }),
      );
    }
  }
  const wishes = model.schedule.unscheduledWishes;
  if (wishes.length) {
    heading(c, LABELS.unscheduledWishes, 11);
    c.table(
      [
        { header: enZh(LABELS.chineseSide, '\n'), width: 190 },
        { header: enZh(LABELS.pakistaniSide, '\n'), width: 190 },
        { header: 'Code', width: 120 },
        { header: enZh(LABELS.reason, '\n'), width: 300 },
      ],
      wishes.map((w) => [ent(w.a.enterprise), ent(w.b.enterprise), w.reasonCode, w.reason]),
    );
  }
}

/** The report as a PDF (A4 landscape). */
export async function renderReportPdf(model: WorkshopReportModel): Promise<Buffer> {
  const c = new PdfCanvas({
    title: `${LABELS.matchReport.en} — ${model.workshop.title.en}`,
    creationDate: new Date(model.generatedAt),
  });
  titleBlock(c, model);
  summaryCards(c, model);
  sectorCounts(c, model);
  unmetTable(c, model);
  needsTable(c, model);
  offersTable(c, model);
  scheduleTables(c, model);
  c.footer(`TechBridge · ${model.workshop.title.en} · ${enZh(LABELS.matchReport)} · ${model.reportId}`);
  return c.end();
}
