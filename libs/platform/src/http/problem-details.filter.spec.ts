import { BadRequestException } from '@nestjs/common';
import { ProblemDetailsFilter, outageSummary } from './problem-details.filter';
import { Problems } from './problem';

/** Runs the filter against a recording reply, as Fastify would hand it over. */
function render(exception: unknown) {
  const headers: Record<string, string> = {};
  let status = 0;
  let body = '';
  const reply = {
    header: (k: string, v: string) => ((headers[k.toLowerCase()] = v), reply),
    status: (s: number) => ((status = s), reply),
    send: (b: string) => ((body = b), reply),
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ url: '/v1/needs' }), getResponse: () => reply }),
  } as any;
  new ProblemDetailsFilter().catch(exception, host);
  return { status, headers, json: JSON.parse(body) };
}

describe('ProblemDetailsFilter', () => {
  it('answers a database outage with 503 and Retry-After, never 500', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const res = render(refused);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const terminated = render({
      driverError: { code: '57P01', message: 'terminating connection due to administrator command' },
    });
    expect(terminated.status).toBe(503);
  });

  it('names the field of a validation problem', () => {
    const res = render(Problems.validation([{ field: 'budget.max', message: 'too small' }]));
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ status: 400, instance: '/v1/needs', errors: [{ field: 'budget.max' }] });
  });

  it('names the body for an oversized or malformed body', () => {
    const tooLarge = render(
      Object.assign(new Error('Request body is too large'), {
        code: 'FST_ERR_CTP_BODY_TOO_LARGE',
        statusCode: 413,
      }),
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.errors[0].field).toBe('body');
    const badJson = render(new BadRequestException('Body is not valid JSON'));
    expect(badJson.json.errors[0].field).toBe('body');
  });

  it('hides the details of an unexpected error behind a 500', () => {
    const res = render(new TypeError('x is undefined'));
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.json)).not.toMatch(/undefined/);
  });
});

describe('outageSummary', () => {
  it('logs a message, else a code or class, never "[object Object]" or the object itself', () => {
    expect(outageSummary(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe(
      'connect ECONNREFUSED 127.0.0.1:5432',
    );
    expect(outageSummary({ code: '57P03', parameters: ['ayesha@example.pk'] })).toBe('57P03');
    expect(outageSummary({ parameters: ['ayesha@example.pk'] })).toBe('unknown error');
    expect(outageSummary('pool ended')).toBe('pool ended');
  });
});
