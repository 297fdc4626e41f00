/**
 * Issue 11's second bar: a workshop match report on real services, 200 CN + 200 PK participants,
 * `POST /v1/workshops/:id/reports` → `ready` (workshops → Kafka → matching scores every participant's
 * live offers and needs against each other → Kafka → workshops builds the schedule and stores the
 * report). Every service is a child process (`node dist/apps/<svc>/src/main.js`) on the `_bench`
 * databases and the bench broker; the enterprises, offers and needs go in through the real REST paths.
 * The baseline beside it is the scheduler alone on the same report's input size (section 5 has the
 * scheduler on the generated instance) and the bare scoring time matching reports.
 */
import { randomBytes } from 'node:crypto';
import { syntheticNeeds, syntheticOffers } from '../matching-core/synthetic';
import { resetDatabase, scalar } from '../lib/bench-db';
import { needBody, offerBody } from '../lib/catalog-bodies';
import { Proc, freePort, runNode, startService, stopProc, tail } from '../lib/procs';
import type { Progress } from '../lib/progress';
import { SectionResult } from '../lib/report';
import { WORKSHOP_EXAMPLES } from '../../apps/workshops/src/workshops/dto/workshop.examples';
import { fmt, waitFor } from '../lib/stats';

export interface WorkshopReportOptions {
  databases: Record<string, string>;
  brokers: string;
  perCountry: number;
  runs: number;
  log: (s: string) => void;
  progress?: Progress;
}

const SERVICES = ['profiles', 'catalog', 'matching', 'workshops'] as const;
type Service = (typeof SERVICES)[number];

/** Distinct names per index: the legal-name duplicate check compares confusable skeletons. */
const CJK = '天地玄黄宇宙洪荒日月';
const URDU = 'ابدرسصطعلم'; // no two of these share a TR39 skeleton (ب پ ت ث do)
const digits = (i: number, alphabet: string) =>
  String(i)
    .padStart(4, '0')
    .split('')
    .map((d) => alphabet[Number(d)])
    .join('');

function enterpriseBody(country: 'CN' | 'PK', i: number): Record<string, unknown> {
  const t = `${randomBytes(3).toString('hex')}${i}`;
  const cn = country === 'CN';
  return {
    legalName: cn ? `云南${digits(i, CJK)}科技有限公司` : `پنجاب ${digits(i, URDU)} ٹیکنالوجیز`,
    englishName: cn ? `Yunnan Bench ${t} Technology Co., Ltd.` : `Punjab Bench ${t} Technologies (Pvt) Ltd.`,
    country,
    region: cn ? 'CN-YN' : 'PK-PB',
    organisationType: 'company',
    sizeBand: 'medium',
    sectors: ['agriculture/irrigation'],
    website: `https://${t}.example.${cn ? 'cn' : 'pk'}`,
    languages: cn ? ['zh-Hans', 'en'] : ['ur', 'en'],
    contact: {
      name: cn ? '李明' : 'Ayesha Khan',
      email: `ws-bench-${t}@example.${cn ? 'cn' : 'pk'}`,
      phone: cn ? '+8613800138000' : '+923001234567',
    },
  };
}

/** The OpenAPI example workshop (a valid request), over 3 days with the tables and interpreters 400 firms need. */
const workshopBody = () => {
  const example = WORKSHOP_EXAMPLES.hybrid.value as {
    venues: Record<string, unknown>[];
    interpreters: Record<string, unknown>[];
  };
  return {
    ...example,
    title: {
      en: 'Sino-Pak Matchmaking Workshop (bench)',
      'zh-Hans': '中巴技术对接会（基准）',
      ur: 'پاک چین میچ میکنگ ورکشاپ',
    },
    endDate: '2027-06-10',
    venues: example.venues.map((v) => ({ ...v, tables: 25, videoTables: 8 })),
    sectors: ['agriculture', 'energy'],
    interpreters: example.interpreters.map((i) => ({ ...i, count: 4 })),
  };
};

