import { parse } from 'csv-parse/sync';
import { REPORT_CSV_TABLES, csvCell, renderReportCsv } from './csv.renderer';
import { demoReportModel } from './examples/demo-workshop.fixture';

const rowsOf = (csv: string) => parse(csv, { bom: true, relax_column_count: false }) as string[][];

describe('renderReportCsv', () => {
  it('starts with the UTF-8 byte-order mark and uses CRLF line ends', () => {
    const csv = renderReportCsv(demoReportModel());
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n') && !/"[^"]*\n[^"]*"/.test(csv)).toBe(false);
  });

  it('round-trips through a CSV parser with Chinese and Urdu intact', () => {
    const rows = rowsOf(renderReportCsv(demoReportModel()));
    const [header, ...body] = rows;
    expect(header[0]).toBe('Need ID');
    expect(header).toContain('Need / 需求');
    const need02 = body.filter((r) => r[0] === 'need-02');
    expect(need02).toHaveLength(2);
    expect(need02[0][1]).toBe('کپاس کے لیے ڈرپ آبپاشی کا نظام');
    expect(need02[0][4]).toBe('پنجاب زرعی تحقیقاتی ادارہ');
    expect(need02[0][9]).toBe('棉花膜下滴灌与水肥一体化系统');
    expect(need02[0][11]).toBe('云南农业科技有限公司');
    expect(need02[0][12]).toBe('78');
    // a comma inside a name is quoted, not split
    expect(need02[0][10]).toBe('Yunnan Agricultural Science & Technology Co., Ltd.');
    // unmet needs are listed with no offer
    expect(body.find((r) => r[0] === 'need-07')?.[9]).toContain('no offer above the threshold');
  });

  it('neutralises spreadsheet formulas (OWASP CSV injection) but leaves numbers alone', () => {
    const model = demoReportModel();
    model.needs[0].title = '=HYPERLINK("http://evil.example","click")';
    model.needs[0].enterprise.name = '@SUM(1+1)';
    model.needs[0].enterprise.legalName = '+cmd|calc';
    const rows = rowsOf(renderReportCsv(model));
    const r = rows.find((x) => x[0] === 'need-01')!;
    expect(r[1]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(r[3]).toBe(`'@SUM(1+1)`);
    expect(r[4]).toBe(`'+cmd|calc`);
    expect(r[12]).toBe('87');
    // the real offer title "-25 °C mobile cold rooms…" starts with a minus sign
    expect(rows.find((x) => x[0] === 'need-06')![9]).toBe(`'-25 °C mobile cold rooms for fruit and dates`);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('\tx')).toBe(`'\tx`);
  });

  it('quotes quotes, commas and newlines per RFC 4180', () => {
    expect(csvCell('a "b", c\nd')).toBe('"a ""b"", c\nd"');
    const model = demoReportModel();
    model.needs[0].title = 'Line one, "two"\r\nline three';
    const r = rowsOf(renderReportCsv(model)).find((x) => x[0] === 'need-01')!;
    expect(r[1]).toBe('Line one, "two"\r\nline three');
  });

  it.each(REPORT_CSV_TABLES)('renders the %s table as a rectangular CSV', (table) => {
    const rows = rowsOf(renderReportCsv(demoReportModel(), { table }));
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect(r).toHaveLength(rows[0].length);
  });

  it('schedule rows carry local and UTC times', () => {
    const rows = rowsOf(renderReportCsv(demoReportModel(), { table: 'schedule' }));
    const m1 = rows.find((r) => r[19] === 'mtg-001')!;
    expect(m1.slice(0, 5)).toEqual(['Kunming / 昆明', 'Asia/Shanghai', '2026-11-24', '09:00', '09:30']);
    expect(m1[5]).toBe('2026-11-24T01:00:00.000Z');
    const m4 = rows.find((r) => r[19] === 'mtg-004')!;
    expect(m4.slice(0, 5)).toEqual(['Islamabad / 伊斯兰堡', 'Asia/Karachi', '2026-11-24', '10:00', '10:30']);
  });

  it('rejects an unknown table', () => {
    expect(() => renderReportCsv(demoReportModel(), { table: 'nope' as never })).toThrow(/unknown CSV table/);
  });
});
