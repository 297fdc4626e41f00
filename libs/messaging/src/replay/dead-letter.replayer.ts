import { Kafka } from 'kafkajs';
import { dlqTopicOf } from '@techbridge/contracts';
import { DlqHeaders } from '../dead-letter/dead-letter.publisher';

/**
 * Sends every message currently in `<topic>.dlq` back to its original topic (after the bug that sent
 * it there is fixed). Idempotent consumers make a second replay harmless.
 */
export async function replayDeadLetters(kafka: Kafka, topic: string, timeoutMs = 5000): Promise<number> {
  const dlq = dlqTopicOf(topic);
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(dlq);
  await admin.disconnect();
  const remaining = new Map(offsets.map((o) => [o.partition, { from: Number(o.low), to: Number(o.high) }]));
  const total = [...remaining.values()].reduce((n, o) => n + (o.to - o.from), 0);
  if (total === 0) return 0;

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `dlq-replayer-${Date.now()}`, maxWaitTimeInMs: 50 });
  await Promise.all([producer.connect(), consumer.connect()]);
  let replayed = 0;
  try {
    await consumer.subscribe({ topic: dlq, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`replay of ${dlq} timed out`)), timeoutMs + total * 50);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          const bounds = remaining.get(partition);
          if (!bounds || Number(message.offset) >= bounds.to) return;
          const headers = { ...message.headers };
          for (const h of Object.values(DlqHeaders)) delete headers[h];
          await producer.send({ topic, acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
          replayed += 1;
          if (replayed === total) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
  }
  return replayed;
}
