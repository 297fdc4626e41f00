import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Consumer, Kafka } from 'kafkajs';
import { EventTypes, NeedSnapshotV1, OfferSnapshotV1, Topics, decodeEvent } from '@techbridge/contracts';
import { KAFKA } from '@techbridge/messaging';
import { NeedDoc, OfferDoc } from '@techbridge/matching-core';
import { MATCHING_INDEX } from './matching-index.provider';
import { MatchingIndex } from './matching-index';

const OFFER_TYPES = new Set<string>([EventTypes.OfferPublished, EventTypes.OfferUpdated, EventTypes.OfferWithdrawn, EventTypes.OfferExpired, EventTypes.OfferClosed]);
const NEED_TYPES = new Set<string>([EventTypes.NeedPublished, EventTypes.NeedUpdated, EventTypes.NeedWithdrawn, EventTypes.NeedExpired, EventTypes.NeedClosed]);
const TOPICS = [Topics.CatalogOffer, Topics.CatalogNeed];

/**
 * Keeps THIS instance's in-memory index complete when several matching instances share the work.
 * The `matching.catalog` group splits partitions between instances, so each would otherwise see only
 * its share of offers. The follower reads both (compacted) catalog topics with every partition, in a
 * group of its own, from the beginning, and applies each snapshot to the index only (version-guarded,
 * no database writes). `catchUp()` returns once the topics' ends at start-up are reached: the
 * instance is not ready, and its consumer does not start, before its index is whole.
 */
@Injectable()
export class IndexFollower implements OnApplicationShutdown {
  private readonly logger = new Logger('IndexFollower');
  private readonly groupId = `matching.index.${hostname()}.${process.pid}.${randomUUID().slice(0, 8)}`;
  private consumer?: Consumer;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(MATCHING_INDEX) private readonly index: MatchingIndex,
  ) {}

  async catchUp(timeoutMs = 120_000): Promise<void> {
    const started = Date.now();
    const admin = this.kafka.admin();
    await admin.connect();
    const targets = new Map<string, number>();
    try {
      for (const topic of TOPICS) {
        for (const p of await admin.fetchTopicOffsets(topic)) {
          if (Number(p.high) > Number(p.low)) targets.set(`${topic}:${p.partition}`, Number(p.high));
        }
      }
    } finally {
      await admin.disconnect();
    }
    let applied = 0;
    let done!: () => void;
    const caughtUp = new Promise<void>((resolve) => (done = resolve));
    const reached = (topic: string, partition: number, offset: string) => {
      const key = `${topic}:${partition}`;
      const target = targets.get(key);
      if (target !== undefined && Number(offset) + 1 >= target) targets.delete(key);
      if (targets.size === 0) done();
    };
    if (targets.size === 0) done();

    this.consumer = this.kafka.consumer({ groupId: this.groupId, maxWaitTimeInMs: 50, minBytes: 1 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: TOPICS, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        try {
          const event = await decodeEvent(message.value);
          if (OFFER_TYPES.has(event.type)) applied += Number(this.index.applyOffer(event.data as OfferSnapshotV1 as unknown as OfferDoc));
          else if (NEED_TYPES.has(event.type)) applied += Number(this.index.applyNeed(event.data as NeedSnapshotV1 as unknown as NeedDoc));
        } catch {
          // Invalid messages are the primary consumer's business (it dead-letters them).
        }
        reached(topic, partition, message.offset);
      },
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      caughtUp,
      new Promise<void>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`index follower did not catch up within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    const { offers, needs } = this.index.size;
    this.logger.log(`index complete: ${offers} live offers, ${needs} open needs (${applied} newer snapshots from Kafka) in ${Date.now() - started} ms`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    // The group is per process and never reused: remove it instead of leaving it to expire.
    const admin = this.kafka.admin();
    await admin
      .connect()
      .then(() => admin.deleteGroups([this.groupId]))
      .catch(() => undefined)
      .finally(() => admin.disconnect().catch(() => undefined));
  }
}
