import { KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { isPermanentProducerError, isProducerSessionError, producerErrorText } from './producer-errors';

/** What kafkajs throws for a broker error code (its protocol/error.js table), bare and after its retries gave up. */
const TYPES: Record<number, string> = {
  6: 'NOT_LEADER_FOR_PARTITION',
  10: 'MESSAGE_TOO_LARGE',
  45: 'OUT_OF_ORDER_SEQUENCE_NUMBER',
  47: 'INVALID_PRODUCER_EPOCH',
  59: 'UNKNOWN_PRODUCER_ID',
};
const protocolError = (code: number) =>
  new KafkaJSProtocolError({ type: TYPES[code], code, retriable: code === 6, message: `broker error ${code}` } as never);

describe('producer error classes', () => {
  it('takes a broker that lost the producer’s sequence state as a session to renew, not a row to park nor an outage', () => {
    for (const code of [45, 59, 47]) {
      // 45 OUT_OF_ORDER_SEQUENCE_NUMBER, 59 UNKNOWN_PRODUCER_ID, 47 INVALID_PRODUCER_EPOCH
      const bare = protocolError(code);
      const wrapped = new KafkaJSNumberOfRetriesExceeded(bare, { retryCount: 5, retryTime: 2000 });
      expect(isProducerSessionError(bare)).toBe(true);
      expect(isProducerSessionError(wrapped)).toBe(true);
      expect(isPermanentProducerError(wrapped)).toBe(false);
    }
    expect(producerErrorText(protocolError(45))).toMatch(/^OUT_OF_ORDER_SEQUENCE_NUMBER/);
  });

  it('leaves outages and row errors to their own handling', () => {
    expect(isProducerSessionError(protocolError(6))).toBe(false); // NOT_LEADER_FOR_PARTITION: wait it out
    expect(isProducerSessionError(protocolError(10))).toBe(false); // MESSAGE_TOO_LARGE: park the row
    expect(isPermanentProducerError(protocolError(10))).toBe(true);
    expect(isProducerSessionError(new Error('connect ECONNREFUSED 127.0.0.1:9092'))).toBe(false);
  });
});
