import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { waitFor } from '@techbridge/testing';
import { needBody, offerBody } from '../../e2e/support/catalog-bodies';
import { enterpriseBody } from '../../e2e/support/api';
import type { Stack } from '../../support/stack';
import type { Json, OpenApiDocument } from './hostile-cases';
import type { HostileClient } from './hostile-client';
import { WORKSHOP_EXAMPLES } from '../../../apps/workshops/src/workshops/dto/workshop.examples';

export interface Party {
  id: string;
  apiKey: string;
  body: Record<string, any>;
}

/** Text in every script the platform serves, with HTML and bidi controls mixed in (issue 13). */
export const SCRIPT_TEXT = {
  cnLegalName: () => `云南<script>alert("光华")</script>${randomUUID().slice(0, 6)}科技有限公司 & Söhne`,
  cnEnglishName: 'Yunnan "Guanghua" <img src=x onerror=alert(1)> Tech Co., Ltd.',
  pkLegalName: () => `پنجاب <b>زرعی</b> ${randomUUID().slice(0, 6)} ٹیکنالوجیز & 滴灌 Ltd.`,
  pkEnglishName: "Punjab O'Brien </td><script>alert('pk')</script> Agritech (Pvt) Ltd.",
  offerTitle: '滴灌 drip آبپاشی <i>光伏</i> \u202Eevil\u202C e\u0301 \u{20000}',
  needTitle: 'Solar drip irrigation آبپاشی 滴灌 <svg/onload=alert(1)> \u200Bzero-width',
  workshopTitle: {
    en: 'Sino-Pak <script>alert("ws")</script> Matchmaking & "Partners"',
    'zh-Hans': '中巴<对接>会 & 昆明 \u0301',
    ur: 'پاک چین <b>ورکشاپ</b> اسلام آباد',
  },
  outcomeNote: 'نتیجہ: 签署许可 <a href="javascript:alert(1)">x</a>',
};

export interface HostileWorld {
  stack: Stack;
  http: HostileClient;
  docs: Record<string, OpenApiDocument>;
  organiser: Party;
  otherOrganiser: Party;
  /** Chinese enterprise A: owns the offers; Pakistani enterprise B: owns the needs; C and D: spares. */
  cn: Party;
  pk: Party;
  cnOther: Party;
  pkSpare: Party;
  pkApplicant: Party;
  publishedOfferId: string;
  publishedNeedId: string;
  draftOfferId: string;
  draftNeedId: string;
  /** An open workshop with cn and pk as participants and a ready report; a draft one. */
  workshopId: string;
  draftWorkshopId: string;
  reportId: string;
  meetingId: string;
  /** pk's request to be introduced to cn over the published need and offer (cn is the recipient). */
  introductionId: string;
  /** Every API key handed out: no error body may contain one. */
  secrets: string[];
}

/** The OpenAPI example workshop (a valid request), with its own title and a default meeting cap. */
export const workshopBody = (
  title: Record<string, string> = {
    en: 'Sino-Pak Matchmaking Workshop',
    'zh-Hans': '中巴技术对接会',
    ur: 'پاک چین ورکشاپ',
  },
) => ({ ...structuredClone(WORKSHOP_EXAMPLES.hybrid.value), title, defaultMaxMeetings: 8 });

