/**
 * A minimal OTLP/HTTP JSON trace receiver for the bench: the services export their spans to it
 * (OTEL_TRACES_EXPORTER=otlp, `@opentelemetry/exporter-trace-otlp-http` sends JSON), and the event-path
 * section reads per-trace timings out of it to build its stage table. Only what the section needs is
 * kept: trace id, service, name, kind and the two timestamps (epoch milliseconds, fractional).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSpan {
  traceId: string;
  service: string;
  name: string;
  /** OTLP SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer */
  kind: number;
  startMs: number;
  endMs: number;
}

interface OtlpAttribute {
  key: string;
  value?: { stringValue?: string };
}
interface OtlpSpan {
  traceId: string;
  name: string;
  kind?: number;
  startTimeUnixNano: string | number;
  endTimeUnixNano: string | number;
}
interface OtlpRequest {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: { spans?: OtlpSpan[] }[];
  }[];
}

/** Epoch nanoseconds (a decimal string: it does not fit a double) as fractional milliseconds. */
export function nanosToMs(nanos: string | number): number {
  if (typeof nanos === 'number') return nanos / 1e6;
  const n = BigInt(nanos);
  return Number(n / 1000n) / 1000;
}

export function spansOf(body: OtlpRequest): ReceivedSpan[] {
  const out: ReceivedSpan[] = [];
  for (const rs of body.resourceSpans ?? []) {
    const service = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value?.stringValue ?? '';
    for (const ss of rs.scopeSpans ?? [])
      for (const s of ss.spans ?? [])
        out.push({
          traceId: s.traceId,
          service,
          name: s.name,
          kind: s.kind ?? 0,
          startMs: nanosToMs(s.startTimeUnixNano),
          endMs: nanosToMs(s.endTimeUnixNano),
        });
  }
  return out;
}

export class OtlpReceiver {
  private readonly byTrace = new Map<string, ReceivedSpan[]>();
  private server?: http.Server;
  received = 0;
  rejected = 0;

  /** Starts listening on a free localhost port; returns the traces endpoint URL. */
  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          if (req.method !== 'POST' || !/json/.test(req.headers['content-type'] ?? '')) throw new Error('not OTLP JSON');
          for (const span of spansOf(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpRequest)) {
            const list = this.byTrace.get(span.traceId) ?? [];
            list.push(span);
            this.byTrace.set(span.traceId, list);
            this.received++;
          }
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        } catch {
          this.rejected++;
          res.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1/traces`;
  }

  trace(traceId: string): ReceivedSpan[] {
    return this.byTrace.get(traceId) ?? [];
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
