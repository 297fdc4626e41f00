import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventTypes, Topics } from '@techbridge/contracts';
import { TopicCollector, freshTestDatabase, testBrokers, testKafka, waitFor } from '@techbridge/testing';
import { loadMatchingConfig } from '../config';
import { MATCHING_ENTITIES, MATCHING_MIGRATIONS } from '../database';
import { createMatchingApp } from '../main';
import { IntroductionSweepJob } from './introduction-sweep.job';

jest.setTimeout(180_000);

type App = Awaited<ReturnType<typeof createMatchingApp>>;

const EXPIRING = 300;
const REMINDING = 300;

/**
 * Two matching instances on one database sweep many due introductions at the same time: every due
 * introduction is expired (or reminded) once, and its event reaches `matching.introduction.v1` exactly
 * once — counted on the real topic, after every outbox row was published.
 */
describe('introduction expiry and reminders with two instances (integration)', () => {
  let db: DataSource;
  let collector: TopicCollector;
  const apps: App[] = [];
  const expiring: string[] = [];
  const reminding: string[] = [];
  const answered: string[] = [];

  beforeAll(async () => {
    const databaseUrl = await freshTestDatabase('intro_sweep');
    db = new DataSource({ type: 'postgres', url: databaseUrl, entities: MATCHING_ENTITIES, migrations: MATCHING_MIGRATIONS } as any);
    await db.initialize();
    await db.runMigrations();
    collector = await new TopicCollector(testKafka(), [Topics.MatchingIntroduction]).start();
    for (let i = 0; i < 2; i++) {
      const app = await createMatchingApp(
        loadMatchingConfig({
          NODE_ENV: 'test',
          PORT: '1',
          HOST: '127.0.0.1',
          DATABASE_URL: databaseUrl,
          KAFKA_BROKERS: testBrokers(),
          ADMIN_API_KEY: 'test-admin-key-for-introduction-sweeps-0123456789',
          LOG_LEVEL: 'warn',
          // the test drives the sweeps itself, on both instances at once
          INTRODUCTION_SWEEP_INTERVAL_MS: '3600000',
        }),
      );
      apps.push(app);
    }
    const insert = async (ids: string[], status: string, expiresIn: string, remindIn: string) => {
      for (let i = 0; i < ids.length; i++) ids[i] = randomUUID();
      await db.query(
        `INSERT INTO introductions (id, need_id, offer_id, need_enterprise_id, offer_enterprise_id, requested_by,
                                    requester_enterprise_id, recipient_enterprise_id, message, language, status,
                                    created_at, expires_at, remind_at)
         SELECT id, gen_random_uuid(), gen_random_uuid(), a, b, 'need', a, b, 'hello', 'en', $2,
                now() - interval '20 days', now() + $3::interval, now() + $4::interval
           FROM unnest($1::uuid[]) id, gen_random_uuid() a, gen_random_uuid() b`,
        [ids, status, expiresIn, remindIn],
      );
    };
    expiring.length = EXPIRING;
    reminding.length = REMINDING;
    answered.length = 20;
    await insert(expiring, 'requested', '-1 day', '-8 days');
    await insert(reminding, 'requested', '3 days', '-1 hour');
    await insert(answered, 'accepted', '-1 day', '-8 days'); // answered: neither expires nor is reminded
  });

  afterAll(async () => {
    await collector?.stop();
    for (const app of apps) await app.close();
    await db?.destroy();
  });

  it('expires and reminds each due introduction once, and each event reaches the topic once', async () => {
    const [a, b] = apps.map((app) => app.get(IntroductionSweepJob));
    // Both instances sweep concurrently, in small batches, several rounds.
    const results = [];
    for (let round = 0; round < 3; round++) results.push(...(await Promise.all([a.runOnce(10), b.runOnce(10)])));
    const expired = results.reduce((n, r) => n + r.expired, 0);
    const reminded = results.reduce((n, r) => n + r.reminded, 0);
    expect({ expired, reminded }).toEqual({ expired: EXPIRING, reminded: REMINDING });
    // nothing is left for either instance
    const [first, second] = await Promise.all([a.runOnce(10), b.runOnce(10)]);
    expect(first).toEqual({ expired: 0, reminded: 0 });
    expect(second).toEqual({ expired: 0, reminded: 0 });

    const [{ n: statusCount }] = await db.query(`SELECT count(*)::int AS n FROM introductions WHERE id = ANY($1::uuid[]) AND status = 'expired'`, [expiring]);
    expect(statusCount).toBe(EXPIRING);
    const [{ n: remindedCount }] = await db.query(`SELECT count(*)::int AS n FROM introductions WHERE id = ANY($1::uuid[]) AND reminded_at IS NOT NULL AND status = 'requested'`, [reminding]);
    expect(remindedCount).toBe(REMINDING);
    const [{ n: untouched }] = await db.query(`SELECT count(*)::int AS n FROM introductions WHERE id = ANY($1::uuid[]) AND status = 'accepted' AND reminded_at IS NULL`, [answered]);
    expect(untouched).toBe(answered.length);

    await waitFor(() => db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE published_at IS NULL`), (r) => r[0].n === 0, { what: 'the outbox drained', timeoutMs: 60_000 });
    const ours = new Set([...expiring, ...reminding, ...answered]);
    const events = await waitFor(
      () => collector.of(Topics.MatchingIntroduction).filter((m) => ours.has(m.key ?? '')),
      (ms) => ms.length >= EXPIRING + REMINDING,
      { what: 'every sweep event on the topic', timeoutMs: 60_000 },
    );
    const byType = (type: string) => events.map((m) => m.json()).filter((e) => e.type === type).map((e) => e.subject as string);
    const expiredEvents = byType(EventTypes.IntroductionExpired);
    const reminderEvents = byType(EventTypes.IntroductionReminderDue);
    expect(expiredEvents.length).toBe(EXPIRING);
    expect(new Set(expiredEvents)).toEqual(new Set(expiring));
    expect(reminderEvents.length).toBe(REMINDING);
    expect(new Set(reminderEvents)).toEqual(new Set(reminding));
    expect(events.length).toBe(EXPIRING + REMINDING);
    const reminder = events.map((m) => m.json()).find((e) => e.type === EventTypes.IntroductionReminderDue);
    expect(reminder.data).toMatchObject({ status: 'requested', introductionId: reminder.subject });
  });
});
