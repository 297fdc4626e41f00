import { DEMO_PARTICIPANTS, demoAgendaModel } from './examples/demo-workshop.fixture';
import { escapeIcsText, foldIcsLine, renderAgendaIcs } from './ics.renderer';

interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** Minimal RFC 5545 reader for the tests: unfolds, splits components, unescapes TEXT. */
function parseIcs(ics: string): { calendar: IcsProperty[]; events: Record<string, string>[] } {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  const lines = unfolded.split('\r\n').filter(Boolean);
  const calendar: IcsProperty[] = [];
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  const stack: string[] = [];
  for (const line of lines) {
    const m = /^([A-Z0-9-]+)((?:;[^:;]+=[^:;]*)*):(.*)$/.exec(line);
    if (!m) throw new Error(`bad content line: ${line}`);
    const [, name, rawParams, value] = m;
    if (name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') current = {};
      continue;
    }
    if (name === 'END') {
      if (stack.pop() !== value) throw new Error(`unbalanced END:${value}`);
      if (value === 'VEVENT' && current) {
        events.push(current);
        current = null;
      }
      continue;
    }
    const unescaped = value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    if (current) current[name] = unescaped;
    else
      calendar.push({
        name,
        params: Object.fromEntries(
          rawParams
            .split(';')
            .filter(Boolean)
            .map((p) => p.split('=') as [string, string]),
        ),
        value: unescaped,
      });
  }
  if (stack.length) throw new Error('unterminated component');
  return { calendar, events };
}

describe('renderAgendaIcs', () => {
  const model = demoAgendaModel(DEMO_PARTICIPANTS.punjabResearch);
  const ics = renderAgendaIcs(model);

  it('is a VCALENDAR with one VEVENT per meeting and the required properties', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const { events } = parseIcs(ics);
    expect(events).toHaveLength(model.meetings.length);
    expect(events.length).toBeGreaterThan(1);
    for (const e of events)
      for (const p of ['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'LOCATION', 'DESCRIPTION'])
        expect(e[p]).toBeDefined();
    expect(new Set(events.map((e) => e.UID)).size).toBe(events.length);
  });

  it('gives the times in UTC', () => {
    const { events } = parseIcs(ics);
    const first = events.find((e) => e.UID.startsWith('mtg-001.'))!;
    expect(first.DTSTART).toBe('20261124T010000Z'); // 09:00 in Kunming
    expect(first.DTEND).toBe('20261124T013000Z');
    expect(first.DTSTAMP).toBe('20261120T083000Z');
    expect(first.LOCATION).toBe('Kunming 昆明, Dianchi International Convention Center, table 1');
    expect(first.SUMMARY).toBe(
      'Meeting: Yunnan Agricultural Science & Technology Co., Ltd. (云南农业科技有限公司)',
    );
    expect(first.DESCRIPTION).toContain(
      'Your time / 您的当地时间: 2026-11-24 09:00–09:30 (Asia/Shanghai, UTC+08:00)',
    );
  });

  it('folds every line at 75 octets without breaking a character, and unfolds to the original', () => {
    const physical = ics.split('\r\n');
    expect(physical.some((l) => Buffer.byteLength(l) > 70)).toBe(true); // there is something to fold
    for (const l of physical) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);
    expect(physical.join('\r\n')).not.toContain('\uFFFD');
    const long = `DESCRIPTION:${'پنجاب زرعی تحقیقاتی ادارہ 云南农业科技有限公司 '.repeat(6)}`;
    const folded = foldIcsLine(long);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('escapes TEXT values and round-trips them', () => {
    expect(escapeIcsText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const m = demoAgendaModel(DEMO_PARTICIPANTS.punjabResearch);
    m.meetings[0].topic = 'Seeds; irrigation, pumps \\ "quotes"\nline 2';
    m.meetings[0].counterpart.name = 'A, B; C';
    m.meetings[0].counterpart.legalName = 'A, B; C';
    const e = parseIcs(renderAgendaIcs(m)).events[0];
    expect(e.DESCRIPTION.split('\n')[0]).toBe('Topic / 主题: Seeds; irrigation, pumps \\ "quotes"');
    expect(e.DESCRIPTION.split('\n')[1]).toBe('line 2');
    expect(e.SUMMARY).toBe('Meeting: A, B; C');
  });

  it('marks online meetings and keeps an empty agenda valid', () => {
    const online = parseIcs(renderAgendaIcs(demoAgendaModel(DEMO_PARTICIPANTS.islamabadFintech))).events;
    expect(online[0].SUMMARY.startsWith('[Online] ')).toBe(true);
    expect(online[0].LOCATION).toBe('Online / 线上');
    expect(online[0].DTSTART).toBe('20261124T060000Z');
    const empty = demoAgendaModel(DEMO_PARTICIPANTS.diannanHerbal);
    expect(empty.meetings).toHaveLength(0);
    expect(parseIcs(renderAgendaIcs(empty)).events).toHaveLength(0);
  });
});
