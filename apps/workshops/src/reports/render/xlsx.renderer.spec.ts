import ExcelJS from 'exceljs';
import { demoReportModel } from './examples/demo-workshop.fixture';
import type { WorkshopReportModel } from './report.model';
import { renderReportXlsx } from './xlsx.renderer';

async function open(model: WorkshopReportModel): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderReportXlsx(model)) as unknown as ArrayBuffer);
  return wb;
}

/** Rows of a sheet as arrays of cell values (1-based columns dropped). */
function values(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('renderReportXlsx', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await open(demoReportModel());
  });

  it('re-opens with one sheet per venue and local day, an online sheet and the report sheets', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Needs → offers',
      'Offers → needs',
      'Unmet needs',
      'Kunming 2026-11-24',
      'Kunming 2026-11-25',
      'Islamabad 2026-11-24',
      'Islamabad 2026-11-25',
      'Online',
      'Not scheduled',
    ]);
  });

  it('writes schedule times as the venue’s wall-clock time', () => {
    const rows = values(wb.getWorksheet('Kunming 2026-11-24')!);
    const header = rows.findIndex((r) => String(r[0]).startsWith('Start'));
    const first = rows[header + 1];
    expect((first[0] as Date).toISOString()).toBe('2026-11-24T09:00:00.000Z'); // 09:00 in Kunming (01:00 UTC)
    expect(first[2]).toBe(1);
    expect(String(first[3])).toContain('云南农业科技有限公司');
    expect(String(first[4])).toContain('پنجاب زرعی تحقیقاتی ادارہ');
    const dateCells: ExcelJS.Cell[] = [];
    wb.getWorksheet('Kunming 2026-11-24')!
      .getColumn(1)
      .eachCell((c) => c.value instanceof Date && dateCells.push(c));
    expect(dateCells).toHaveLength(3);
    expect(dateCells.every((c) => c.numFmt === 'hh:mm')).toBe(true);

    const isb = values(wb.getWorksheet('Islamabad 2026-11-24')!);
    const ih = isb.findIndex((r) => String(r[0]).startsWith('Start'));
    expect((isb[ih + 1][0] as Date).toISOString()).toBe('2026-11-24T10:00:00.000Z'); // 10:00 in Islamabad (05:00 UTC)
  });

  it('shows online meetings in UTC and in both sides’ local times', () => {
    const rows = values(wb.getWorksheet('Online')!);
    const data = rows.filter((r) => String(r[12] ?? '').startsWith('mtg-'));
    expect(data.map((r) => r[12])).toEqual(['mtg-007', 'mtg-008', 'mtg-011']);
    expect(data[0].slice(0, 3)).toEqual(['2026-11-24', '06:00', '06:30']);
    expect(data[0][4]).toBe('2026-11-24 14:00–14:30 (UTC+08:00)');
    expect(data[0][6]).toBe('2026-11-24 11:00–11:30 (UTC+05:00)');
  });

  it('lists the matches and the unmet needs with Chinese and Urdu text', () => {
    const matches = values(wb.getWorksheet('Needs → offers')!);
    expect(matches[0][1]).toBe('Need\n需求');
    expect(
      matches.some(
        (r) =>
          r[1] === 'کپاس کے لیے ڈرپ آبپاشی کا نظام' && r[6] === '棉花膜下滴灌与水肥一体化系统' && r[8] === 78,
      ),
    ).toBe(true);
    const unmet = values(wb.getWorksheet('Unmet needs')!);
    expect(unmet.some((r) => r[3] === 'جھینگے کی فارمنگ کے لیے فیڈ ٹیکنالوجی')).toBe(true);
    expect(unmet.length - 1).toBe(demoReportModel().unmetNeeds.reduce((n, g) => n + g.needs.length, 0));
  });

  it('puts a meeting in the sheet of its local day, not its UTC day', async () => {
    const model = demoReportModel();
    const m = model.schedule.meetings[0];
    m.startUtc = '2026-11-24T16:30:00.000Z'; // 00:30 on the 25th in Kunming
    m.endUtc = '2026-11-24T17:00:00.000Z';
    const book = await open(model);
    const day2 = values(book.getWorksheet('Kunming 2026-11-25')!);
    expect(day2.some((r) => r[11] === m.id)).toBe(true);
    expect(values(book.getWorksheet('Kunming 2026-11-24')!).some((r) => r[11] === m.id)).toBe(false);
  });
});
