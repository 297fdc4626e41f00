'use strict';
// The topic plan derived from libs/contracts/src/topics.json: every topic plus its dead-letter topic.
// One function, used by create-topics.mjs (docker compose) and deploy/k8s/generate-topics.mjs (Strimzi
// KafkaTopic resources), so both deploy the same set as `npm start` (deploy/local/kafka.cjs).
const fs = require('node:fs');
const path = require('node:path');

const DEFAULT_TOPICS_JSON = path.resolve(__dirname, '..', '..', 'libs', 'contracts', 'src', 'topics.json');

/** [{ name, partitions, compacted, owner, dlqOf? }] — a DLQ has `dlqOf` (its topic) and no owner. */
function topicPlan(topicsJson = DEFAULT_TOPICS_JSON) {
  const t = typeof topicsJson === 'string' ? JSON.parse(fs.readFileSync(topicsJson, 'utf8')) : topicsJson;
  const suffix = t.dlqSuffix || '.dlq';
  const dlqPartitions = t.dlqPartitions || 1;
  const plan = [];
  for (const topic of t.topics) {
    plan.push({ name: topic.name, partitions: topic.partitions, compacted: !!topic.compacted, owner: topic.owner });
    plan.push({ name: `${topic.name}${suffix}`, partitions: dlqPartitions, compacted: false, dlqOf: topic.name });
  }
  return plan;
}

module.exports = { DEFAULT_TOPICS_JSON, topicPlan };
