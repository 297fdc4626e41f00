/**
 * Catalog's events as the bench produces them straight to Kafka (standing in for catalog's outbox
 * relay): synthetic documents with UUID ids, `createEnvelope` + `encodeEvent`, key = aggregate id,
 * idempotent producer, acks=all. And the positions of matching's consumer group, so a section can make
 * matching start exactly where its own events begin.
 */
import { createHash } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { EventTypes, Topics, createEnvelope, encodeEvent, sourceOf } from '@techbridge/contracts';
import type { NeedDoc, OfferDoc } from '@techbridge/matching-core';

/** A stable v4-shaped UUID from a string (the synthetic ids are not UUIDs; the contracts want them). */
export function uuidFrom(s: string): string {
  const h = createHash('sha256').update(s).digest('hex');
  const v = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${v}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The synthetic document with its ids mapped to UUIDs (same mapping everywhere in the bench). */
export function withUuids<T extends OfferDoc | NeedDoc>(doc: T): T {
  return { ...doc, id: uuidFrom(doc.id), enterpriseId: uuidFrom(doc.enterpriseId) };
}

/** Produces `offer.published` / `need.published` envelopes for `docs`, `batch` messages per request. */
export async function produceCatalogEvents(
  kafka: Kafka,
  kind: 'offer' | 'need',
  docs: readonly (OfferDoc | NeedDoc)[],
  batch = 1000,
): Promise<void> {
  const topic = kind === 'offer' ? Topics.CatalogOffer : Topics.CatalogNeed;
  const type = kind === 'offer' ? EventTypes.OfferPublished : EventTypes.NeedPublished;
  const source = sourceOf('catalog'); // bench events stand in for catalog's
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  try {
    for (let i = 0; i < docs.length; i += batch) {
      const messages = docs.slice(i, i + batch).map((doc) => ({
        key: doc.id,
        value: encodeEvent(createEnvelope({ type, source, subject: doc.id, data: doc })),
      }));
      await producer.send({ topic, acks: -1, messages });
    }
  } finally {
    await producer.disconnect().catch(() => undefined);
  }
}

/** Matching's main consumer group (its catalog handlers; libs/messaging names it after the service). */
export const MATCHING_GROUP = 'matching';
export const CATALOG_TOPICS = [Topics.CatalogOffer, Topics.CatalogNeed];

export type GroupPositions = { topic: string; partitions: { partition: number; offset: string }[] }[];

/** The current end of each topic: where a consumer group set there would start. */
export async function topicEnds(kafka: Kafka, topics: readonly string[]): Promise<GroupPositions> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const out: GroupPositions = [];
    for (const topic of topics) {
      const offs = await admin.fetchTopicOffsets(topic);
      out.push({ topic, partitions: offs.map((p) => ({ partition: p.partition, offset: p.high })) });
    }
    return out;
  } finally {
    await admin.disconnect();
  }
}

/** Sets a consumer group's committed offsets (the group must have no running member). */
export async function setGroupPositions(
  kafka: Kafka,
  groupId: string,
  positions: GroupPositions,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const p of positions) await admin.setOffsets({ groupId, topic: p.topic, partitions: p.partitions });
  } finally {
    await admin.disconnect();
  }
}