async function call(
  url: string,
  method: string,
  body: unknown,
  key?: string,
): Promise<{ status: number; json: any }> {
  const res = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

async function expectStatus(
  what: string,
  p: Promise<{ status: number; json: any }>,
  status: number,
): Promise<any> {
  const r = await p;
  if (r.status !== status)
    throw new Error(`${what}: expected ${status}, got ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
  return r.json;
}

/** Runs fn over items with at most `limit` in flight. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

export async function workshopReportSection(s: SectionResult, o: WorkshopReportOptions): Promise<void> {
  const adminKey = `bench-admin-${randomBytes(24).toString('hex')}`;
  const common = {
    NODE_ENV: 'production',
    KAFKA_BROKERS: o.brokers,
    ADMIN_API_KEY: adminKey,
    LOG_LEVEL: 'warn',
  };
  const procs: Partial<Record<Service, Proc>> = {};
  try {
    o.log('  resetting the _bench databases and migrating profiles, catalog, matching, workshops …');
    for (const svc of SERVICES) {
      if (!o.databases[svc]) throw new Error(`BENCH_DATABASES has no database for ${svc}`);
      await resetDatabase(o.databases[svc]);
      await runNode(`migrate-${svc}`, `dist/apps/${svc}/src/migrate.js`, {
        ...common,
        DATABASE_URL: o.databases[svc],
      });
    }
    const extra: Record<Service, Record<string, string>> = {
      profiles: { REGISTRATION_RATE_LIMIT: '100000', PROFILE_UPDATE_RATE_LIMIT: '100000' },
      catalog: {},
      matching: {},
      workshops: { REPORT_TIMEOUT_MS: '600000' },
    };
    const started = await Promise.all(
      SERVICES.map(async (svc) =>
        startService(
          `ws-${svc}`,
          `dist/apps/${svc}/src/main.js`,
          { ...common, ...extra[svc], DATABASE_URL: o.databases[svc] },
          await freePort(),
        ),
      ),
    );
    SERVICES.forEach((svc, i) => (procs[svc] = started[i]));
    const url = (svc: Service, p: string) => `${procs[svc]!.url}${p}`;

    // ---- 200 CN + 200 PK enterprises, one offer or need each, through the REST paths ----------------
    const n = o.perCountry;
    const offers = syntheticOffers(n, 1101);
    const needs = syntheticNeeds(n, 1102);
    o.log(`  registering ${n} CN + ${n} PK enterprises …`);
    const regT = performance.now();
    const cn = await pool(offers, 8, (_, i) =>
      expectStatus(
        'register CN',
        call(url('profiles', '/v1/enterprises'), 'POST', enterpriseBody('CN', i)),
        201,
      ),
    );
    const pk = await pool(needs, 8, (_, i) =>
      expectStatus(
        'register PK',
        call(url('profiles', '/v1/enterprises'), 'POST', enterpriseBody('PK', n + i)),
        201,
      ),
    );
    const registerSeconds = (performance.now() - regT) / 1000;
    await waitFor(
      'catalog to know every enterprise and key',
      async () => (await scalar(o.databases.catalog, 'SELECT count(*)::int FROM known_enterprises')) >= 2 * n,
      120_000,
      250,
    );
    await waitFor(
      'catalog to know every key',
      async () =>
        (await call(url('catalog', '/v1/offers?mine=true&limit=1'), 'GET', undefined, cn[n - 1].apiKey))
          .status === 200 &&
        (await call(url('catalog', '/v1/needs?mine=true&limit=1'), 'GET', undefined, pk[n - 1].apiKey))
          .status === 200,
      120_000,
      250,
    );
    o.log('  publishing one offer per CN and one need per PK enterprise …');
    await pool(offers, 8, (doc, i) =>
      expectStatus(
        'publish offer',
        call(url('catalog', '/v1/offers?publish=true'), 'POST', offerBody(doc), cn[i].apiKey),
        201,
      ),
    );
    await pool(needs, 8, (doc, i) =>
      expectStatus(
        'publish need',
        call(url('catalog', '/v1/needs?publish=true'), 'POST', needBody(doc), pk[i].apiKey),
        201,
      ),
    );
    await waitFor(
      'matching to hold every offer and need',
      async () =>
        (await scalar(
          o.databases.matching,
          `SELECT (SELECT count(*)::int FROM offer_projections) + (SELECT count(*)::int FROM need_projections)`,
        )) >=
        2 * n,
      180_000,
      250,
    );

    // ---- the organiser, the workshop and its 400 participants ------------------------------------
    const organiser = await expectStatus(
      'organiser',
      call(
        url('profiles', '/v1/organisers'),
        'POST',
        { name: 'Bench workshop desk', email: `desk-${Date.now()}@example.org` },
        adminKey,
      ),
      201,
    );
    await waitFor(
      'workshops to know the organiser and every enterprise',
      async () =>
        (await call(url('workshops', '/v1/workshops?limit=1'), 'GET', undefined, organiser.apiKey)).status ===
          200 &&
        (await scalar(o.databases.workshops, 'SELECT count(*)::int FROM known_enterprises')) >= 2 * n,
      120_000,
      250,
    );
    const ws = await expectStatus(
      'create workshop',
      call(url('workshops', '/v1/workshops'), 'POST', workshopBody(), organiser.apiKey),
      201,
    );
    await expectStatus(
      'open workshop',
      call(url('workshops', `/v1/workshops/${ws.id}/status`), 'POST', { status: 'open' }, organiser.apiKey),
      200,
    );
    const participants = [
      ...cn.map((e, i) => ({
        enterpriseId: e.id,
        attendance:
          i % 7 === 0 ? { timeZone: 'Asia/Shanghai' } : { venueId: i % 4 === 0 ? 'islamabad' : 'kunming' },
        languages: i % 3 === 0 ? ['zh-Hans'] : ['zh-Hans', 'en'],
        maxMeetings: 4 + (i % 7),
      })),
      ...pk.map((e, i) => ({
        enterpriseId: e.id,
        attendance:
          i % 7 === 0 ? { timeZone: 'Asia/Karachi' } : { venueId: i % 4 === 0 ? 'kunming' : 'islamabad' },
        languages: i % 3 === 0 ? ['ur'] : ['ur', 'en'],
        maxMeetings: 4 + (i % 7),
      })),
    ];
    o.log(`  adding ${participants.length} participants …`);
    await pool(participants, 8, (p) =>
      expectStatus(
        'add participant',
        call(url('workshops', `/v1/workshops/${ws.id}/participants`), 'POST', p, organiser.apiKey),
        201,
      ),
    );

    // ---- request → ready, `runs` times ----------------------------------------------------------------
    const seconds: number[] = [];
    let last: any;
    o.progress?.start('reports request → ready', o.runs, 'runs');
    for (let run = 0; run < o.runs; run++) {
      const t = performance.now();
      const requested = await expectStatus(
        'request report',
        call(url('workshops', `/v1/workshops/${ws.id}/reports`), 'POST', undefined, organiser.apiKey),
        202,
      );
      await waitFor(
        'the report ready',
        async () => {
          const r = await call(
            url('workshops', `/v1/workshops/${ws.id}/reports/${requested.id}`),
            'GET',
            undefined,
            organiser.apiKey,
          );
          if (r.json?.status === 'failed') throw new Error(`report failed: ${r.json.failureReason}`);
          if (r.json?.status === 'ready') last = r.json;
          return r.json?.status === 'ready';
        },
        600_000,
        50,
      );
      seconds.push((performance.now() - t) / 1000);
      o.log(`  run ${run + 1}: request → ready in ${fmt(seconds.at(-1)!, 2)} s`);
      o.progress?.tick();
    }
    o.progress?.stop();
    const report = last.report;
    const meetings = report.schedule?.meetings?.length ?? 0;
    const matchedNeeds = (report.needs ?? []).filter((x: any) => (x.bestOffers ?? []).length > 0).length;
    const sorted = [...seconds].sort((a, b) => a - b);
    s.rows.push(
      {
        metric: `Report request → ready, ${n} CN + ${n} PK participants (${o.runs} runs, slowest)`,
        value: `${fmt(sorted.at(-1)!, 2)} s`,
        baseline: `fastest ${fmt(sorted[0], 2)} s; scheduler alone on a 200 + 200 instance: section 5`,
        pass: null,
      },
      {
        metric: 'Meetings scheduled / needs with at least one match',
        value: `${meetings} / ${matchedNeeds} of ${n}`,
        pass: null,
      },
      {
        metric: `Set-up through the REST paths: ${2 * n} registrations`,
        value: `${fmt(registerSeconds, 1)} s`,
        pass: null,
      },
    );
    s.notes.push(
      `- Real services as child processes; ${n} synthetic offers (45 % Chinese) and ${n} English needs (bench/matching-core/synthetic.ts, seeds 1101/1102), published through catalog; participants added by the organiser (1 in 7 online, the rest at Kunming or Islamabad; some Chinese-only and Urdu-only speakers; caps 4–10); hybrid workshop over 3 days, 25 tables and 8 video tables per venue, 4 online zh↔ur interpreters. The time covers report.requested on workshops.report.v1, matching's scoring of every participant's offers and needs and its report.computed parts on matching.report.v1, and workshops' schedule and stored report.`,
    );
  } finally {
    for (const svc of [...SERVICES].reverse()) {
      const p = procs[svc];
      const lines = p ? tail(p.logFile, 600) : '';
      await stopProc(p);
      if (p && /"level":(50|60)|error/i.test(lines))
        o.log(`  (${p.name} log tail: ${lines.split('\n').slice(-2).join(' | ')})`);
    }
  }
}
