import { Admin } from 'kafkajs';

export interface PartitionLag {
  topic: string;
  partition: number;
  /** High-water mark minus the group's committed offset (from the log start when nothing is committed). */
  lag: number;
}

/** Lag of one consumer group on its topics, per partition, as an operator's `--describe` shows it. */
export async function consumerGroupLag(admin: Admin, groupId: string, topics: string[]): Promise<PartitionLag[]> {
  const committed = await admin.fetchOffsets({ groupId, topics });
  const out: PartitionLag[] = [];
  for (const { topic, partitions } of committed) {
    const ends = await admin.fetchTopicOffsets(topic);
    for (const end of ends) {
      const offset = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
      const from = offset >= 0 ? offset : Number(end.low);
      out.push({ topic, partition: end.partition, lag: Math.max(0, Number(end.high) - from) });
    }
  }
  return out;
}
