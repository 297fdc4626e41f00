import { DataSource } from 'typeorm';
import { createKafka } from '@techbridge/messaging';
import { OutageBroker, waitFor } from '@techbridge/testing';
import { Stack, startStack } from '../support/stack';
import { registerEnterprise } from '../e2e/support/api';

jest.setTimeout(180_000);

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const SASL = { username: 'techbridge-admin', password: 'scram-secret-for-tests-only' };

/**
 * Issue 13 §10: a broker that requires SASL/SCRAM refuses a client without credentials; the services
 * take theirs from configuration (KAFKA_SASL_MECHANISM / _USERNAME / _PASSWORD) and work as usual.
 */
describe('a broker with SASL/SCRAM (integration)', () => {
  const broker = new OutageBroker('sasl', 59592, {}, SASL);
  let stack: Stack | undefined;

  beforeAll(async () => {
    await broker.start({ fresh: true });
  });
  afterAll(async () => {
    await stack?.stop();
    await broker.stop();
  });

  it('refuses a client without credentials, and one with a wrong password', async () => {
    for (const security of [{}, { sasl: { mechanism: 'scram-sha-512' as const, username: SASL.username, password: 'wrong' } }]) {
      const admin = createKafka(broker.brokers, 'no-credentials', quiet, security).admin();
      await expect(
        (async () => {
          await admin.connect();
          return admin.listTopics();
        })(),
      ).rejects.toThrow();
      await admin.disconnect().catch(() => undefined);
    }
    const ok = createKafka(broker.brokers, 'with-credentials', quiet, { sasl: { mechanism: 'scram-sha-512', ...SASL } }).admin();
    await ok.connect();
    expect(await ok.listTopics()).toContain('profiles.enterprise.v2');
    await ok.disconnect();
  });

  it('runs the services with the credentials from their configuration', async () => {
    stack = await startStack({
      name: 'sasl',
      services: ['profiles', 'catalog'],
      env: { KAFKA_BROKERS: broker.brokers, KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: SASL.username, KAFKA_SASL_PASSWORD: SASL.password },
    });
    const cn = await registerEnterprise(stack.gatewayUrl, { country: 'CN' });
    const catalogDb = stack.apps.catalog!.get(DataSource);
    await waitFor(() => catalogDb.query(`SELECT 1 FROM known_enterprises WHERE enterprise_id = $1`, [cn.id]), (r: unknown[]) => r.length === 1, {
      what: 'the enterprise carried from profiles to catalog over the SASL listener',
      timeoutMs: 60_000,
    });
  });
});
