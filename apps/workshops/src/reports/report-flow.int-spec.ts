import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  CredentialSnapshotV1,
  EnterpriseSnapshotV1,
  EventTypes,
  ReportComputedV1,
  Topics,
  createEnvelope,
  encodeEvent,
  sourceOf,
} from '@techbridge/contracts';
import { hashApiKey } from '@techbridge/auth';
import { createKafka } from '@techbridge/messaging';
import { OutageBroker, TopicCollector, freshTestDatabase, waitFor } from '@techbridge/testing';
import { loadWorkshopsConfig } from '../config';
import { WORKSHOPS_ENTITIES, WORKSHOPS_MIGRATIONS } from '../database';
import { createWorkshopsApp } from '../main';

jest.setTimeout(180_000);

const ADMIN = 'test-admin-key-for-workshops-report-flow-0123456789';

/**
 * The report protocol on a real broker and Postgres, with the test playing matching: request →
 * report.requested; computed parts → ready; a duplicate reply creates nothing new; a reply that never
 * comes → failed after the timeout; and workshops rebuilds its enterprise projection from offset 0.
 */
describe('workshop reports over Kafka (integration)', () => {
  const broker = new OutageBroker('workshops-reports', 39592);
  let kafka: Kafka;
  let producer: Producer;
  let requests: TopicCollector;
  let databaseUrl: string;
  let app: Awaited<ReturnType<typeof createWorkshopsApp>> | undefined;
  let base: string;
  const organiserKey = `tb_${'o'.repeat(43)}`;
  const organiserId = randomUUID();
  const cn = randomUUID();
  const pk = randomUUID();

  const send = (topic: string, type: string, subject: string, data: object, source = sourceOf('profiles'), id?: string) =>
    producer.send({ topic, acks: -1, messages: [{ key: subject, value: encodeEvent(createEnvelope({ id, type, source, subject, data })) }] });

  const enterprise = (id: string, country: 'CN' | 'PK', version = 1): EnterpriseSnapshotV1 => ({
    enterpriseId: id,
    legalName: country === 'CN' ? '云南节水灌溉设备有限公司' : 'سندھ زرعی کوآپریٹو',
    englishName: country === 'CN' ? 'Yunnan Water-Saving Irrigation Co.' : 'Sindh Agricultural Cooperative',
    country,
    region: country === 'CN' ? 'CN-YN' : 'PK-SD',
    organisationType: 'company',
    sizeBand: null,
    sectors: ['agriculture/irrigation'],
    languages: country === 'CN' ? ['zh-Hans'] : ['ur', 'en'],
    website: null,
    status: 'active',
    version,
    updatedAt: new Date().toISOString(),
  });

  const start = async (env: Record<string, string> = {}) => {
    app = await createWorkshopsApp(
      loadWorkshopsConfig({
        NODE_ENV: 'test',
        PORT: '1',
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: broker.brokers,
        ADMIN_API_KEY: ADMIN,
        LOG_LEVEL: 'warn',
        REPORT_SWEEP_INTERVAL_MS: '200',
        ...env,
      }),
    );
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base.replace('[::1]', '127.0.0.1')}${path}`, {
      method,
      headers: { authorization: `Bearer ${organiserKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: (await res.json().catch(() => null)) as any };
  };

  beforeAll(async () => {
    await broker.start({ fresh: true });
    kafka = createKafka(broker.brokers, 'workshops-report-flow', { log: () => undefined, warn: () => undefined, error: () => undefined });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    databaseUrl = await freshTestDatabase('workshops_report_flow');
    const db = new DataSource({ type: 'postgres', url: databaseUrl, entities: WORKSHOPS_ENTITIES, migrations: WORKSHOPS_MIGRATIONS } as any);
    await db.initialize();
    await db.runMigrations();
    await db.destroy();
    // profiles' topics: the organiser's key and two enterprises (the first an older version replaced later)
    const credential: CredentialSnapshotV1 = { keyId: randomUUID(), principalId: organiserId, role: 'organiser', keyHash: hashApiKey(organiserKey), issuedAt: new Date().toISOString(), revokedAt: null };
    await send(Topics.ProfilesCredential, EventTypes.CredentialIssued, credential.keyId, credential);
    await send(Topics.ProfilesEnterprise, EventTypes.EnterpriseRegistered, cn, enterprise(cn, 'CN'));
    await send(Topics.ProfilesEnterprise, EventTypes.EnterpriseUpdated, cn, { ...enterprise(cn, 'CN', 2), englishName: 'Yunnan Water-Saving Irrigation Group' });
    await send(Topics.ProfilesEnterprise, EventTypes.EnterpriseRegistered, pk, enterprise(pk, 'PK'));
    requests = await new TopicCollector(kafka, [Topics.WorkshopsReport]).start();
    await start({ REPORT_TIMEOUT_MS: '4000' });
  });

  afterAll(async () => {
    await app?.close();
    await requests?.stop();
    await producer?.disconnect();
    await broker.stop();
  });

  let workshopId: string;

  it('rebuilds its enterprise projection from offset 0 and takes those enterprises as participants', async () => {
    const db = app!.get(DataSource);
    const rows = await waitFor(() => db.query(`SELECT enterprise_id, english_name, version FROM known_enterprises ORDER BY country`), (r: any[]) => r.length === 2 && r[0].version === 2, {
      what: 'both enterprises projected, the newest version kept',
      timeoutMs: 60_000,
    });
    expect(rows[0]).toMatchObject({ enterprise_id: cn, english_name: 'Yunnan Water-Saving Irrigation Group' });
    const created = await waitFor(
      () =>
        call('POST', '/v1/workshops', {
          title: { en: 'Irrigation matchmaking', 'zh-Hans': '节水灌溉对接会' },
          mode: 'hybrid',
          startDate: '2027-03-01',
          endDate: '2027-03-01',
          slotMinutes: 30,
          session: { start: '09:00', end: '17:00' },
          venues: [
            { id: 'kunming', city: { en: 'Kunming', 'zh-Hans': '昆明' }, timeZone: 'Asia/Shanghai', tables: 5 },
            { id: 'islamabad', city: { en: 'Islamabad', 'zh-Hans': '伊斯兰堡' }, timeZone: 'Asia/Karachi', tables: 5 },
          ],
          interpreters: [{ id: 'online-zh-ur', languages: ['zh-Hans', 'ur'], location: 'online', count: 1 }],
        }),
      (r) => r.status === 201,
      { what: 'the organiser key known' },
    );
    workshopId = created.json.id;
    expect((await call('POST', `/v1/workshops/${workshopId}/participants`, { enterpriseId: cn, attendance: { venueId: 'kunming' } })).status).toBe(201);
    expect((await call('POST', `/v1/workshops/${workshopId}/participants`, { enterpriseId: pk, attendance: { venueId: 'islamabad' } })).status).toBe(201);
  });

  it('request → report.requested → computed parts → ready; a duplicate reply creates nothing new', async () => {
    const requested = await call('POST', `/v1/workshops/${workshopId}/reports`);
    expect(requested.status).toBe(202);
    const reportId = requested.json.id as string;
    const command = await waitFor(() => requests.of(Topics.WorkshopsReport).find((m) => m.key === reportId), Boolean, { what: 'report.requested' });
    expect(command!.json().data.participants.map((p: any) => [p.enterpriseId, p.country]).sort()).toEqual([[cn, 'CN'], [pk, 'PK']].sort());

    const needId = randomUUID();
    const offerId = randomUUID();
    const part = (n: number): ReportComputedV1 => ({
      reportId,
      workshopId,
      part: n,
      parts: 2,
      threshold: 36,
      items:
        n === 1
          ? [
              { id: needId, kind: 'need', enterpriseId: pk, country: 'PK', title: 'Solar drip irrigation for cotton', language: 'en', sectors: ['agriculture/irrigation'], regions: ['PK-SD'] },
              { id: offerId, kind: 'offer', enterpriseId: cn, country: 'CN', title: '太阳能光伏水泵滴灌系统', language: 'zh-Hans', sectors: ['agriculture/irrigation'], regions: [] },
            ]
          : [],
      pairs: n === 2 ? [{ needId, offerId, score: 81.5, reasons: [{ en: 'Both mention drip irrigation', 'zh-Hans': '双方都提到滴灌', ur: 'دونوں ڈرپ آبپاشی کا ذکر کرتے ہیں' }] }] : [],
      computedAt: new Date().toISOString(),
    });
    const partOneId = randomUUID();
    await send(Topics.MatchingReport, EventTypes.ReportComputed, reportId, part(1), sourceOf('matching'), partOneId);
    await waitFor(() => call('GET', `/v1/workshops/${workshopId}/reports/${reportId}`), (r) => r.json.status === 'computing', { what: 'computing, 1 of 2' });
    // The same part again (a redelivery with the same event id, and a re-sent copy): still 1 of 2.
    await send(Topics.MatchingReport, EventTypes.ReportComputed, reportId, part(1), sourceOf('matching'), partOneId);
    await send(Topics.MatchingReport, EventTypes.ReportComputed, reportId, part(1), sourceOf('matching'));
    await send(Topics.MatchingReport, EventTypes.ReportComputed, reportId, part(2), sourceOf('matching'));
    const ready = await waitFor(() => call('GET', `/v1/workshops/${workshopId}/reports/${reportId}`), (r) => r.json.status === 'ready', { what: 'ready' });
    expect(ready.json.progress).toEqual({ partsReceived: 2, partsExpected: 2 });
    expect(ready.json.report.needs[0].bestOffers[0]).toMatchObject({ id: offerId, score: 81.5 });
    expect(ready.json.report.schedule.meetings).toHaveLength(1);
    const completedAt = ready.json.completedAt;

    // A whole duplicate reply after the report is ready: nothing changes, no second report.
    await send(Topics.MatchingReport, EventTypes.ReportComputed, reportId, part(1), sourceOf('matching'));
    await send(Topics.MatchingReport, EventTypes.ReportComputed, reportId, part(2), sourceOf('matching'));
    const marker = await call('POST', `/v1/workshops/${workshopId}/reports`); // consumed after the duplicates
    const db = app!.get(DataSource);
    await waitFor(() => requests.of(Topics.WorkshopsReport).find((m) => m.key === marker.json.id), Boolean);
    await waitFor(
      async () => (await db.query(`SELECT count(*)::int AS n FROM inbox_messages WHERE consumer = 'workshops.reports'`))[0].n,
      (n) => n >= 5,
      { what: 'the duplicate parts consumed' },
    );
    const again = await call('GET', `/v1/workshops/${workshopId}/reports/${reportId}`);
    expect(again.json.completedAt).toBe(completedAt);
    expect((await db.query(`SELECT count(*)::int AS n FROM report_parts WHERE report_id = $1`, [reportId]))[0].n).toBe(2);
  });

  it('a report whose reply never comes is failed after the timeout, with the reason; a late reply changes nothing', async () => {
    const requested = await call('POST', `/v1/workshops/${workshopId}/reports`);
    const reportId = requested.json.id as string;
    const failed = await waitFor(() => call('GET', `/v1/workshops/${workshopId}/reports/${reportId}`), (r) => r.json.status === 'failed', {
      what: 'failed after the timeout',
      timeoutMs: 30_000,
    });
    expect(failed.json.failureReason).toMatch(/did not answer within 4 s/);
    await send(Topics.MatchingReport, EventTypes.ReportComputed, reportId, { reportId, workshopId, part: 1, parts: 1, threshold: 36, items: [], pairs: [], computedAt: new Date().toISOString() }, sourceOf('matching'));
    const db = app!.get(DataSource);
    await waitFor(async () => (await db.query(`SELECT count(*)::int AS n FROM inbox_messages WHERE consumer = 'workshops.reports' AND event_type = $1`, [EventTypes.ReportComputed]))[0].n, (n) => n >= 6);
    expect((await call('GET', `/v1/workshops/${workshopId}/reports/${reportId}`)).json.status).toBe('failed');
  });
});
