import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, Kafka } from 'kafkajs';
import { retryWhileSettling } from './test-kafka';

export interface StoredRecord {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
}

/**
 * Reads every record a topic holds right now (earliest offset to the high watermark taken at the
 * call), without joining a consumer group's committed offsets. For tests that inspect what a fresh
 * consumer would see from offset 0.
 */
export async function readWholeTopic(kafka: Kafka, topic: string, timeoutMs = 30_000): Promise<StoredRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await retryWhileSettling(() => admin.fetchTopicOffsets(topic)).finally(() => admin.disconnect());
  const pending = new Map(offsets.filter((o) => Number(o.high) > Number(o.low)).map((o) => [o.partition, Number(o.high)]));
  const records: StoredRecord[] = [];
  if (pending.size === 0) return records;
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}`, maxWaitTimeInMs: 50 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`reading ${topic} timed out`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          const end = pending.get(partition);
          if (end === undefined || Number(message.offset) >= end) return;
          records.push({ partition, offset: message.offset, key: message.key?.toString() ?? null, value: message.value?.toString() ?? null });
          if (Number(message.offset) + 1 >= end) pending.delete(partition);
          if (pending.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}

/** Topic settings that make the log cleaner compact within a second (tests only). */
export async function compactAggressively(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.alterConfigs({
      validateOnly: false,
      resources: topics.map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configEntries: [
          { name: 'cleanup.policy', value: 'compact' },
          { name: 'segment.ms', value: '100' },
          { name: 'min.cleanable.dirty.ratio', value: '0.001' },
          { name: 'min.compaction.lag.ms', value: '0' },
          { name: 'delete.retention.ms', value: '100' },
        ],
      })),
    });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Rolls the active segment of every partition (a tombstone for a throw-away key, so the cleaner may
 * compact what came before it) until no key with a value occurs twice on the topic, i.e. the log
 * cleaner has compacted everything written before. Returns the compacted records (tombstones and the
 * roll markers left out).
 */
export async function waitUntilCompacted(kafka: Kafka, topic: string, timeoutMs = 60_000): Promise<StoredRecord[]> {
  const deadline = Date.now() + timeoutMs;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const admin = kafka.admin();
  await admin.connect();
  try {
    const partitions = (await admin.fetchTopicOffsets(topic)).map((o) => o.partition);
    for (;;) {
      const records = (await readWholeTopic(kafka, topic)).filter((r) => r.value !== null);
      const perKey = new Map<string, number>();
      for (const r of records) perKey.set(r.key ?? '', (perKey.get(r.key ?? '') ?? 0) + 1);
      if ([...perKey.values()].every((n) => n === 1)) return records;
      if (Date.now() > deadline) {
        const dup = [...perKey].filter(([, n]) => n > 1).slice(0, 3);
        throw new Error(`${topic} was not compacted within ${timeoutMs} ms (keys still repeated: ${JSON.stringify(dup)})`);
      }
      // segment.ms only rolls a segment when a record arrives after it: send one roll marker per partition.
      await producer.send({
        topic,
        acks: -1,
        messages: partitions.map((partition) => ({ partition, key: `segment-roll-${randomUUID()}`, value: null })),
      });
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await producer.disconnect();
    await admin.disconnect();
  }
}

/** True once the group's committed offsets have reached every partition's end on these topics. */
export async function groupCaughtUp(kafka: Kafka, groupId: string, topics: string[]): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      for (const end of ends) {
        if (Number(end.high) === Number(end.low)) continue;
        const c = committed.partitions.find((p) => p.partition === end.partition);
        if (!c || Number(c.offset) < Number(end.high)) return false;
      }
    }
    return true;
  } finally {
    await admin.disconnect();
  }
}
