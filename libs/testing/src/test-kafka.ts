import { randomUUID } from 'node:crypto';
import { Consumer, IHeaders, Kafka, logLevel } from 'kafkajs';

export function testBrokers(): string {
  return process.env.KAFKA_BROKERS ?? '127.0.0.1:19092';
}

export function testKafka(clientId = 'techbridge-test'): Kafka {
  return new Kafka({ clientId, brokers: testBrokers().split(','), logLevel: logLevel.NOTHING });
}

export interface CollectedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  json<T = any>(): T;
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k] = Array.isArray(v) ? String(v[0]) : String(v ?? '');
  return out;
}

/** Retries an admin call that fails with a leadership error while a fresh broker settles (≤ 10 s). */
export async function retryWhileSettling<T>(call: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await call();
    } catch (err) {
      const type = (err as { type?: string }).type ?? '';
      if (Date.now() > deadline || !/NOT_LEADER|LEADER_NOT_AVAILABLE|UNKNOWN_TOPIC_OR_PARTITION|COORDINATOR/.test(type)) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/**
 * Reads topics from their current end onwards into memory, so a test can wait for the messages its
 * action produced. Call `ready` before acting.
 */
export class TopicCollector {
  readonly messages: CollectedMessage[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: string[],
  ) {}

  async start(): Promise<this> {
    const admin = this.kafka.admin();
    await admin.connect();
    const ends = new Map<string, { partition: number; offset: string }[]>();
    try {
      // Right after a broker starts, partition leadership may still be settling: retry briefly.
      for (const topic of this.topics) ends.set(topic, await retryWhileSettling(() => admin.fetchTopicOffsets(topic)));
    } finally {
      await admin.disconnect();
    }

    this.consumer = this.kafka.consumer({ groupId: `test-collector-${randomUUID()}`, maxWaitTimeInMs: 20 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: false });
    let assigned!: () => void;
    const ready = new Promise<void>((r) => (assigned = r));
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => assigned());
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const value = message.value?.toString() ?? null;
        this.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value,
          headers: headersToStrings(message.headers),
          json: () => JSON.parse(value ?? 'null'),
        });
      },
    });
    await ready;
    for (const [topic, offsets] of ends) {
      for (const { partition, offset } of offsets) this.consumer.seek({ topic, partition, offset });
    }
    return this;
  }

  of(topic: string): CollectedMessage[] {
    return this.messages.filter((m) => m.topic === topic);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
