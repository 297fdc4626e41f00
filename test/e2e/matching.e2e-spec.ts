import { randomBytes } from 'node:crypto';
import { Topics } from '@techbridge/contracts';
import { TopicCollector, testKafka, waitFor } from '@techbridge/testing';
import type { TechBridgeClient, operations } from '@techbridge/client';
import { Stack, startStack } from '../support/stack';
import { api, registerEnterprise } from './support/api';
import { needBody, offerBody } from './support/catalog-bodies';
import { clientsFor, typed } from './support/typed-api';

/**
 * The flow that defines the product, through the gateway with every service and the real broker:
 * register CN + PK enterprises, publish Chinese offers and an English need, read explained matches.
 */
// Other test files publish similar irrigation offers to the same topics; a product code unique to this
// run (a made-up model name, as real offers have) keeps this file's expectations about its own data.
const MODEL = `TBX${randomBytes(3).toString('hex').toUpperCase()}`;

describe('matching through the gateway (e2e)', () => {
  let stack: Stack;
  /** Raw requests (the admin rescore job); everything else goes through the typed client. */
  let http: ReturnType<typeof api>;
  let as: (apiKey?: string) => TechBridgeClient;
  let collector: TopicCollector;
  let cn: { id: string; apiKey: string };
  let cnOther: { id: string; apiKey: string };
  let pk: { id: string; apiKey: string };
  let needId: string;
  let irrigationOfferId: string;
  let unrelatedOfferId: string;

  /** A new key works in catalog once its credential event arrived there. */
  async function keyWorks(key: string): Promise<void> {
    await waitFor(
      () => typed(as(key).GET('/v1/offers', { params: { query: { mine: true, limit: 1 } } })),
      (r) => r.status === 200,
      {
        what: 'key usable in catalog',
      },
    );
  }

  type MatchesQuery = NonNullable<operations['MatchController_forNeed']['parameters']['query']>;
  const matchesOf = (id: string, key: string, query: MatchesQuery = {}) =>
    typed(as(key).GET('/v1/needs/{id}/matches', { params: { path: { id }, query } }));

  beforeAll(async () => {
    stack = await startStack({
      services: ['profiles', 'catalog', 'matching'],
      name: 'match_e2e',
      env: { REGISTRATION_RATE_LIMIT: '1000' },
    });
    http = api(stack.gatewayUrl);
    as = clientsFor(stack.gatewayUrl);
    collector = await new TopicCollector(testKafka(), [Topics.MatchingMatch]).start();
    cn = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
    cnOther = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
    pk = await registerEnterprise(stack.gatewayUrl, { country: 'PK' });
    await Promise.all([keyWorks(cn.apiKey), keyWorks(cnOther.apiKey), keyWorks(pk.apiKey)]);

    const publish = { query: { publish: true } };
    const irrigation = await typed(
      as(cn.apiKey).POST('/v1/offers', {
        params: publish,
        body: offerBody({ keywords: ['滴灌', '光伏水泵', MODEL] }),
      }),
    );
    expect(irrigation.status).toBe(201);
    irrigationOfferId = irrigation.json.id;
    const unrelated = await typed(
      as(cnOther.apiKey).POST('/v1/offers', {
        params: publish,
        body: offerBody({
          title: '新冠灭活疫苗技术转让',
          summary: '灭活疫苗生产工艺与质量控制技术，可用于建设本地疫苗灌装线。',
          description: '包括病毒培养、灭活、纯化和制剂工艺，以及世卫组织预认证经验。',
          sectors: ['health/vaccines'],
          keywords: ['疫苗', 'vaccine'],
          cooperationModes: ['licensing', 'equipment-supply'],
        }),
      }),
    );
    expect(unrelated.status).toBe(201);
    unrelatedOfferId = unrelated.json.id;

    const need = await typed(
      as(pk.apiKey).POST('/v1/needs', {
        params: publish,
        body: needBody({ keywords: ['drip irrigation', 'solar pump', MODEL] }),
      }),
    );
    expect(need.status).toBe(201);
    needId = need.json.id;
  });

  afterAll(async () => {
    await collector?.stop();
    await stack?.stop();
  });

  it('ranks the Chinese-only irrigation offer first for the English need, with reasons and matched terms', async () => {
    const res = await waitFor(
      () => matchesOf(needId, pk.apiKey),
      (r) => r.json?.items?.some((m) => m.offerId === irrigationOfferId),
      {
        what: 'the irrigation offer in the need’s matches',
      },
    );
    expect(res.status).toBe(200);
    // Other test files publish offers with the same text to the shared topic: ours ranks first or
    // ties for first (ties are ordered by id).
    const top = res.json.items.find((m) => m.offerId === irrigationOfferId)!;
    expect(top.score).toBe(res.json.items[0].score);
    expect(top.score).toBeGreaterThan(0);
    expect(top.score).toBeLessThanOrEqual(100);
    expect(Object.keys(top.components).sort()).toEqual([
      'budget',
      'freshness',
      'mode',
      'region',
      'sector',
      'text',
      'trl',
    ]);
    const concepts = top.matchedTerms.map((t) => [...t.en, ...t.zh].join('|')).join(' ');
    expect(concepts).toMatch(/drip irrigation/);
    expect(concepts).toMatch(/滴灌/);
    expect(top.reasons.length).toBeGreaterThan(0);
    expect(top.counterpart).toMatchObject({ id: irrigationOfferId, country: 'CN' });
    expect(top.counterpart).not.toHaveProperty('contact');
    // The vaccine offer shares no sector and no concept: it does not outrank the irrigation offer.
    const vaccine = res.json.items.find((m) => m.offerId === unrelatedOfferId);
    if (vaccine) expect(vaccine.score).toBeLessThan(top.score);
  });

  it('announces the match set on matching.match.v1 with the top offer', async () => {
    // The need and the offer travel on different topics, so matching may meet the need first and
    // announce a set without our offer, then a revision with it once the offer arrives: wait for the
    // announcement that lists it (the API test above already waits the same way).
    const event = await waitFor(
      () =>
        collector
          .of(Topics.MatchingMatch)
          .find(
            (m) =>
              m.key === needId &&
              m.json().data.top.some((t: any) => t.offerId === irrigationOfferId),
          ),
      Boolean,
      { what: 'need.matched event listing the irrigation offer' },
    );
    const body = event!.json();
    expect(body.type).toBe('techbridge.matching.need.matched.v1');
    expect(body.data.needId).toBe(needId);
    const ours = body.data.top.find((t: any) => t.offerId === irrigationOfferId);
    expect(ours?.score).toBe(body.data.top[0].score); // first, or tied for first with another test's identical offer
  });

  it('renders reasons in Chinese and Urdu, and explains every component with explain=full', async () => {
    const zh = await matchesOf(needId, pk.apiKey, { lang: 'zh-Hans' });
    expect(zh.json.items[0].reasons.join(' ')).toMatch(/[\u4e00-\u9fff]/);
    const ur = await matchesOf(needId, pk.apiKey, { lang: 'ur' });
    expect(ur.json.items[0].reasons.join(' ')).toMatch(/[\u0600-\u06ff]/);
    const full = await matchesOf(needId, pk.apiKey, { explain: 'full' });
    const contributions = full.json.items[0].explanation!.contributions;
    const sum = Object.values(contributions).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - full.json.items[0].score)).toBeLessThan(1);
  });

  it('keeps the matches private: another enterprise gets 404, a bad limit 400', async () => {
    const other = await matchesOf(needId, cn.apiKey);
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const bad = await matchesOf(needId, pk.apiKey, { limit: 101 });
    expect(bad.status).toBe(400);
    expect(bad.problem!.errors![0].field).toBe('limit');
  });

  it('reverse-matches an offer published later and lists the need on the offer side', async () => {
    const later = await typed(
      as(cnOther.apiKey).POST('/v1/offers', {
        params: { query: { publish: true } },
        body: offerBody({ title: '棉花田太阳能滴灌套件', keywords: ['滴灌', '棉花', 'solar pump', MODEL] }),
      }),
    );
    expect(later.status).toBe(201);
    const res = await waitFor(
      () => matchesOf(needId, pk.apiKey),
      (r) => r.json.items.some((m) => m.offerId === later.json.id),
      {
        what: 'the later offer in the need’s matches',
      },
    );
    expect(res.json.trigger).toMatch(/offer\.published/);
    const offerSide = await typed(
      as(cnOther.apiKey).GET('/v1/offers/{id}/matches', { params: { path: { id: later.json.id } } }),
    );
    expect(offerSide.status).toBe(200);
    expect(offerSide.json.items.map((m) => m.needId)).toContain(needId);
  });

  it('removes a withdrawn offer from the stored match set', async () => {
    const withdrawn = await typed(
      as(cn.apiKey).POST('/v1/offers/{id}/withdraw', { params: { path: { id: irrigationOfferId } } }),
    );
    expect(withdrawn.status).toBe(200);
    const res = await waitFor(
      () => matchesOf(needId, pk.apiKey),
      (r) => !r.json.items.some((m) => m.offerId === irrigationOfferId),
      {
        what: 'the withdrawn offer gone from the matches',
      },
    );
    expect(res.json.items.every((m) => m.offerId !== irrigationOfferId)).toBe(true);
  });

  it('re-scores every open need on an admin request, with progress, and refuses enterprises', async () => {
    const refused = await http.post('/v1/admin/rescore', undefined, pk.apiKey);
    expect(refused.status).toBe(403);
    const started = await http.post('/v1/admin/rescore', undefined, stack.adminKey);
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/v1/admin/rescore/${started.json.id}`);
    const job = await waitFor(
      () => http.get(`/v1/admin/rescore/${started.json.id}`, stack.adminKey),
      (r) => r.json?.status === 'done',
      {
        what: 'rescore job done',
      },
    );
    expect(job.json.total).toBeGreaterThanOrEqual(1);
    expect(job.json.done).toBe(job.json.total);
    // Nothing changed since the last computation, so nothing is rewritten or announced again.
    expect(job.json.changed).toBe(0);
  });
});
