import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { TOPIC_SPECS, Topics } from '@techbridge/contracts';
import { TopicCollector, testKafka, waitFor } from '@techbridge/testing';
import { Stack, startStack } from '../support/stack';
import { RegisteredEnterprise, api, registerEnterprise } from './support/api';
import { needBody, offerBody } from './support/catalog-bodies';

/**
 * Introductions and contact escrow through the gateway, every service but workshops and the real
 * broker: who can ask whom, the abuse rules, and that contact details reach nobody — not a third
 * enterprise, not an organiser, not either party — before both sides are interested, on any endpoint
 * or any topic; and that both parties get them afterwards, with the reveal recorded.
 */
describe('introductions and contact escrow (e2e)', () => {
  let stack: Stack;
  let http: ReturnType<typeof api>;
  let collector: TopicCollector;
  let cn: RegisteredEnterprise;
  let pk: RegisteredEnterprise;
  let third: RegisteredEnterprise;
  let pkOther: RegisteredEnterprise;
  let organiserKey: string;
  let needId: string;
  let offerId: string;
  let introductionId: string;
  const workshopId = randomUUID();
  const offers: string[] = [];

  const contactStrings = () =>
    [cn, pk, third, pkOther]
      .flatMap((e) => [e.body.contact.email, e.body.contact.phone, e.body.contact.email.split('@')[0]])
      .filter((s): s is string => Boolean(s));
  const leaks = (text: string) => contactStrings().filter((s) => text.includes(s));

  async function keyWorksIn(key: string, path: string): Promise<void> {
    await waitFor(() => http.get(path, key), (r) => r.status !== 401, { what: `key usable at ${path}` });
  }

  async function publish(kind: 'offers' | 'needs', body: Record<string, unknown>, key: string): Promise<string> {
    const res = await http.post(`/v1/${kind}?publish=true`, body, key);
    expect(res.status).toBe(201);
    return res.json.id;
  }

  /** Matching learns of a new need/offer from catalog's events: ask until it stops answering 404. */
  const introduce = (body: Record<string, unknown>, key: string) =>
    waitFor(() => http.post('/v1/introductions', body, key), (r) => r.status !== 404, { what: 'introduction past the projection lag' });

  /** What matching's projection says of an offer (the only way to know the withdrawal arrived). */
  async function offerStatusInMatching(id: string): Promise<string | undefined> {
    const client = new Client({ connectionString: stack.databaseUrls.matching });
    await client.connect();
    try {
      return (await client.query('SELECT status FROM offer_projections WHERE id = $1', [id])).rows[0]?.status;
    } finally {
      await client.end();
    }
  }

  const message = { message: 'We farm 4,000 acres of cotton in Sindh and would like a pilot next season.', language: 'en' };

  beforeAll(async () => {
    stack = await startStack({
      services: ['profiles', 'catalog', 'matching'],
      name: 'intro_e2e',
      env: { REGISTRATION_RATE_LIMIT: '1000' },
      serviceEnv: { matching: { INTRODUCTION_DAILY_LIMIT: '4', INTRODUCTION_MESSAGE_MAX: '300', INTRODUCTION_PRIOR: 'on' } },
    });
    http = api(stack.gatewayUrl);
    collector = await new TopicCollector(testKafka(), TOPIC_SPECS.map((t) => t.name)).start();
    [cn, pk, third, pkOther] = await Promise.all([
      registerEnterprise(stack.gatewayUrl, { country: 'CN' }),
      registerEnterprise(stack.gatewayUrl, { country: 'PK' }),
      registerEnterprise(stack.gatewayUrl, { country: 'PK' }),
      registerEnterprise(stack.gatewayUrl, { country: 'PK' }),
    ]);
    const organiser = await http.post('/v1/organisers', { name: 'CPEC desk', email: `desk-${randomBytes(4).toString('hex')}@example.org` }, stack.adminKey);
    organiserKey = organiser.json.apiKey;
    for (const key of [cn.apiKey, pk.apiKey, third.apiKey, pkOther.apiKey, organiserKey]) {
      await keyWorksIn(key, '/v1/offers?limit=1');
      await keyWorksIn(key, '/v1/introductions/funnel');
    }
    offerId = await publish('offers', offerBody(), cn.apiKey);
    for (let n = 0; n < 5; n++) offers.push(await publish('offers', offerBody({ title: `滴灌系统 型号 ${n}` }), cn.apiKey));
    needId = await publish('needs', needBody(), pk.apiKey);
  });

  afterAll(async () => {
    await collector?.stop();
    await stack?.stop();
  });

  it('answers 201 for a new request and 200 with the same introduction when the same side asks again', async () => {
    const first = await introduce({ needId, offerId, ...message, workshopId }, pk.apiKey);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ needId, offerId, status: 'requested', mutual: false, direction: 'outgoing', requesterEnterpriseId: pk.id, recipientEnterpriseId: cn.id, contacts: null });
    introductionId = first.json.id;
    const again = await http.post('/v1/introductions', { needId, offerId, ...message }, pk.apiKey);
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(introductionId);
  });

  it('refuses bad input and abuse with the right status and the field', async () => {
    const withdrawn = await publish('offers', offerBody({ title: '将撤回的滴灌方案' }), cn.apiKey);
    const ownNeed = await publish('needs', needBody({ title: 'A Chinese need for a Chinese offer', region: undefined }), cn.apiKey);
    const pkOffer = await publish('offers', offerBody({ title: 'Pakistani drip kit' }), pkOther.apiKey);
    // self-introduction and same-country pairs: 422
    const self = await introduce({ needId: ownNeed, offerId, ...message }, cn.apiKey);
    expect(self.status).toBe(422);
    const sameCountry = await introduce({ needId, offerId: pkOffer, ...message }, pk.apiKey);
    expect(sameCountry.status).toBe(422);
    expect(sameCountry.json.errors[0].field).toBe('offerId');
    // neither party: 422; unknown need: 404
    expect((await http.post('/v1/introductions', { needId, offerId, ...message }, third.apiKey)).status).toBe(422);
    expect((await http.post('/v1/introductions', { needId: randomUUID(), offerId, ...message }, pk.apiKey)).status).toBe(404);
    // not live: 409
    await introduce({ needId: ownNeed, offerId: withdrawn, ...message }, cn.apiKey); // (422) matching knows the offer
    expect((await http.post(`/v1/offers/${withdrawn}/withdraw`, undefined, cn.apiKey)).status).toBe(200);
    await waitFor(() => offerStatusInMatching(withdrawn), (s) => s === 'withdrawn', { what: 'the withdrawal reaching matching' });
    const notLive = await http.post('/v1/introductions', { needId, offerId: withdrawn, ...message }, pk.apiKey);
    expect(notLive.status).toBe(409);
    expect(notLive.json.errors[0].field).toBe('offerId');
    // the message: capped, and no contact details smuggled in
    const long = await http.post('/v1/introductions', { needId, offerId: offers[0], message: 'x'.repeat(301), language: 'en' }, pk.apiKey);
    expect(long.status).toBe(400);
    expect(long.json.errors[0].field).toBe('message');
    const smuggled = await http.post('/v1/introductions', { needId, offerId: offers[0], message: `mail me: ${pk.body.contact.email}`, language: 'en' }, pk.apiKey);
    expect(smuggled.status).toBe(422);
    expect(smuggled.json.errors[0].field).toBe('message');
    const badLanguage = await http.post('/v1/introductions', { needId, offerId: offers[0], message: 'hi', language: 'fr' }, pk.apiKey);
    expect(badLanguage.status).toBe(400);
    expect(badLanguage.json.errors[0].field).toBe('language');
    expect((await http.post('/v1/introductions', { needId, offerId: offers[0], ...message, extra: 1 }, pk.apiKey)).status).toBe(400);
    // a cursor this API did not issue, an id that is not one
    const forged = Buffer.from(JSON.stringify({ k: 'x', id: 'y' })).toString('base64url');
    for (const path of ['/v1/introductions', '/v1/me/contact-reveals']) {
      const res = await http.get(`${path}?cursor=${forged}`, pk.apiKey);
      expect(res.status).toBe(400);
      expect(res.json.errors[0].field).toBe('cursor');
    }
    expect((await http.get('/v1/introductions/not-a-uuid', pk.apiKey)).status).toBe(404);
    expect((await http.get('/v1/introductions/not-a-uuid/contacts', pk.apiKey)).status).toBe(404);
    // organisers do not ask for introductions
    expect((await http.post('/v1/introductions', { needId, offerId, ...message }, organiserKey)).status).toBe(403);
  });

  it('shows the request to the recipient (incoming) and the requester (outgoing), to nobody else', async () => {
    const incoming = await http.get('/v1/introductions?direction=incoming&status=requested', cn.apiKey);
    expect(incoming.status).toBe(200);
    expect(incoming.json.items.map((i: any) => i.id)).toContain(introductionId);
    expect(incoming.json.items.find((i: any) => i.id === introductionId)).toMatchObject({ direction: 'incoming', message: message.message });
    const outgoing = await http.get('/v1/introductions?direction=outgoing', pk.apiKey);
    expect(outgoing.json.items.map((i: any) => i.id)).toContain(introductionId);
    expect((await http.get('/v1/introductions?direction=incoming', pk.apiKey)).json.items.map((i: any) => i.id)).not.toContain(introductionId);
    expect((await http.get('/v1/introductions', third.apiKey)).json.items).toEqual([]);
    expect((await http.get(`/v1/introductions/${introductionId}`, third.apiKey)).status).toBe(404);
    expect((await http.get(`/v1/introductions/${introductionId}`, organiserKey)).status).toBe(404);
    expect((await http.get('/v1/introductions?direction=sideways', pk.apiKey)).json.errors[0].field).toBe('direction');
  });

  it('keeps contact details from everyone before mutual interest: every endpoint', async () => {
    for (const key of [pk.apiKey, cn.apiKey, third.apiKey, organiserKey]) {
      const contacts = await http.get(`/v1/introductions/${introductionId}/contacts`, key);
      expect([403, 404]).toContain(contacts.status);
      expect(leaks(contacts.text)).toEqual([]);
    }
    const reads = [
      http.get(`/v1/introductions/${introductionId}`, pk.apiKey),
      http.get(`/v1/introductions/${introductionId}`, cn.apiKey),
      http.get('/v1/introductions', pk.apiKey),
      http.get('/v1/introductions', cn.apiKey),
      http.get(`/v1/enterprises/${cn.id}`, pk.apiKey),
      http.get(`/v1/enterprises/${pk.id}`, cn.apiKey),
      http.get(`/v1/enterprises/${pk.id}`, third.apiKey),
      http.get(`/v1/enterprises/${cn.id}`, organiserKey),
      http.get(`/v1/enterprises?country=CN&limit=100`, pk.apiKey),
      http.get(`/v1/needs/${needId}/matches`, pk.apiKey),
      http.get(`/v1/needs/${needId}/matches`, organiserKey),
      http.get(`/v1/offers/${offerId}/matches`, cn.apiKey),
      http.get(`/v1/introductions/funnel?workshopId=${workshopId}`, organiserKey),
    ];
    for (const res of await Promise.all(reads)) {
      expect(res.status).toBeLessThan(500);
      // a party sees only its own contact details (on its own profile), never the counterpart's
      const own = res.text.includes(pk.body.contact.email) ? pk : res.text.includes(cn.body.contact.email) ? cn : null;
      if (own) throw new Error(`contact details of ${own.id} in a response: ${res.text.slice(0, 200)}`);
    }
  });

  it('lets only the recipient answer; a third enterprise gets 404', async () => {
    expect((await http.post(`/v1/introductions/${introductionId}/accept`, undefined, third.apiKey)).status).toBe(404);
    expect((await http.post(`/v1/introductions/${introductionId}/decline`, { reason: 'price' }, third.apiKey)).status).toBe(404);
    expect((await http.post(`/v1/introductions/${introductionId}/accept`, undefined, pk.apiKey)).status).toBe(409);
    expect((await http.post(`/v1/introductions/${introductionId}/outcomes`, { stage: 'contacted' }, pk.apiKey)).status).toBe(409);
  });

  it('after acceptance, both sides get each other’s contact details (only), and each reveal is listed for its owner', async () => {
    const accepted = await http.post(`/v1/introductions/${introductionId}/accept`, undefined, cn.apiKey);
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ status: 'accepted', mutual: false, contacts: { href: `/v1/introductions/${introductionId}/contacts` } });
    expect(leaks(accepted.text)).toEqual([]);
    const forPk = await waitFor(() => http.get(`/v1/introductions/${introductionId}/contacts`, pk.apiKey), (r) => r.status === 200, { what: 'the escrow opened in profiles' });
    expect(forPk.json).toMatchObject({ introductionId, enterpriseId: cn.id, contact: { email: cn.body.contact.email, phone: cn.body.contact.phone, name: cn.body.contact.name } });
    expect(forPk.headers.get('cache-control')).toBe('no-store');
    const forCn = await http.get(`/v1/introductions/${introductionId}/contacts`, cn.apiKey);
    expect(forCn.json).toMatchObject({ enterpriseId: pk.id, contact: { email: pk.body.contact.email } });
    for (const key of [third.apiKey, organiserKey, pkOther.apiKey, stack.adminKey]) {
      const res = await http.get(`/v1/introductions/${introductionId}/contacts`, key);
      expect([403, 404]).toContain(res.status);
      expect(leaks(res.text)).toEqual([]);
    }
    const cnSeen = await http.get('/v1/me/contact-reveals', cn.apiKey);
    expect(cnSeen.json.items).toEqual([expect.objectContaining({ introductionId, viewer: { id: pk.id, englishName: pk.body.englishName } })]);
    const pkSeen = await http.get('/v1/me/contact-reveals', pk.apiKey);
    expect(pkSeen.json.items.map((r: any) => r.viewer.id)).toEqual([cn.id]);
    expect((await http.get('/v1/me/contact-reveals', third.apiKey)).json.items).toEqual([]);
  });

  it('makes a request from each side mutual at once', async () => {
    const fromPk = await introduce({ needId, offerId: offers[1], ...message }, pk.apiKey);
    expect(fromPk.status).toBe(201);
    const fromCn = await http.post('/v1/introductions', { needId, offerId: offers[1], message: '欢迎合作', language: 'zh-Hans' }, cn.apiKey);
    expect(fromCn.status).toBe(200);
    expect(fromCn.json).toMatchObject({ id: fromPk.json.id, status: 'accepted', mutual: true });
    await waitFor(() => http.get(`/v1/introductions/${fromPk.json.id}/contacts`, cn.apiKey), (r) => r.status === 200, { what: 'mutual escrow' });
  });

  it('declines with a structured reason, records outcomes on accepted introductions only, and serves the funnel', async () => {
    const req = await introduce({ needId, offerId: offers[2], ...message, workshopId }, pk.apiKey);
    expect((await http.post(`/v1/introductions/${req.json.id}/decline`, { reason: 'cheap' }, cn.apiKey)).json.errors[0].field).toBe('reason');
    const declined = await http.post(`/v1/introductions/${req.json.id}/decline`, { reason: 'price', text: 'Above our budget' }, cn.apiKey);
    expect(declined.json).toMatchObject({ status: 'declined', decline: { reason: 'price', text: 'Above our budget' } });
    expect((await http.post(`/v1/introductions/${req.json.id}/accept`, undefined, cn.apiKey)).status).toBe(409);
    expect((await http.post(`/v1/introductions/${req.json.id}/outcomes`, { stage: 'contacted' }, pk.apiKey)).status).toBe(409);
    expect((await http.post('/v1/introductions', { needId, offerId: offers[2], ...message }, pk.apiKey)).status).toBe(409);

    expect((await http.post(`/v1/introductions/${introductionId}/outcomes`, { stage: 'signed' }, pk.apiKey)).json.errors[0].field).toBe('stage');
    const outcome = await http.post(`/v1/introductions/${introductionId}/outcomes`, { stage: 'meeting-held', reason: 'Met in Lahore' }, cn.apiKey);
    expect(outcome.status).toBe(201);
    expect(outcome.json).toMatchObject({ stage: 'meeting-held', source: 'party', recordedBy: cn.id });
    expect((await http.get(`/v1/introductions/${introductionId}`, pk.apiKey)).json.outcomes.map((o: any) => o.stage)).toEqual(['meeting-held']);

    const funnel = await http.get(`/v1/introductions/funnel?workshopId=${workshopId}`, organiserKey);
    expect(funnel.status).toBe(200);
    expect(funnel.json).toMatchObject({ total: 2, byStatus: { requested: 0, accepted: 1, declined: 1, expired: 0 }, acceptanceRate: 0.5, outcomesByStage: { 'meeting-held': 1 } });
    expect(typeof funnel.json.medianSecondsToAnswer).toBe('number');
    expect((await http.get('/v1/introductions/funnel?sector=agriculture', stack.adminKey)).json.total).toBe(3);
    expect((await http.get('/v1/introductions/funnel', pk.apiKey)).status).toBe(403);
    expect((await http.get('/v1/introductions/funnel?sector=Not A Sector', organiserKey)).json.errors[0].field).toBe('sector');
  });

  it('caps new requests per enterprise per day: 429 with Retry-After', async () => {
    // pk has made 4 new requests (limit 4): offerId, offers[1], offers[2] … and one more
    const fourth = await introduce({ needId, offerId: offers[3], ...message }, pk.apiKey);
    expect(fourth.status).toBe(201);
    const fifth = await http.post('/v1/introductions', { needId, offerId: offers[4], ...message }, pk.apiKey);
    expect(fifth.status).toBe(429);
    expect(Number(fifth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(fifth.headers.get('content-type')).toMatch(/problem\+json/);
    // an idempotent repeat is not a new request
    expect((await http.post('/v1/introductions', { needId, offerId: offers[3], ...message }, pk.apiKey)).status).toBe(200);
  });

  it('with the prior on, an offer declined twice for price ranks lower by a bounded amount and says why', async () => {
    const needA = await publish('needs', needBody({ title: 'Drip irrigation kits for orchards in Punjab' }), pkOther.apiKey);
    const needB = await publish('needs', needBody({ title: 'Solar pumps for drip irrigation of wheat' }), pkOther.apiKey);
    // offers[3] and offers[4] differ only by a model number: the engine scores them alike for needA
    const scoreOf = (r: any, id: string) => r.json.items.find((m: any) => m.offerId === id)?.score;
    const before = await waitFor(() => http.get(`/v1/needs/${needA}/matches?limit=100`, pkOther.apiKey), (r) => scoreOf(r, offers[3]) !== undefined && scoreOf(r, offers[4]) !== undefined, { what: 'needA matched' });
    expect(scoreOf(before, offers[4])).toBe(scoreOf(before, offers[3]));
    for (const id of [needA, needB]) {
      const req = await introduce({ needId: id, offerId: offers[4], ...message }, pkOther.apiKey);
      expect(req.status).toBe(201);
      expect((await http.post(`/v1/introductions/${req.json.id}/decline`, { reason: 'price' }, cn.apiKey)).status).toBe(200);
    }
    // a change the engine reads re-scores the need; the prior applies to every recomputed set
    expect((await http.patch(`/v1/needs/${needA}`, { keywords: ['drip irrigation', 'solar pump', 'orchard'] }, pkOther.apiKey)).status).toBe(200);
    const matches = await waitFor(
      () => http.get(`/v1/needs/${needA}/matches?explain=full&limit=100`, pkOther.apiKey),
      (r) => r.json?.items?.some((m: any) => m.offerId === offers[4] && m.reasons.some((t: string) => t.startsWith('Declined'))),
      { what: 'the prior’s reason on the declined offer' },
    );
    const declined = matches.json.items.find((m: any) => m.offerId === offers[4]);
    expect(declined.reasons[0]).toBe('Declined 2 times for price (−2)');
    expect(declined.score).toBeCloseTo(scoreOf(matches, offers[3]) - 2, 5); // offers[3] has no declines
    const zh = await http.get(`/v1/needs/${needA}/matches?lang=zh-Hans&limit=100`, pkOther.apiKey);
    expect(zh.json.items.find((m: any) => m.offerId === offers[4]).reasons[0]).toBe('因价格被拒绝2次（−2分）');
  });

  it('refuses to accept an introduction whose offer is no longer live (409)', async () => {
    const needC = await publish('needs', needBody({ title: 'Drip irrigation for sugarcane in Sindh' }), pkOther.apiKey);
    const goingAway = await publish('offers', offerBody({ title: '即将下架的滴灌设备' }), cn.apiKey);
    const pending = await introduce({ needId: needC, offerId: goingAway, ...message }, pkOther.apiKey);
    expect(pending.status).toBe(201);
    expect((await http.post(`/v1/offers/${goingAway}/withdraw`, undefined, cn.apiKey)).status).toBe(200);
    await waitFor(() => offerStatusInMatching(goingAway), (st) => st === 'withdrawn', { what: 'the withdrawal reaching matching' });
    const late = await http.post(`/v1/introductions/${pending.json.id}/accept`, undefined, cn.apiKey);
    expect(late.status).toBe(409);
    expect(late.json.errors[0].field).toBe('offerId');
  });

  it('puts each introduction event on matching.introduction.v1 once, and no contact details on any topic', async () => {
    const events = await waitFor(
      () => collector.of(Topics.MatchingIntroduction).map((m) => m.json()),
      (es) => es.some((e) => e.type.endsWith('outcome.recorded.v1')) && es.filter((e) => e.type.endsWith('introduction.requested.v1')).length >= 4,
      { what: 'introduction events' },
    );
    const ofFirst = events.filter((e) => e.subject === introductionId).map((e) => e.type.replace('techbridge.matching.', ''));
    expect(ofFirst).toEqual(['introduction.requested.v1', 'introduction.accepted.v1', 'outcome.recorded.v1']);
    const perSubjectAndType = events.map((e) => `${e.subject} ${e.type}`);
    expect(new Set(perSubjectAndType).size).toBe(perSubjectAndType.length);
    const reveals = await waitFor(() => collector.of(Topics.ProfilesContactReveal).map((m) => m.json()), (r) => r.length >= 2, { what: 'contacts.revealed events' });
    expect(reveals[0].data).toEqual(expect.objectContaining({ introductionId, viewerEnterpriseId: pk.id, revealedEnterpriseId: cn.id }));
    const everything = collector.messages.map((m) => `${m.key} ${m.value} ${JSON.stringify(m.headers)}`).join('\n');
    expect(collector.messages.length).toBeGreaterThan(10);
    expect(leaks(everything)).toEqual([]);
    // nor the free text of messages and declines
    expect(everything).not.toContain(message.message);
    expect(everything).not.toContain('Above our budget');
  });
});
