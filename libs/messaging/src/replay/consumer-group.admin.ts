import { Kafka } from 'kafkajs';

/**
 * Rewinds a (stopped) consumer group to the start of its topics: the next start replays everything,
 * and the inbox turns every already-applied event into a no-op.
 */
export async function rewindConsumerGroup(kafka: Kafka, groupId: string, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of topics) await admin.resetOffsets({ groupId, topic, earliest: true });
  } finally {
    await admin.disconnect();
  }
}
