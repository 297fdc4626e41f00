import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventTypes, MeetingOutcomeRecordedV1, Topics, createEnvelope, encodeEvent, sourceOf } from '@techbridge/contracts';
import { TopicCollector, freshTestDatabase, testBrokers, testKafka, waitFor } from '@techbridge/testing';
import { loadMatchingConfig } from '../config';
import { MATCHING_ENTITIES, MATCHING_MIGRATIONS } from '../database';
import { createMatchingApp } from '../main';

jest.setTimeout(120_000);

/**
 * Workshop meeting outcomes land in the introductions' outcome ledger: attached to the pair's accepted
 * introduction and announced once as `outcome.recorded`; a redelivered event changes nothing; a meeting
 * of a pair without an accepted introduction is kept for the pair, unannounced.
 */
describe('workshop meeting outcomes in the outcome ledger (integration)', () => {
  let db: DataSource;
  let app: Awaited<ReturnType<typeof createMatchingApp>>;
  let producer: Producer;
  let collector: TopicCollector;
  const pk = randomUUID();
  const cn = randomUUID();
  const introductionId = randomUUID();

  beforeAll(async () => {
    const databaseUrl = await freshTestDatabase('intro_meeting_outcomes');
    db = new DataSource({ type: 'postgres', url: databaseUrl, entities: MATCHING_ENTITIES, migrations: MATCHING_MIGRATIONS } as any);
    await db.initialize();
    await db.runMigrations();
    await db.query(
      `INSERT INTO introductions (id, need_id, offer_id, need_enterprise_id, offer_enterprise_id, requested_by, requester_enterprise_id,
                                  recipient_enterprise_id, message, language, status, answered_at, expires_at)
       VALUES ($1, gen_random_uuid(), gen_random_uuid(), $2, $3, 'need', $2, $3, 'hello', 'en', 'accepted', now(), now() + interval '14 days')`,
      [introductionId, pk, cn],
    );
    const kafka = testKafka('meeting-outcomes-test');
    collector = await new TopicCollector(kafka, [Topics.MatchingIntroduction]).start();
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    app = await createMatchingApp(
      loadMatchingConfig({
        NODE_ENV: 'test',
        PORT: '1',
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: testBrokers(),
        ADMIN_API_KEY: 'test-admin-key-for-meeting-outcomes-0123456789',
        LOG_LEVEL: 'warn',
      }),
    );
  });

  afterAll(async () => {
    await producer?.disconnect();
    await collector?.stop();
    await app?.close();
    await db?.destroy();
  });

  const meeting = (over: Partial<MeetingOutcomeRecordedV1> = {}): MeetingOutcomeRecordedV1 => ({
    meetingId: randomUUID(),
    workshopId: randomUUID(),
    reportId: randomUUID(),
    enterpriseA: cn, // the order of the pair in a schedule is not the need/offer order
    enterpriseB: pk,
    outcome: 'held',
    note: null,
    recordedAt: new Date().toISOString(),
    ...over,
  });
  const send = (data: MeetingOutcomeRecordedV1, id = randomUUID()) =>
    producer.send({
      topic: Topics.WorkshopsMeeting,
      acks: -1,
      messages: [{ key: data.meetingId, value: encodeEvent(createEnvelope({ id, type: EventTypes.MeetingOutcomeRecorded, source: sourceOf('workshops'), subject: data.meetingId, data })) }],
    });
  const ledger = (meetingId: string) => db.query(`SELECT introduction_id, stage, reason, source FROM introduction_outcomes WHERE meeting_id = $1`, [meetingId]);

  it('attaches a meeting to the pair’s accepted introduction once, and a re-recorded outcome replaces it', async () => {
    const held = meeting();
    const eventId = randomUUID();
    await send(held, eventId);
    await send(held, eventId); // redelivered
    await waitFor(() => ledger(held.meetingId), (rows) => rows.length === 1, { what: 'the ledger entry', timeoutMs: 60_000 });
    expect(await ledger(held.meetingId)).toEqual([{ introduction_id: introductionId, stage: 'meeting-held', reason: 'workshop meeting: held', source: 'workshop' }]);
    const announced = await waitFor(
      () => collector.of(Topics.MatchingIntroduction).map((m) => m.json()).filter((e) => e.data.meetingId === held.meetingId),
      (es) => es.length >= 1,
      { what: 'outcome.recorded', timeoutMs: 30_000 },
    );
    expect(announced[0]).toMatchObject({ type: EventTypes.OutcomeRecorded, subject: introductionId, data: { stage: 'meeting-held', source: 'workshop', workshopId: held.workshopId } });

    await send({ ...held, outcome: 'no-show' });
    await waitFor(() => ledger(held.meetingId), (rows) => rows[0]?.stage === 'no-show', { what: 'the replaced entry', timeoutMs: 30_000 });
    expect(await ledger(held.meetingId)).toHaveLength(1);
    const other = meeting({ enterpriseA: randomUUID() });
    await send(other);
    await waitFor(() => ledger(other.meetingId), (rows) => rows.length === 1, { what: 'the unpaired meeting in the ledger', timeoutMs: 30_000 });
    expect((await ledger(other.meetingId))[0]).toMatchObject({ introduction_id: null, stage: 'meeting-held' });
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE payload->'data'->>'meetingId' = ANY($1::text[])`, [[held.meetingId, other.meetingId]]);
    expect(n).toBe(1); // the held meeting announced once; the no-show and the unpaired meeting are not
  });
});
