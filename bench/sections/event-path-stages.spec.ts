import { OtlpReceiver, nanosToMs } from '../lib/otlp-receiver';
import { newTraceparent, stageTable, stagesOf } from './event-path-stages';

describe('event-path stages', () => {
  it('reads epoch nanoseconds beyond double precision to the microsecond', () => {
    expect(nanosToMs('1796215718139123456')).toBeCloseTo(1796215718139.123, 3);
    expect(nanosToMs(5_000_000)).toBe(5);
  });

  it('splits one need into stages that add up to its total', () => {
    const need = { traceId: 't', posted: 1000, answered: 1004, seen: 1040 };
    const span = (service: string, kind: number, name: string, startMs: number, endMs: number) => ({
      traceId: 't',
      service: `techbridge-${service}`,
      kind,
      name,
      startMs,
      endMs,
    });
    const spans = [
      span('catalog', 2, 'POST /v1/needs', 1000.5, 1003.5),
      span('catalog', 4, 'send catalog.need.v1', 1006, 1010),
      span('matching', 5, 'process techbridge.catalog.need.published.v1', 1012, 1030),
      span('matching', 1, 'score need', 1015, 1018),
      span('matching', 4, 'send matching.match.v1', 1031, 1037),
    ];
    const st = stagesOf(need, spans)!;
    expect(st).toEqual({ http: 4, catalogRelay: 6, consume: 2, prepare: 3, score: 3, commit: 12, matchingRelay: 7, observe: 3 });
    expect(Object.values(st).reduce((a, b) => a + b, 0)).toBe(need.seen - need.posted);
    // A trace without matching's relay span (not exported yet) has no stages rather than wrong ones.
    expect(stagesOf(need, spans.slice(0, 4))).toBeUndefined();
    const table = stageTable('Stage', [need], { trace: () => spans } as unknown as OtlpReceiver);
    expect(table).toContain('| **POST → need.matched seen** | 1 | 40.0 |');
  });

  it('collects OTLP/HTTP JSON exports by trace id and refuses anything else', async () => {
    const receiver = new OtlpReceiver();
    const url = await receiver.start();
    try {
      const tp = newTraceparent();
      // The shape @opentelemetry/exporter-trace-otlp-http sends (JSON encoding: hex ids, string nanos).
      const body = {
        resourceSpans: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'techbridge-matching' } }] },
            scopeSpans: [
              {
                scope: { name: 'techbridge' },
                spans: [
                  { traceId: tp.traceId, spanId: 'aaaaaaaaaaaaaaaa', name: 'score need', kind: 1, startTimeUnixNano: '1796215718139123456', endTimeUnixNano: '1796215718142623456' },
                ],
              },
            ],
          },
        ],
      };
      const ok = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(ok.status).toBe(200);
      const [got] = receiver.trace(tp.traceId);
      expect(got).toMatchObject({ service: 'techbridge-matching', name: 'score need', kind: 1 });
      expect(got.endMs - got.startMs).toBeCloseTo(3.5, 3);
      const bad = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body: 'x' });
      expect(bad.status).toBe(400);
      expect(receiver.rejected).toBe(1);
    } finally {
      await receiver.stop();
    }
  });
});
