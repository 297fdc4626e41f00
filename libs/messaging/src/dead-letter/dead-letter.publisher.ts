import { Kafka, KafkaMessage, Producer } from 'kafkajs';
import { dlqTopicOf } from '@techbridge/contracts';

export interface DeadLetterInput {
  topic: string;
  partition: number;
  message: KafkaMessage;
  consumer: string;
  error: unknown;
  attempts: number;
}

/** Header names on a dead-lettered message; `replayDeadLetters` reads them back. */
export const DlqHeaders = {
  Topic: 'x-original-topic',
  Partition: 'x-original-partition',
  Offset: 'x-original-offset',
  Consumer: 'x-consumer',
  Error: 'x-error',
  ErrorClass: 'x-error-class',
  Attempts: 'x-attempts',
  FailedAt: 'x-failed-at',
} as const;

/** Moves a message that cannot be processed to `<topic>.dlq`, unchanged, with the reason in headers. */
export class DeadLetterPublisher {
  private producer?: Producer;
  private connecting?: Promise<Producer>;

  constructor(private readonly kafka: Kafka) {}

  /** Connects now; `send` also connects on first use, so a service never waits for it at start-up. */
  async connect(): Promise<void> {
    await this.ready();
  }

  async disconnect(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    this.connecting = undefined;
    await producer?.disconnect();
  }

  async send(input: DeadLetterInput): Promise<void> {
    const producer = await this.ready();
    const err = input.error as Error;
    await producer.send({
      topic: dlqTopicOf(input.topic),
      acks: -1,
      messages: [
        {
          key: input.message.key,
          value: input.message.value,
          headers: {
            ...input.message.headers,
            [DlqHeaders.Topic]: input.topic,
            [DlqHeaders.Partition]: String(input.partition),
            [DlqHeaders.Offset]: input.message.offset,
            [DlqHeaders.Consumer]: input.consumer,
            [DlqHeaders.Error]: String(err?.message ?? err).slice(0, 2000),
            [DlqHeaders.ErrorClass]: err?.name ?? 'Error',
            [DlqHeaders.Attempts]: String(input.attempts),
            [DlqHeaders.FailedAt]: new Date().toISOString(),
          },
        },
      ],
    });
  }

  private ready(): Promise<Producer> {
    if (this.producer) return Promise.resolve(this.producer);
    this.connecting ??= (async () => {
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      try {
        await producer.connect();
      } catch (err) {
        this.connecting = undefined;
        throw err;
      }
      this.producer = producer;
      return producer;
    })();
    return this.connecting;
  }
}
