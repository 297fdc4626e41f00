// Creates the topics of libs/contracts/src/topics.json and their <name>.dlq on a broker (idempotent):
// the one-shot `topics` job of deploy/docker/compose.yaml. On Kubernetes the Strimzi topic operator does
// this from deploy/k8s KafkaTopic resources instead.
//
//   KAFKA_BROKERS=host:9092 [KAFKA_REPLICATION_FACTOR=1] [KAFKA_SASL_* / KAFKA_SSL] node deploy/kafka/create-topics.mjs [topics.json]
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { Kafka, logLevel } = require('kafkajs');
const { topicPlan } = require('./topics.cjs');

const here = path.dirname(fileURLToPath(import.meta.url));
const candidates = [
  process.argv[2],
  path.join(here, '..', '..', 'libs', 'contracts', 'src', 'topics.json'), // a checkout
  path.join(here, '..', '..', 'dist', 'libs', 'contracts', 'src', 'topics.json'), // the image
].filter(Boolean);
const topicsJson = candidates.find((f) => fs.existsSync(f));
const env = process.env;

function security() {
  const s = {};
  if (env.KAFKA_SSL === 'true') s.ssl = true; // a private CA: NODE_EXTRA_CA_CERTS, as for the services
  if (env.KAFKA_SASL_MECHANISM) {
    s.sasl = { mechanism: env.KAFKA_SASL_MECHANISM.toLowerCase(), username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD };
  }
  return s;
}

async function main() {
  if (!env.KAFKA_BROKERS) throw new Error('KAFKA_BROKERS is not set');
  if (!topicsJson) throw new Error(`topics.json not found (looked at ${candidates.join(', ')})`);
  const replicationFactor = Number.parseInt(env.KAFKA_REPLICATION_FACTOR || '1', 10);
  const plan = topicPlan(topicsJson);
  const kafka = new Kafka({
    clientId: 'techbridge-topics',
    brokers: env.KAFKA_BROKERS.split(',').map((b) => b.trim()),
    logLevel: logLevel.NOTHING,
    retry: { retries: 10, initialRetryTime: 500, maxRetryTime: 5000 },
    ...security(),
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = plan.filter((t) => !existing.has(t.name));
    if (missing.length) {
      await admin.createTopics({
        waitForLeaders: true,
        timeout: 30000,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor,
          configEntries: t.compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : [],
        })),
      });
    }
    const meta = await admin.fetchTopicMetadata({ topics: plan.map((t) => t.name) });
    const short = meta.topics.filter((t) => t.partitions.length < plan.find((p) => p.name === t.name).partitions);
    for (const t of short) console.warn(`${t.name} has ${t.partitions.length} partitions, topics.json wants more: add them with kafka-topics.sh --alter`);
    console.log(`Kafka topics: ${missing.length} created, ${plan.length - missing.length} already there (${plan.length} in topics.json incl. DLQs).`);
  } finally {
    await admin.disconnect();
  }
}

main().catch((e) => {
  console.error(`create-topics: ${e.message}`);
  process.exit(1);
});
