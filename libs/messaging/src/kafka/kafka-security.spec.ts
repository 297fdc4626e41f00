import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kafkaSecurityFromEnv } from './kafka-security';

describe('kafkaSecurityFromEnv', () => {
  it('is plaintext without settings (the local broker)', () => {
    expect(kafkaSecurityFromEnv({})).toEqual({});
  });

  it('builds SCRAM-SHA-512 over TLS with a cluster CA file (Strimzi KafkaUser)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-kafka-ca-'));
    const ca = path.join(dir, 'ca.crt');
    fs.writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n');
    const s = kafkaSecurityFromEnv({
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: 'matching',
      KAFKA_SASL_PASSWORD: 'secret',
      KAFKA_SSL_CA_FILE: ca,
    });
    expect(s.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'matching', password: 'secret' });
    expect(s.ssl).toEqual({ ca: [expect.stringContaining('BEGIN CERTIFICATE')] });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a mechanism without credentials, or an unknown one', () => {
    expect(() => kafkaSecurityFromEnv({ KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toThrow(/USERNAME and KAFKA_SASL_PASSWORD/);
    expect(() => kafkaSecurityFromEnv({ KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_SASL_USERNAME: 'a', KAFKA_SASL_PASSWORD: 'b' })).toThrow(/must be one of/);
  });

  it('uses TLS with the system CAs on KAFKA_SSL=true', () => {
    expect(kafkaSecurityFromEnv({ KAFKA_SSL: 'true' })).toEqual({ ssl: true });
  });
});
