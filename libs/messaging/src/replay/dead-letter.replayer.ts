import { Kafka } from 'kafkajs';
import { dlqTopicOf } from '@techbridge/contracts';
import { DlqHeaders } from '../dead-letter/dead-letter.publisher';
import type { InboxConsumer } from '../inbox/inbox.consumer';

export interface DeadLetterReplayResult {
  consumer: string;
  /** Dead letters of this consumer read and applied again (through the inbox: a repeat is a no-op). */
  replayed: number;
  /** Of those, dead-lettered again (the cause is not fixed yet). */
  failedAgain: number;
}

/**
 * Re-applies one consumer's dead letters after the bug that sent them there is fixed. Reads the DLQ of
 * each of its topics up to the current end, takes the messages it dead-lettered itself (`x-consumer`),
 * and runs each through the consumer's own path: decode, registry checks, inbox transaction, retries.
 * Nothing is written back to the original topic (that would put an old snapshot behind newer ones on
 * a compacted topic). Progress is committed in the group `<consumer>.dlq-replay`, so the next replay
 * starts after this one; the inbox makes replaying an already-applied event harmless anyway.
 */
export async function replayDeadLetters(kafka: Kafka, consumer: InboxConsumer, timeoutMs = 60_000): Promise<DeadLetterReplayResult> {
  const result: DeadLetterReplayResult = { consumer: consumer.name, replayed: 0, failedAgain: 0 };
  const dlqs = consumer.topics.map(dlqTopicOf);
  const groupId = `${consumer.name}.dlq-replay`;
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<string, number>(); // `${topic}:${partition}` → end offset at the start
  try {
    for (const dlq of dlqs) {
      const ends = await admin.fetchTopicOffsets(dlq);
      const [committed] = await admin.fetchOffsets({ groupId, topics: [dlq] });
      for (const end of ends) {
        const from = Math.max(Number(committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1), Number(end.low));
        if (Number(end.high) > from) remaining.set(`${dlq}:${end.partition}`, Number(end.high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  if (remaining.size === 0) return result;

  const reader = kafka.consumer({ groupId, maxWaitTimeInMs: 50 });
  await reader.connect();
  try {
    await reader.subscribe({ topics: dlqs, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`replay of ${dlqs.join(', ')} timed out`)), timeoutMs);
      void reader
        .run({
          autoCommit: true,
          eachMessage: async ({ topic, partition, message }) => {
            const key = `${topic}:${partition}`;
            const end = remaining.get(key);
            if (end === undefined || Number(message.offset) >= end) return;
            const header = (name: string) => message.headers?.[name]?.toString();
            if (header(DlqHeaders.Consumer) === consumer.name) {
              const originalTopic = header(DlqHeaders.Topic) ?? topic.replace(/\.dlq$/, '');
              const again = await consumer.replay(originalTopic, Number(header(DlqHeaders.Partition) ?? 0), message);
              result.replayed += 1;
              if (again) result.failedAgain += 1;
            }
            if (Number(message.offset) + 1 >= end) remaining.delete(key);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await reader.disconnect();
  }
  return result;
}
