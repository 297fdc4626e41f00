import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { extractPdfText } from '../../apps/workshops/src/reports/render/testing/pdf-inspect';
import { waitFor } from '@techbridge/testing';
import { Stack, startStack } from '../support/stack';
import { api, registerEnterprise } from './support/api';
import { needBody, offerBody } from './support/catalog-bodies';

jest.setTimeout(240_000);

/**
 * The organiser's flow through the gateway with every service: a two-city hybrid workshop (Kunming and
 * Islamabad), Chinese and Pakistani enterprises join (added, or applying), matching computes the report
 * over Kafka, wishes shape the schedule, every format downloads and parses, and each participant reads
 * only its own agenda.
 */
describe('workshops through the gateway (e2e)', () => {
  let stack: Stack;
  let http: ReturnType<typeof api>;
  let organiserKey: string;
  let cn: { id: string; apiKey: string; body: Record<string, any> };
  let cnLate: { id: string; apiKey: string; body: Record<string, any> };
  let pk: { id: string; apiKey: string; body: Record<string, any> };
  let pkOnline: { id: string; apiKey: string; body: Record<string, any> };
  let workshopId: string;
  let offerId: string;
  let needId: string;
  /** Contact details of every enterprise here: no report, agenda or format may carry them. */
  const contactStrings = () => [cn, cnLate, pk, pkOnline].flatMap((e) => [e.body.contact.email, e.body.contact.phone]);

  const workshopBody = () => ({
    title: { en: 'Sino-Pak Matchmaking Workshop: Modern Agriculture', 'zh-Hans': '中巴现代农业技术对接会', ur: 'پاک چین جدید زراعت میچ میکنگ ورکشاپ' },
    mode: 'hybrid',
    startDate: '2027-06-08',
    endDate: '2027-06-09',
    slotMinutes: 30,
    session: { start: '09:00', end: '17:00', breaks: [{ start: '12:30', end: '13:30' }] },
    venues: [
      { id: 'kunming', city: { en: 'Kunming', 'zh-Hans': '昆明', ur: 'کنمنگ' }, timeZone: 'Asia/Shanghai', tables: 10, videoTables: 4 },
      { id: 'islamabad', city: { en: 'Islamabad', 'zh-Hans': '伊斯兰堡', ur: 'اسلام آباد' }, timeZone: 'Asia/Karachi', tables: 10, videoTables: 4 },
    ],
    sectors: ['agriculture'],
    interpreters: [{ id: 'online-zh-ur', languages: ['zh-Hans', 'ur'], location: 'online', count: 2 }],
  });

  async function keyWorksInCatalog(key: string): Promise<void> {
    await waitFor(() => http.get('/v1/offers?mine=true&limit=1', key), (r) => r.status === 200, { what: 'key usable in catalog' });
  }

  async function readyReport(): Promise<any> {
    const requested = await http.post(`/v1/workshops/${workshopId}/reports`, undefined, organiserKey);
    expect(requested.status).toBe(202);
    expect(requested.headers.get('location')).toBe(`/v1/workshops/${workshopId}/reports/${requested.json.id}`);
    expect(requested.json.status).toBe('pending');
    const ready = await waitFor(() => http.get(`/v1/workshops/${workshopId}/reports/${requested.json.id}`, organiserKey), (r) => ['ready', 'failed'].includes(r.json?.status), {
      what: 'the report ready',
      timeoutMs: 90_000,
    });
    expect(ready.json).toMatchObject({ status: 'ready', failureReason: null });
    return ready.json;
  }

  const download = async (path: string, key: string, accept: string) => {
    const res = await fetch(`${stack.gatewayUrl}${path}`, { headers: { authorization: `Bearer ${key}`, accept } });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    stack = await startStack({ services: ['profiles', 'catalog', 'matching', 'workshops'], name: 'ws_e2e', env: { REGISTRATION_RATE_LIMIT: '1000' } });
    http = api(stack.gatewayUrl);
    const organiser = await http.post('/v1/organisers', { name: 'Sino-Pak workshop desk', email: `desk-${Date.now()}@example.org` }, stack.adminKey);
    expect(organiser.status).toBe(201);
    organiserKey = organiser.json.apiKey;
    cn = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
    cnLate = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
    pk = await registerEnterprise(stack.gatewayUrl, { country: 'PK' });
    pkOnline = await registerEnterprise(stack.gatewayUrl, { country: 'PK' });
    await Promise.all([cn, pk, pkOnline].map((e) => keyWorksInCatalog(e.apiKey)));
    const offer = await http.post('/v1/offers?publish=true', offerBody(), cn.apiKey);
    expect(offer.status).toBe(201);
    offerId = offer.json.id;
    const need = await http.post('/v1/needs?publish=true', needBody(), pk.apiKey);
    expect(need.status).toBe(201);
    needId = need.json.id;
    expect((await http.post('/v1/needs?publish=true', needBody({ title: 'Drip irrigation and solar pumps for orchards in Punjab', region: 'PK-PB' }), pkOnline.apiKey)).status).toBe(201);
    // Workshops learns enterprises from profiles' topic: wait until its consumers run and it knows ours.
    await waitFor(async () => (await fetch(`${stack.urls.workshops}/health/ready`)).status, (s) => s === 200, { what: 'workshops ready', timeoutMs: 60_000 });
    const known = stack.apps.workshops!.get(DataSource);
    await waitFor(
      async () => (await known.query(`SELECT count(*)::int AS n FROM known_enterprises WHERE enterprise_id = ANY($1::uuid[])`, [[cn.id, cnLate.id, pk.id, pkOnline.id]]))[0].n,
      (n) => n === 4,
      { what: 'workshops knows the four enterprises', timeoutMs: 60_000 },
    );
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses a plan that cannot be scheduled, naming each field (400)', async () => {
    const bad = workshopBody();
    bad.endDate = '2027-06-01';
    bad.venues[1].timeZone = 'Asia/Lahore';
    const res = await http.post('/v1/workshops', bad, organiserKey);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.json.errors.map((e: any) => e.field)).toContain('endDate');
    const tz = await http.post('/v1/workshops', { ...workshopBody(), venues: [{ ...workshopBody().venues[0], timeZone: 'Mars/Olympus' }] }, organiserKey);
    expect(tz.status).toBe(400);
    expect(tz.json.errors).toEqual([expect.objectContaining({ field: 'venues[0].timeZone' })]);
    const slot = await http.post('/v1/workshops', { ...workshopBody(), slotMinutes: 25 }, organiserKey);
    expect(slot.status).toBe(400);
    expect(slot.json.errors.map((e: any) => e.field)).toEqual(expect.arrayContaining([expect.stringMatching(/^(session|slotMinutes)/)]));
    const noTables = await http.post('/v1/workshops', { ...workshopBody(), venues: [{ ...workshopBody().venues[0], tables: 0 }] }, organiserKey);
    expect(noTables.status).toBe(400);
    expect(noTables.json.errors[0].field).toBe('venues[0].tables');
    expect((await http.post('/v1/workshops', workshopBody(), cn.apiKey)).status).toBe(403);
  });

  it('creates the two-city hybrid workshop; a draft is private, an open one public', async () => {
    const created = await http.post('/v1/workshops', workshopBody(), organiserKey);
    expect(created.status).toBe(201);
    workshopId = created.json.id;
    expect(created.json).toMatchObject({ status: 'draft', days: ['2027-06-08', '2027-06-09'] });
    expect((await http.get(`/v1/workshops/${workshopId}`, pk.apiKey)).status).toBe(404);
    expect((await http.post(`/v1/workshops/${workshopId}/status`, { status: 'held' }, organiserKey)).status).toBe(409);
    expect((await http.post(`/v1/workshops/${workshopId}/status`, { status: 'open' }, organiserKey)).json.status).toBe('open');
    expect((await http.get(`/v1/workshops/${workshopId}`, pk.apiKey)).status).toBe(200);
    // No participants yet: a report cannot be computed.
    const empty = await http.post(`/v1/workshops/${workshopId}/reports`, undefined, organiserKey);
    expect(empty.status).toBe(422);
  });

  it('takes participants: added by the organiser, or applying and decided', async () => {
    const added = await http.post(`/v1/workshops/${workshopId}/participants`, { enterpriseId: cn.id, attendance: { venueId: 'kunming' }, languages: ['zh-Hans'] }, organiserKey);
    expect(added.status).toBe(201);
    expect(added.json.status).toBe('accepted');
    expect((await http.post(`/v1/workshops/${workshopId}/participants`, { enterpriseId: pk.id, attendance: { venueId: 'islamabad' }, languages: ['ur', 'en'] }, organiserKey)).status).toBe(201);
    const unknown = await http.post(`/v1/workshops/${workshopId}/participants`, { enterpriseId: '6f1c1b2e-3d4a-4b5c-8d6e-7f8091a2b3c4', attendance: { venueId: 'kunming' } }, organiserKey);
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors[0].field).toBe('enterpriseId');
    const badVenue = await http.post(`/v1/workshops/${workshopId}/applications`, { attendance: { venueId: 'lahore' } }, pkOnline.apiKey);
    expect(badVenue.status).toBe(400);
    expect(badVenue.json.errors[0].field).toBe('attendance.venueId');
    const applied = await http.post(`/v1/workshops/${workshopId}/applications`, { attendance: { timeZone: 'Asia/Karachi' }, languages: ['en', 'ur'] }, pkOnline.apiKey);
    expect(applied.status).toBe(201);
    expect(applied.json.status).toBe('applied');
    const late = await http.post(`/v1/workshops/${workshopId}/applications`, { attendance: { venueId: 'kunming' } }, cnLate.apiKey);
    expect(late.status).toBe(201);
    expect((await http.post(`/v1/workshops/${workshopId}/applications/${pkOnline.id}/decision`, { decision: 'accept' }, organiserKey)).json.status).toBe('accepted');
    expect((await http.post(`/v1/workshops/${workshopId}/applications/${cnLate.id}/decision`, { decision: 'decline' }, organiserKey)).json.status).toBe('declined');
    // Someone else's participation is not there for them.
    expect((await http.get(`/v1/workshops/${workshopId}/participants/${pk.id}`, pkOnline.apiKey)).status).toBe(404);
    // The list is the organiser's (function-level: an enterprise key is refused with 403).
    expect((await http.get(`/v1/workshops/${workshopId}/participants`, pk.apiKey)).status).toBe(403);
  });

  it('computes the report over Kafka; candidates and mutual wishes shape the schedule', async () => {
    await waitFor(() => http.get(`/v1/needs?mine=true`, pk.apiKey), (r) => r.json?.items?.length === 1);
    const first = await readyReport();
    expect(first.report.needs.length).toBeGreaterThanOrEqual(2);
    const candidates = await http.get(`/v1/workshops/${workshopId}/candidates?lang=zh-Hans`, pk.apiKey);
    expect(candidates.status).toBe(200);
    expect(candidates.json.items.map((c: any) => c.enterpriseId)).toContain(cn.id);
    expect(candidates.json.items[0].reasons.join(' ')).toMatch(/[\u4e00-\u9fff]/);
    expect((await http.put(`/v1/workshops/${workshopId}/wishes`, { enterpriseIds: [cnLate.id] }, pk.apiKey)).status).toBe(422);
    expect((await http.put(`/v1/workshops/${workshopId}/wishes`, { enterpriseIds: [cn.id] }, pk.apiKey)).json).toEqual({ enterpriseIds: [cn.id], mutual: [] });
    expect((await http.put(`/v1/workshops/${workshopId}/wishes`, { enterpriseIds: [pk.id] }, cn.apiKey)).json).toEqual({ enterpriseIds: [pk.id], mutual: [pk.id] });

    const second = await readyReport();
    const meeting = second.report.schedule.meetings.find((m: any) => [m.a.id, m.b.id].includes(pk.id) && [m.a.id, m.b.id].includes(cn.id));
    expect(meeting).toMatchObject({ mutual: true, a: { id: cn.id }, b: { id: pk.id } });
    // Kunming and Islamabad by video: inside both venues' hours (Kunming 01:00–09:00 UTC, Islamabad 04:00–12:00 UTC).
    const hour = new Date(meeting.startUtc).getUTCHours();
    expect(hour).toBeGreaterThanOrEqual(4);
    expect(hour).toBeLessThan(9);
    expect(meeting.why).toMatch(/wish/i);
  });

  it('serves the report as CSV, XLSX, HTML and PDF with the Chinese and Urdu names', async () => {
    const [latest] = (await http.get(`/v1/workshops/${workshopId}/reports`, organiserKey)).json.items;
    const path = `/v1/workshops/${workshopId}/reports/${latest.id}`;
    const csv = await download(path, organiserKey, 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/text\/csv/);
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.body.toString('utf8')).toContain(cn.body.legalName);
    expect(csv.body.toString('utf8')).toContain(pk.body.legalName);

    const xlsx = await download(path, organiserKey, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as any);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value)))));
    expect(cells.join(' ')).toContain(cn.body.legalName);
    expect(book.worksheets.length).toBeGreaterThanOrEqual(3);

    const html = await download(path, organiserKey, 'text/html');
    expect(html.type).toMatch(/text\/html/);
    expect(html.body.toString('utf8')).toContain(pk.body.legalName);
    expect(html.body.toString('utf8')).toContain('中巴现代农业技术对接会');

    const pdf = await download(`${path}?format=pdf`, organiserKey, '*/*');
    expect(pdf.status).toBe(200);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractPdfText(pdf.body).join('\n');
    expect(text).toContain(cn.body.legalName);
    expect(text).toContain(pk.body.legalName);

    // No format of the report carries anyone's contact details.
    const json = (await http.get(path, organiserKey)).text;
    for (const body of [json, csv.body.toString('utf8'), cells.join(' '), html.body.toString('utf8'), text]) {
      expect(contactStrings().filter((c) => body.includes(c))).toEqual([]);
    }

    // Participants do not read the organiser's report (an organiser-only route: 403).
    expect((await http.get(path, pk.apiKey)).status).toBe(403);
  });

  it('gives each participant its own agenda, in its own time zone, as JSON and iCalendar', async () => {
    const mine = await http.get(`/v1/workshops/${workshopId}/agenda`, pk.apiKey);
    expect(mine.status).toBe(200);
    expect(mine.json.participant).toMatchObject({ id: pk.id, timeZone: 'Asia/Karachi' });
    expect(mine.json.days.flatMap((d: any) => d.meetings).some((m: any) => m.counterpart.id === cn.id)).toBe(true);
    const ics = await download(`/v1/workshops/${workshopId}/agenda`, pk.apiKey, 'text/calendar');
    expect(ics.type).toMatch(/text\/calendar/);
    const body = ics.body.toString('utf8');
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(contactStrings().filter((c) => body.includes(c) || mine.text.includes(c))).toEqual([]);
    expect(body).toMatch(/BEGIN:VEVENT[\s\S]*DTSTART:2027060\dT\d{6}Z/);
    // Only one's own agenda: another enterprise's id is a 404, a declined applicant has none.
    expect((await http.get(`/v1/workshops/${workshopId}/agenda?enterpriseId=${cn.id}`, pk.apiKey)).status).toBe(404);
    expect((await http.get(`/v1/workshops/${workshopId}/agenda`, cnLate.apiKey)).status).toBe(404);
    expect((await http.get(`/v1/workshops/${workshopId}/agenda?enterpriseId=${cn.id}`, organiserKey)).json.participant.timeZone).toBe('Asia/Shanghai');
  });

  it('records meeting outcomes into a funnel', async () => {
    const [latest] = (await http.get(`/v1/workshops/${workshopId}/reports`, organiserKey)).json.items;
    const report = (await http.get(`/v1/workshops/${workshopId}/reports/${latest.id}`, organiserKey)).json.report;
    const meetingId = report.schedule.meetings[0].id;
    expect((await http.put(`/v1/workshops/${workshopId}/meetings/${meetingId}/outcome`, { outcome: 'deal-signed', note: '签署技术许可协议' }, organiserKey)).status).toBe(200);
    expect((await http.put(`/v1/workshops/${workshopId}/meetings/${meetingId}/outcome`, { outcome: 'teleported' }, organiserKey)).status).toBe(400);
    const funnel = await http.get(`/v1/workshops/${workshopId}/outcomes`, organiserKey);
    expect(funnel.json).toMatchObject({ recorded: 1, byOutcome: { 'deal-signed': 1 } });
    expect(funnel.json.scheduled).toBe(report.schedule.meetings.length);
  });

  it('puts a meeting of a pair with an accepted introduction into that introduction’s outcome ledger (matching)', async () => {
    const asked = await waitFor(() => http.post('/v1/introductions', { needId, offerId, message: 'See you in Islamabad', language: 'en', workshopId }, pk.apiKey), (r) => r.status !== 404, {
      what: 'the introduction',
    });
    expect(asked.status).toBe(201);
    expect((await http.post(`/v1/introductions/${asked.json.id}/accept`, undefined, cn.apiKey)).json.status).toBe('accepted');
    const [latest] = (await http.get(`/v1/workshops/${workshopId}/reports`, organiserKey)).json.items;
    const report = (await http.get(`/v1/workshops/${workshopId}/reports/${latest.id}`, organiserKey)).json.report;
    const meeting = report.schedule.meetings.find((m: any) => [m.a.id, m.b.id].includes(pk.id) && [m.a.id, m.b.id].includes(cn.id));
    expect((await http.put(`/v1/workshops/${workshopId}/meetings/${meeting.id}/outcome`, { outcome: 'follow-up-agreed' }, organiserKey)).status).toBe(200);
    const withOutcome = await waitFor(() => http.get(`/v1/introductions/${asked.json.id}`, cn.apiKey), (r) => r.json?.outcomes?.length > 0, { what: 'the workshop outcome in the ledger' });
    expect(withOutcome.json.outcomes).toEqual([
      expect.objectContaining({ stage: 'meeting-held', source: 'workshop', workshopId, meetingId: meeting.id, reason: 'workshop meeting: follow-up-agreed' }),
    ]);
    const funnel = await http.get(`/v1/introductions/funnel?workshopId=${workshopId}`, organiserKey);
    expect(funnel.json).toMatchObject({ total: 1, byStatus: { accepted: 1 }, outcomesByStage: { 'meeting-held': 1 } });
  });
});