function expectStatus(res: { status: number; text: string }, status: number, what: string): void {
  if (res.status !== status)
    throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.text.slice(0, 500)}`);
}

async function register(http: HostileClient, body: Record<string, any>): Promise<Party> {
  const res = await http.post('/v1/enterprises', body);
  expectStatus(res, 201, `register ${body.englishName}`);
  return { id: res.json.id, apiKey: res.json.apiKey, body };
}

async function organiser(http: HostileClient, adminKey: string, name: string): Promise<Party> {
  const body = { name, organisation: 'ZBRA', email: `desk-${randomUUID()}@example.org` };
  const res = await http.post('/v1/organisers', body, adminKey);
  expectStatus(res, 201, 'register an organiser');
  return { id: res.json.id, apiKey: res.json.apiKey, body };
}

/**
 * Builds the world the hostile cases run in, through the gateway: two organisers, enterprises in both
 * countries with names mixing scripts and markup, drafts and published offers and needs, a draft and an
 * open workshop, and a report computed over Kafka (so every `:id` route has a real resource to aim at).
 */
export async function buildWorld(stack: Stack, http: HostileClient): Promise<HostileWorld> {
  const docs: Record<string, OpenApiDocument> = {};
  for (const [service, url] of Object.entries(stack.urls)) {
    const res = await fetch(`${url}/docs/openapi.json`);
    docs[service] = (await res.json()) as OpenApiDocument;
  }
  const org = await organiser(http, stack.adminKey, 'Sino-Pak workshop desk');
  const otherOrg = await organiser(http, stack.adminKey, 'Another desk');
  const cn = await register(
    http,
    enterpriseBody('CN', { legalName: SCRIPT_TEXT.cnLegalName(), englishName: SCRIPT_TEXT.cnEnglishName }),
  );
  const pk = await register(
    http,
    enterpriseBody('PK', { legalName: SCRIPT_TEXT.pkLegalName(), englishName: SCRIPT_TEXT.pkEnglishName }),
  );
  const cnOther = await register(http, enterpriseBody('CN'));
  const pkSpare = await register(http, enterpriseBody('PK'));
  const pkApplicant = await register(http, enterpriseBody('PK'));
  const everyone = [cn, pk, cnOther, pkSpare, pkApplicant];
  for (const p of [...everyone, org, otherOrg]) {
    await waitFor(
      () => http.get('/v1/offers?mine=true&limit=1', p.apiKey),
      (r) => r.status === 200,
      { what: 'key usable in catalog' },
    );
    await waitFor(
      () => http.get('/v1/workshops?limit=1', p.apiKey),
      (r) => r.status === 200,
      { what: 'key usable in workshops' },
    );
  }
  const known = stack.apps.workshops!.get(DataSource);
  await waitFor(
    async () =>
      (
        await known.query(
          `SELECT count(*)::int AS n FROM known_enterprises WHERE enterprise_id = ANY($1::uuid[])`,
          [everyone.map((e) => e.id)],
        )
      )[0].n,
    (n) => n === everyone.length,
    { what: 'workshops knows the enterprises', timeoutMs: 60_000 },
  );

  const offer = await http.post(
    '/v1/offers?publish=true',
    offerBody({ title: SCRIPT_TEXT.offerTitle }),
    cn.apiKey,
  );
  expectStatus(offer, 201, 'publish an offer');
  const need = await http.post(
    '/v1/needs?publish=true',
    needBody({ title: SCRIPT_TEXT.needTitle }),
    pk.apiKey,
  );
  expectStatus(need, 201, 'publish a need');
  const draftOffer = await http.post('/v1/offers', offerBody(), cn.apiKey);
  expectStatus(draftOffer, 201, 'draft an offer');
  const draftNeed = await http.post('/v1/needs', needBody(), pk.apiKey);
  expectStatus(draftNeed, 201, 'draft a need');

  const ws = await http.post('/v1/workshops', workshopBody(SCRIPT_TEXT.workshopTitle), org.apiKey);
  expectStatus(ws, 201, 'create a workshop');
  const draftWs = await http.post('/v1/workshops', workshopBody(), org.apiKey);
  expectStatus(draftWs, 201, 'create a draft workshop');
  expectStatus(
    await http.post(`/v1/workshops/${ws.json.id}/status`, { status: 'open' }, org.apiKey),
    200,
    'open the workshop',
  );
  expectStatus(
    await http.post(
      `/v1/workshops/${ws.json.id}/participants`,
      { enterpriseId: cn.id, attendance: { venueId: 'kunming' }, languages: ['zh-Hans'] },
      org.apiKey,
    ),
    201,
    'add cn',
  );
  expectStatus(
    await http.post(
      `/v1/workshops/${ws.json.id}/participants`,
      { enterpriseId: pk.id, attendance: { venueId: 'islamabad' }, languages: ['ur', 'en'] },
      org.apiKey,
    ),
    201,
    'add pk',
  );
  expectStatus(
    await http.post(
      `/v1/workshops/${ws.json.id}/applications`,
      { attendance: { timeZone: 'Asia/Karachi' } },
      pkApplicant.apiKey,
    ),
    201,
    'apply',
  );

  const requested = await http.post(`/v1/workshops/${ws.json.id}/reports`, undefined, org.apiKey);
  expectStatus(requested, 202, 'request a report');
  const ready = await waitFor(
    () => http.get(`/v1/workshops/${ws.json.id}/reports/${requested.json.id}`, org.apiKey),
    (r) => ['ready', 'failed'].includes(r.json?.status),
    {
      what: 'the report ready',
      timeoutMs: 90_000,
      intervalMs: 200,
    },
  );
  if (ready.json.status !== 'ready') throw new Error(`report failed: ${ready.text.slice(0, 500)}`);
  const meeting = ready.json.report.schedule.meetings[0];
  if (!meeting) throw new Error(`report without meetings: ${ready.text.slice(0, 1000)}`);
  const introduction = await http.post(
    '/v1/introductions',
    introductionBody(need.json.id, offer.json.id),
    pk.apiKey,
  );
  expectStatus(introduction, 201, 'request an introduction');

  return {
    stack,
    http,
    docs,
    organiser: org,
    otherOrganiser: otherOrg,
    cn,
    pk,
    cnOther,
    pkSpare,
    pkApplicant,
    publishedOfferId: offer.json.id,
    publishedNeedId: need.json.id,
    draftOfferId: draftOffer.json.id,
    draftNeedId: draftNeed.json.id,
    workshopId: ws.json.id,
    draftWorkshopId: draftWs.json.id,
    reportId: requested.json.id,
    meetingId: meeting.id,
    introductionId: introduction.json.id,
    secrets: [stack.adminKey, ...[org, otherOrg, ...everyone].map((p) => p.apiKey)],
  };
}

/** Who sends an operation's hostile cases, and the path with real ids of that caller's resources. */
export interface Target {
  key?: string;
  path: string;
  /** A fresh valid body (writes). */
  base?: () => Json;
  /** A repeated valid request answers 200 with what was stored first (idempotent), not what was sent. */
  replays?: boolean;
}

const introductionBody = (needId: string, offerId: string) => ({
  needId,
  offerId,
  message:
    'السلام علیکم — we irrigate cotton in Sindh and would like to discuss your solar drip system. 我们很感兴趣。',
  language: 'en',
});

/**
 * The caller and the resource for every write and list operation of the documents. An operation not
 * listed here fails the suite: a new endpoint must get its hostile cases too.
 */
export function targets(w: HostileWorld): Record<string, Target> {
  const ws = `/v1/workshops/${w.workshopId}`;
  return {
    'POST /v1/enterprises': {
      path: '/v1/enterprises',
      base: () => enterpriseBody(w.cn.body.country === 'CN' ? 'CN' : 'PK'),
    },
    // cnOther, so the names of cn (checked byte for byte later) stay as registered.
    'PATCH /v1/enterprises/{id}': {
      key: w.cnOther.apiKey,
      path: `/v1/enterprises/${w.cnOther.id}`,
      base: () => ({
        englishName: 'Yunnan Renamed Co.',
        website: 'https://renamed.example.cn',
        contact: {
          name: '李明',
          email: `li-${randomUUID().slice(0, 8)}@example.cn`,
          phone: '+8613800138000',
        },
      }),
    },
    'GET /v1/enterprises': { key: w.cn.apiKey, path: '/v1/enterprises' },
    'POST /v1/organisers': {
      key: w.stack.adminKey,
      path: '/v1/organisers',
      base: () => ({ name: 'Desk', organisation: 'STZA', email: `desk-${randomUUID()}@example.org` }),
    },
    'POST /v1/offers': {
      key: w.cn.apiKey,
      path: '/v1/offers',
      base: () => offerBody({ attachments: [{ title: '试验报告', url: 'https://example.cn/trial.pdf' }] }),
    },
    'PATCH /v1/offers/{id}': {
      key: w.cn.apiKey,
      path: `/v1/offers/${w.draftOfferId}`,
      base: () => ({ title: '新标题', price: { min: 1, max: 2, currency: 'USD' }, keywords: ['滴灌'] }),
    },
    'GET /v1/offers': { key: w.cn.apiKey, path: '/v1/offers' },
    'POST /v1/needs': { key: w.pk.apiKey, path: '/v1/needs', base: () => needBody() },
    'PATCH /v1/needs/{id}': {
      key: w.pk.apiKey,
      path: `/v1/needs/${w.draftNeedId}`,
      base: () => ({ title: 'New title', budget: { min: 1, max: 2, currency: 'PKR' }, keywords: ['solar'] }),
    },
    'GET /v1/needs': { key: w.pk.apiKey, path: '/v1/needs' },
    'GET /v1/needs/{id}/matches': { key: w.pk.apiKey, path: `/v1/needs/${w.publishedNeedId}/matches` },
    'GET /v1/offers/{id}/matches': { key: w.cn.apiKey, path: `/v1/offers/${w.publishedOfferId}/matches` },
    'POST /v1/workshops': { key: w.organiser.apiKey, path: '/v1/workshops', base: () => workshopBody() },
    'PATCH /v1/workshops/{id}': {
      key: w.organiser.apiKey,
      path: `/v1/workshops/${w.draftWorkshopId}`,
      base: () => workshopBody(),
    },
    'GET /v1/workshops': { key: w.organiser.apiKey, path: '/v1/workshops' },
    'POST /v1/workshops/{id}/status': {
      key: w.organiser.apiKey,
      path: `/v1/workshops/${w.draftWorkshopId}/status`,
      base: () => ({ status: 'open' }),
    },
    'POST /v1/workshops/{id}/participants': {
      key: w.organiser.apiKey,
      path: `${ws}/participants`,
      base: () => ({
        enterpriseId: w.pkSpare.id,
        attendance: { venueId: 'islamabad' },
        languages: ['ur'],
        maxMeetings: 4,
        availability: [{ date: '2027-06-08', start: '09:00', end: '12:00' }],
        offerIds: [],
        needIds: [],
      }),
    },
    'PATCH /v1/workshops/{id}/participants/{enterpriseId}': {
      key: w.pk.apiKey,
      path: `${ws}/participants/${w.pk.id}`,
      base: () => ({
        attendance: { venueId: 'islamabad' },
        languages: ['ur', 'en'],
        maxMeetings: 6,
        availability: [{ date: '2027-06-08', start: '09:00', end: '17:00' }],
      }),
    },
    'POST /v1/workshops/{id}/applications': {
      key: w.pkApplicant.apiKey,
      path: `${ws}/applications`,
      base: () => ({
        attendance: { timeZone: 'Asia/Karachi', workingHours: [{ start: '09:00', end: '18:00' }] },
        languages: ['en'],
      }),
    },
    'POST /v1/workshops/{id}/applications/{enterpriseId}/decision': {
      key: w.organiser.apiKey,
      path: `${ws}/applications/${w.pkApplicant.id}/decision`,
      base: () => ({ decision: 'decline' }),
    },
    'PUT /v1/workshops/{id}/wishes': {
      key: w.pk.apiKey,
      path: `${ws}/wishes`,
      base: () => ({ enterpriseIds: [w.cn.id] }),
    },
    'PUT /v1/workshops/{id}/meetings/{meetingId}/outcome': {
      key: w.organiser.apiKey,
      path: `${ws}/meetings/${w.meetingId}/outcome`,
      base: () => ({ outcome: 'held', note: '会谈顺利' }),
    },
    'POST /v1/introductions': {
      key: w.pk.apiKey,
      path: '/v1/introductions',
      base: () => introductionBody(w.publishedNeedId, w.publishedOfferId),
      replays: true,
    },
    'GET /v1/introductions': { key: w.pk.apiKey, path: '/v1/introductions' },
    'POST /v1/introductions/{id}/decline': {
      key: w.cn.apiKey,
      path: `/v1/introductions/${w.introductionId}/decline`,
      base: () => ({ reason: 'price', text: '价格超出了对方的预算' }),
    },
    'POST /v1/introductions/{id}/outcomes': {
      key: w.pk.apiKey,
      path: `/v1/introductions/${w.introductionId}/outcomes`,
      base: () => ({ stage: 'contacted', reason: 'first call held' }),
    },
    'GET /v1/me/contact-reveals': { key: w.pk.apiKey, path: '/v1/me/contact-reveals' },
  };
}

/** The tables REST writes to, per service: a refused request must leave every one of them as it was. */
export const WRITE_MODEL_TABLES: Record<string, string[]> = {
  profiles: ['enterprises', 'organisers', 'contact_reveals'],
  catalog: ['offers', 'needs'],
  // (introduction_outcomes is left out: workshops' meeting outcomes reach it asynchronously over Kafka.)
  matching: ['introductions'],
  workshops: ['workshops', 'participants', 'wishes', 'meeting_outcomes', 'reports'],
};

/** A digest of every row of those tables: equal digests, nothing stored. */
export async function writeModelDigest(stack: Stack): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [service, tables] of Object.entries(WRITE_MODEL_TABLES)) {
    const ds = stack.apps[service as keyof Stack['apps']]!.get(DataSource);
    for (const t of tables) {
      const [row] = await ds.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${t} x`,
      );
      out[`${service}.${t}`] = `${row.n}:${row.h}`;
    }
  }
  return out;
}
