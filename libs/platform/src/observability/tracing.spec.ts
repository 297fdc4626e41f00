import { Writable } from 'node:stream';
import { context, propagation, trace } from '@opentelemetry/api';
import pino from 'pino';
import { contextFromCarrier, installTracing, traceLogFields, tracer } from './tracing';

describe('tracing', () => {
  beforeAll(() => installTracing('unit', { OTEL_TRACES_EXPORTER: 'none' }));

  function logLines(write: (log: pino.Logger) => void): Record<string, unknown>[] {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    write(pino({ mixin: traceLogFields }, sink));
    return lines.map((l) => JSON.parse(l));
  }

  it('continues an incoming traceparent: same trace id, a new span, and that span in the log lines', () => {
    const parent = contextFromCarrier({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    const span = tracer().startSpan('work', {}, parent);
    const [inside] = logLines((log) => context.with(trace.setSpan(parent, span), () => log.info('inside')));
    expect(inside).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: span.spanContext().spanId });
    expect(span.spanContext().spanId).not.toBe('00f067aa0ba902b7');

    const carrier: Record<string, string> = {};
    context.with(trace.setSpan(parent, span), () => propagation.inject(context.active(), carrier));
    expect(carrier.traceparent).toBe(`00-4bf92f3577b34da6a3ce929d0e0e4736-${span.spanContext().spanId}-01`);
    span.end();
  });

  it('adds nothing to log lines outside a trace, and ignores a malformed traceparent', () => {
    const [outside] = logLines((log) => log.info('outside'));
    expect(outside).not.toHaveProperty('traceId');
    expect(trace.getSpan(contextFromCarrier({ traceparent: 'garbage' }))).toBeUndefined();
  });

  it('refuses an unknown exporter name instead of silently not exporting', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require('./tracing') as typeof import('./tracing');
      expect(() => fresh.installTracing('unit', { OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/none, otlp or console/);
    });
  });
});
