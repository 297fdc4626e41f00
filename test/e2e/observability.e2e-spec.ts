import { randomBytes } from 'node:crypto';
import { EventTypes, Topics } from '@techbridge/contracts';
import { TopicCollector, testKafka, waitFor } from '@techbridge/testing';
import { Stack, startStack } from '../support/stack';
import { api, registerEnterprise } from './support/api';
import { needBody, offerBody } from './support/catalog-bodies';

/** `name{a="x",b="y"} 3` lines of a Prometheus exposition whose labels include all of `labels`. */
function samples(exposition: string, name: string, labels: Record<string, string> = {}): number[] {
  return exposition
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
    .filter((l) => Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)))
    .map((l) => Number(l.slice(l.lastIndexOf(' ') + 1)));
}

const traceIdOf = (traceparent: string | undefined) => traceparent?.split('-')[1];

/**
 * Metrics and traces on the real stack: one need's trace id from the HTTP request through catalog's
 * outbox and Kafka headers into matching's `need.matched`, and the series the alerts read.
 */
describe('observability (e2e)', () => {
  let stack: Stack;
  let http: ReturnType<typeof api>;
  let collector: TopicCollector;
  let pk: { id: string; apiKey: string };
  const MODEL = `OBS${randomBytes(3).toString('hex').toUpperCase()}`;

  beforeAll(async () => {
    stack = await startStack({ services: ['profiles', 'catalog', 'matching'], name: 'obs_e2e', env: { REGISTRATION_RATE_LIMIT: '1000' } });
    http = api(stack.gatewayUrl);
    collector = await new TopicCollector(testKafka(), [Topics.CatalogNeed, Topics.MatchingMatch]).start();
    const cn = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
    pk = await registerEnterprise(stack.gatewayUrl, { country: 'PK' });
    for (const key of [cn.apiKey, pk.apiKey]) {
      await waitFor(() => http.get('/v1/offers?mine=true&limit=1', key), (r) => r.status === 200, { what: 'key usable in catalog' });
    }
    const offer = await http.post('/v1/offers?publish=true', offerBody({ keywords: ['滴灌', MODEL] }), cn.apiKey);
    expect(offer.status).toBe(201);
  });

  afterAll(async () => {
    await collector?.stop();
    await stack?.stop();
  });

  const needEvents = (id: string) => collector.of(Topics.CatalogNeed).filter((m) => m.key === id);
  const matchedEvents = (id: string) => collector.of(Topics.MatchingMatch).filter((m) => m.key === id && m.json().type === EventTypes.NeedMatched);

  it("continues the caller's traceparent into catalog's event and matching's need.matched", async () => {
    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    const need = await http.post('/v1/needs?publish=true', needBody({ keywords: ['drip irrigation', MODEL] }), pk.apiKey, { headers: { traceparent } });
    expect(need.status).toBe(201);

    const [published] = await waitFor(async () => needEvents(need.json.id), (m) => m.length > 0, { what: 'need.published on Kafka' });
    expect(traceIdOf(published.json().traceparent)).toBe(traceId); // CloudEvents tracing extension
    expect(traceIdOf(published.headers.traceparent)).toBe(traceId); // Kafka header
    // A child span of the request's, not the caller's span copied through.
    expect(published.json().traceparent).not.toBe(traceparent);

    // Matching may first work through other tests' events still waiting on the shared test broker's
    // catalog topics (hundreds of dead-letters in a full run): this asserts the trace, not the latency.
    const [matched] = await waitFor(async () => matchedEvents(need.json.id), (m) => m.length > 0, { what: 'need.matched on Kafka', timeoutMs: 60_000 });
    expect(traceIdOf(matched.json().traceparent)).toBe(traceId);
    expect(traceIdOf(matched.headers.traceparent)).toBe(traceId);
    expect(matched.json().traceparent).not.toBe(published.json().traceparent);
  });

  it('starts a trace at the gateway when the caller sends none (or a malformed one)', async () => {
    const ids: string[] = [];
    for (const headers of [{}, { traceparent: 'not-a-trace' }] as Record<string, string>[]) {
      const need = await http.post('/v1/needs?publish=true', needBody({ keywords: [MODEL] }), pk.apiKey, { headers });
      expect(need.status).toBe(201);
      const [published] = await waitFor(async () => needEvents(need.json.id), (m) => m.length > 0, { what: 'need.published' });
      expect(published.json().traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      ids.push(traceIdOf(published.json().traceparent)!);
    }
    expect(new Set(ids).size).toBe(2);
  });

  it('serves the metrics the alerts read on each service port, never through the gateway', async () => {
    const need = await http.post('/v1/needs?publish=true', needBody({ keywords: ['solar pump', MODEL] }), pk.apiKey);
    expect(need.status).toBe(201);
    await waitFor(async () => matchedEvents(need.json.id), (m) => m.length > 0, { what: 'need.matched on Kafka' });

    const scrape = async (service: 'catalog' | 'matching') => {
      const res = await fetch(`${stack.urls[service]}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      return res.text();
    };
    const catalog = await scrape('catalog');
    expect(samples(catalog, 'techbridge_http_requests_total', { service: 'catalog', method: 'POST', route: '/v1/needs', status: '201' })[0]).toBeGreaterThanOrEqual(3);
    expect(samples(catalog, 'techbridge_http_request_duration_seconds_count', { route: '/v1/needs', status: '201' })[0]).toBeGreaterThanOrEqual(3);
    expect(samples(catalog, 'techbridge_outbox_oldest_pending_age_seconds', { service: 'catalog' })).toHaveLength(1);
    expect(samples(catalog, 'techbridge_outbox_parked_messages', { service: 'catalog' })).toEqual([0]);
    expect(samples(catalog, 'techbridge_dead_letters_total')).toEqual([]); // nothing dead-lettered, no series yet

    // Matching committed match sets for our three needs; its counters and gauges say so.
    const matching = await waitFor(
      () => scrape('matching'),
      (text) => (samples(text, 'techbridge_match_latency_seconds_count', { trigger: 'need.published' })[0] ?? 0) >= 3,
      { what: 'match latency observed for the needs' },
    );
    expect(samples(matching, 'techbridge_inbox_events_total', { consumer: 'matching', topic: Topics.CatalogNeed })[0]).toBeGreaterThanOrEqual(3);
    expect(samples(matching, 'techbridge_matching_index_documents', { kind: 'offer' })[0]).toBeGreaterThanOrEqual(1);
    const lag = samples(matching, 'techbridge_kafka_consumer_lag', { group: 'matching', topic: Topics.CatalogNeed });
    expect(lag.length).toBeGreaterThan(0);
    expect(lag.every((n) => n >= 0)).toBe(true);

    const viaGateway = await fetch(`${stack.gatewayUrl}/metrics`);
    expect(viaGateway.status).toBe(404);
  });
});
