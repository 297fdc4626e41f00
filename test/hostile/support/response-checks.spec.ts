import { leakFailures, namesField, problemFailures, valueAt } from './response-checks';

describe('hostile-input response checks', () => {
  it('wants a problem+json body naming the field for a 400', () => {
    const problem = {
      type: 't',
      title: 'Invalid',
      status: 400,
      errors: [{ field: 'price.min', message: 'x' }],
    };
    expect(problemFailures(400, 'application/problem+json; charset=utf-8', problem, 'price')).toEqual([]);
    expect(problemFailures(400, 'application/problem+json', problem, 'title')).toEqual([
      '400 problem names price.min, not title',
    ]);
    expect(problemFailures(400, 'application/json', problem)).toHaveLength(1);
    expect(problemFailures(431, 'application/json', { error: 'x' })).toHaveLength(3);
    expect(problemFailures(200, 'application/json', null)).toEqual([]);
    expect(namesField([{ field: 'venues[0].city.en' }], 'venues[0].city')).toBe(true);
    expect(valueAt({ venues: [{ city: { en: 'Kunming' } }] }, 'venues[0].city.en')).toBe('Kunming');
  });

  it('finds stack traces, SQL and keys in error bodies, but not the client’s own input echoed back', () => {
    expect(leakFailures(500, 'Error: x\n    at foo (/app/dist/main.js:10:5)', [])).toHaveLength(1);
    expect(
      leakFailures(400, 'duplicate key value violates unique constraint "wishes_pkey"', []),
    ).toHaveLength(1);
    expect(leakFailures(401, 'bad key tb_123_secret', ['tb_123_secret'])).toEqual([
      'error body contains an API key',
    ]);
    const echoed = "' UNION SELECT key_hash, principal_id FROM credentials --";
    expect(
      leakFailures(400, JSON.stringify({ message: `unknown time zone "${echoed}"` }), [], echoed),
    ).toEqual([]);
    expect(leakFailures(200, 'SELECT * FROM x', [])).toEqual([]);
  });
});
