// What every scenario asserts once the system has drained: no accepted write lost (in catalog's or
// profiles' database, on its Kafka topic, in matching's projections and match sets at the accepted
// version) and no duplicate match set (one announced set per need and revision, never a need version
// going backwards, the stored set being the last one announced). Plus the Kafka and Postgres
// helpers the scenarios share.
import crypto from 'node:crypto';
import pg from 'pg';
import kafkajs from 'kafkajs';
import { sleep } from '../preflight.mjs';

const { Kafka, logLevel, AssignerProtocol } = kafkajs;

export async function query(url, sql, params = []) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export function kafkaClient(brokers) {
  return new Kafka({
    clientId: 'techbridge-faults',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 3 },
  });
}

export async function withAdmin(brokers, fn) {
  const admin = kafkaClient(brokers).admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** High watermark per partition. */
export async function highWatermarks(brokers, topic) {
  return withAdmin(brokers, async (admin) => {
    const offs = await admin.fetchTopicOffsets(topic);
    return new Map(offs.map((o) => [o.partition, Number(o.high)]));
  });
}

/** Every message of `topic` up to its current end (a throwaway consumer group, deleted afterwards). */
export async function readTopic(brokers, topic, timeoutMs = 90_000) {
  const targets = new Map([...(await highWatermarks(brokers, topic))].filter(([, high]) => high > 0));
  if (targets.size === 0) return [];
  const kafka = kafkaClient(brokers);
  const groupId = `faults-reader-${crypto.randomUUID()}`;
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000 });
  const messages = [];
  const done = new Set();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`reading ${topic} timed out after ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
      consumer
        .run({
          eachBatch: async ({ batch }) => {
            for (const m of batch.messages) {
              messages.push({
                partition: batch.partition,
                offset: Number(m.offset),
                key: m.key?.toString(),
                value: m.value,
                headers: m.headers ?? {},
              });
            }
            const end = targets.get(batch.partition);
            if (end !== undefined && Number(batch.lastOffset()) + 1 >= end) done.add(batch.partition);
            if (done.size === targets.size) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await withAdmin(brokers, (a) => a.deleteGroups([groupId])).catch(() => undefined);
  }
  return messages;
}

const parse = (buf) => {
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch {
    return null;
  }
};

/** The service consumer groups (not the suite's own readers) and what each consumes. */
export async function serviceGroups(brokers) {
  return withAdmin(brokers, async (admin) => {
    const { groups } = await admin.listGroups();
    const ids = groups.map((g) => g.groupId).filter((g) => !g.startsWith('faults-'));
    if (ids.length === 0) return [];
    const described = await admin.describeGroups(ids);
    return described.groups.map((g) => {
      const topics = new Map();
      for (const m of g.members) {
        const a = AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
        for (const [topic, parts] of Object.entries(a?.assignment ?? {})) {
          const set = topics.get(topic) ?? new Set();
          for (const p of parts) set.add(p);
          topics.set(topic, set);
        }
      }
      return {
        groupId: g.groupId,
        state: g.state,
        topics: new Map([...topics].map(([t, s]) => [t, [...s].sort((x, y) => x - y)])),
      };
    });
  });
}

/** Committed offset per topic-partition of a group. */
export async function committed(brokers, groupId) {
  return withAdmin(brokers, async (admin) => {
    const res = await admin.fetchOffsets({ groupId });
    const out = new Map();
    for (const t of res) for (const p of t.partitions) out.set(`${t.topic}/${p.partition}`, Number(p.offset));
    return out;
  });
}

/** Lag of a group: sum over its committed topics of (high watermark − committed offset). */
export async function groupLag(brokers, groupId) {
  const offs = await committed(brokers, groupId);
  const topics = [...new Set([...offs.keys()].map((k) => k.slice(0, k.lastIndexOf('/'))))];
  let lag = 0;
  for (const t of topics) {
    for (const [p, high] of await highWatermarks(brokers, t)) {
      const c = offs.get(`${t}/${p}`);
      lag += Math.max(0, high - (c === undefined || c < 0 ? 0 : c));
    }
  }
  return lag;
}

/** Rows of the suite's accepted writes as the databases see them now. */
export async function observe(stack, accepted, matchingDb) {
  const byKind = (k) => accepted.filter((a) => a.kind === k).map((a) => a.id);
  const offers = byKind('offer');
  const needs = byKind('need');
  const ents = byKind('enterprise');
  const cat = stack.dbUrl('catalog');
  const mat = stack.dbUrl('matching', matchingDb);
  const prof = stack.dbUrl('profiles');
  const versions = async (url, table, ids) =>
    new Map(
      (await query(url, `select id::text, version from ${table} where id = any($1::uuid[])`, [ids])).map(
        (r) => [r.id, r.version],
      ),
    );
  const count = async (url, sql) => Number((await query(url, sql))[0].n);
  const outboxSql = `select count(*) as n from outbox_messages where published_at is null and parked_at is null`;
  return {
    catalogOffers: await versions(cat, 'offers', offers),
    catalogNeeds: await versions(cat, 'needs', needs),
    profilesEnterprises: await versions(prof, 'enterprises', ents),
    knownEnterprises: new Map(
      (
        await query(
          cat,
          `select enterprise_id::text as id, version from known_enterprises where enterprise_id = any($1::uuid[])`,
          [ents],
        )
      ).map((r) => [r.id, r.version]),
    ),
    offerProjections: await versions(mat, 'offer_projections', offers),
    needProjections: await versions(mat, 'need_projections', needs),
    matchSets: new Map(
      (
        await query(
          mat,
          `select need_id::text as id, need_version, revision, match_set_id::text, status from match_sets where need_id = any($1::uuid[])`,
          [needs],
        )
      ).map((r) => [r.id, r]),
    ),
    unsent: {
      profiles: await count(prof, outboxSql),
      catalog: await count(cat, outboxSql),
      matching: await count(mat, outboxSql),
    },
    parked: await count(cat, `select count(*) as n from outbox_messages where parked_at is not null`),
    rescoreQueue: await count(mat, `select count(*) as n from rescore_queue`),
  };
}

/** What is still missing downstream for each accepted write (empty: drained). */
export function missing(accepted, o) {
  const out = [];
  for (const a of accepted) {
    if (a.kind === 'offer') {
      const v = o.catalogOffers.get(a.id);
      if (v === undefined) out.push(`offer ${a.id} not in catalog`);
      else if (o.offerProjections.get(a.id) !== v)
        out.push(`offer ${a.id} v${v} not in matching's projection`);
    } else if (a.kind === 'need') {
      const v = o.catalogNeeds.get(a.id);
      if (v === undefined) out.push(`need ${a.id} not in catalog`);
      else if (o.needProjections.get(a.id) !== v) out.push(`need ${a.id} v${v} not in matching's projection`);
      else if (o.matchSets.get(a.id)?.need_version !== v)
        out.push(`need ${a.id} v${v} has no match set for that version`);
    } else if (a.kind === 'enterprise') {
      const v = o.profilesEnterprises.get(a.id);
      if (v === undefined) out.push(`enterprise ${a.id} not in profiles`);
      else if (o.knownEnterprises.get(a.id) !== v) out.push(`enterprise ${a.id} v${v} not known to catalog`);
    }
  }
  return out;
}

/** Poll until every accepted write has reached every place it must reach and every queue is empty. */
export async function waitDrained(stack, accepted, { timeoutMs, matchingDb } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const o = await observe(stack, accepted, matchingDb);
      const gaps = missing(accepted, o);
      const queues = Object.entries(o.unsent)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${n} unsent outbox rows in ${s}`);
      if (o.rescoreQueue > 0) queues.push(`${o.rescoreQueue} needs in matching's rescore queue`);
      if (gaps.length === 0 && queues.length === 0) return { drained: true, at: Date.now(), observed: o };
      last = [...queues, ...gaps.slice(0, 5), gaps.length > 5 ? `… ${gaps.length} gaps in all` : '']
        .filter(Boolean)
        .join('; ');
    } catch (e) {
      last = `databases not answering: ${e.message}`;
    }
    if (Date.now() > deadline) return { drained: false, at: Date.now(), reason: last };
    await sleep(1000);
  }
}

/**
 * The verdict once drained (or given up): lost writes (not in their database, not on their topic, not
 * in matching's projection / match sets) and duplicate match sets (from matching.match.v1: more than
 * one set announced for one need and revision, a need version going backwards from one revision to
 * the next, a stored set that was not the last one announced).
 */
export async function verdict(stack, brokers, accepted, { matchingDb } = {}) {
  const o = await observe(stack, accepted, matchingDb);
  const lostList = missing(accepted, o);
  const onTopic = new Set();
  for (const topic of ['catalog.offer.v1', 'catalog.need.v1', 'profiles.enterprise.v2']) {
    for (const m of await readTopic(brokers, topic)) if (m.key) onTopic.add(m.key);
  }
  for (const a of accepted) if (!onTopic.has(a.id)) lostList.push(`${a.kind} ${a.id} never reached Kafka`);
  const lostIds = new Set(lostList.map((l) => l.split(' ')[1]));

  const sets = new Map(); // need → revision → { ids:Set, needVersion }
  for (const m of await readTopic(brokers, 'matching.match.v1')) {
    const e = m.value ? parse(m.value) : null;
    const d = e?.data;
    if (!d?.needId) continue;
    const revs = sets.get(d.needId) ?? new Map();
    const r = revs.get(d.revision) ?? { ids: new Set(), needVersion: d.needVersion };
    r.ids.add(d.matchSetId);
    revs.set(d.revision, r);
    sets.set(d.needId, revs);
  }
  // Matching may still be working (a scenario that did not drain): the stored / announced cross-checks
  // only hold for needs whose stored set did not move while the topic was read.
  const again = await observe(stack, accepted, matchingDb);
  const dupList = [];
  for (const a of accepted.filter((x) => x.kind === 'need')) {
    const revs = sets.get(a.id);
    const stored = o.matchSets.get(a.id);
    if (!revs || !stored) continue; // counted as lost above when it matters
    if (again.matchSets.get(a.id)?.revision !== stored.revision) continue;
    let prevVersion = 0;
    for (const rev of [...revs.keys()].sort((x, y) => x - y)) {
      const r = revs.get(rev);
      if (r.ids.size > 1)
        dupList.push(`need ${a.id} revision ${rev} announced as ${r.ids.size} different sets`);
      if (r.needVersion < prevVersion)
        dupList.push(`need ${a.id} revision ${rev} is for version ${r.needVersion} after ${prevVersion}`);
      prevVersion = Math.max(prevVersion, r.needVersion);
    }
    const last = revs.get(stored.revision);
    if (!last || !last.ids.has(stored.match_set_id)) {
      lostList.push(`need ${a.id}: stored set revision ${stored.revision} was never announced`);
      lostIds.add(a.id);
    }
    if (Math.max(...revs.keys()) > stored.revision)
      dupList.push(`need ${a.id}: a revision above the stored ${stored.revision} was announced`);
  }
  return { lost: lostIds.size, lostList, duplicates: dupList.length, dupList, observed: o };
}

/** A digest of a database's tables (every column, ordered by key): equal digests, equal tables. */
export async function tableDigest(url, tables) {
  const out = {};
  for (const [table, order] of Object.entries(tables)) {
    const [r] = await query(
      url,
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by ${order}), '')) as h from ${table} t`,
    );
    out[table] = `${r.n} rows, md5 ${r.h}`;
  }
  return out;
}
