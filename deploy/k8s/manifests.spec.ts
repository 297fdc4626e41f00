/**
 * The deployment, checked without a cluster:
 * - every manifest of base, dev and prod (rendered by deploy/k8s/render.cjs, the kustomize subset we use)
 *   against the vendored, pinned schemas of Kubernetes 1.34 and the operators' CRDs (deploy/k8s/schemas,
 *   strict: an unknown field is an error, as with `kubectl apply --validate=strict`);
 * - the generated KafkaTopics against libs/contracts/src/topics.json (+ DLQs), the KafkaUser ACLs against
 *   the topics' owners and what the apps' handlers actually consume;
 * - the rules the issue sets: probes, resources, PDBs, migrations before the new version, NetworkPolicies
 *   (only the gateway reaches the services), KEDA bounded by the partitions, placeholder-only Secrets;
 * - deploy/docker/compose.yaml's order (healthchecks, topic job, migrations).
 * And that these checks fail on broken input.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import YAML from 'yaml';
import { Logger } from '@nestjs/common';
import { PATTERN_EXTRAS_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants';
import { topicOfType } from '@techbridge/contracts';
import { CatalogModule } from '../../apps/catalog/src/catalog.module';
import { MatchingModule } from '../../apps/matching/src/matching.module';
import { ProfilesModule } from '../../apps/profiles/src/profiles.module';
import { WorkshopsModule } from '../../apps/workshops/src/workshops.module';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { render } = require('./render.cjs');

const ROOT = path.resolve(__dirname, '..', '..');
const K8S = __dirname;
const SCHEMAS = path.join(K8S, 'schemas');
const topicsJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'libs/contracts/src/topics.json'), 'utf8'));
const servicesJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'deploy/services.json'), 'utf8'));
const SERVICES: string[] = servicesJson.services.map((s: { name: string }) => s.name);
const portOf = (name: string): number =>
  name === 'gateway' ? servicesJson.gateway.port : servicesJson.services.find((s: { name: string }) => s.name === name).port;

type Resource = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; spec?: any; data?: any; stringData?: any; __source?: string };

// ---- schema validation ---------------------------------------------------------------------------------
const index = JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'index.json'), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
for (const file of new Set<string>(Object.values(index.kinds).map((k: any) => k.schema))) {
  ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), 'utf8')));
}
const objectMetaRef = `${index.kinds['v1/ConfigMap'].ref.split('#')[0]}#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`;
const validators = new Map<string, ValidateFunction>();
const validatorFor = (ref: string) => {
  if (!validators.has(ref)) validators.set(ref, ajv.compile({ $ref: ref }));
  return validators.get(ref)!;
};
const gvkOf = (r: Resource) => `${r.apiVersion}/${r.kind}`;
const describe_ = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${e.params.additionalProperty})` : ''}`);

/** Schema errors of one resource, as readable lines; [] when valid. */
function schemaErrors(r: Resource): string[] {
  const entry = index.kinds[gvkOf(r)];
  if (!entry) return [`no vendored schema for ${gvkOf(r)} (deploy/k8s/schemas/sources.json)`];
  const { __source: _s, ...doc } = r;
  const errors: string[] = [];
  const v = validatorFor(entry.ref);
  if (!v(doc)) errors.push(...describe_(v.errors));
  // CRD schemas leave metadata open; hold it to the Kubernetes ObjectMeta like the API server does.
  const meta = validatorFor(objectMetaRef);
  if (!meta(doc.metadata)) errors.push(...describe_(meta.errors).map((e) => `/metadata${e}`));
  return errors;
}

const overlays: Record<string, Resource[]> = {
  base: render(path.join(K8S, 'base')),
  dev: render(path.join(K8S, 'overlays', 'dev')),
  prod: render(path.join(K8S, 'overlays', 'prod')),
};
const prod = overlays.prod;
const find = (rs: Resource[], kind: string, name: string) => rs.find((r) => r.kind === kind && r.metadata.name === name)!;
const deployments = (rs: Resource[]) => rs.filter((r) => r.kind === 'Deployment');

describe('deploy/k8s manifests against the Kubernetes 1.34 and operator schemas', () => {
  it('vendors a pinned source (repo, tag, commit, sha256) for every schema', () => {
    expect(index.sources.length).toBeGreaterThanOrEqual(10);
    for (const s of index.sources) {
      expect(s).toEqual(expect.objectContaining({ repo: expect.any(String), tag: expect.any(String), commit: expect.stringMatching(/^[0-9a-f]{12,40}$/), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }));
    }
  });

  it.each(Object.keys(overlays))('renders %s and every resource is valid', (name) => {
    const rs = overlays[name];
    expect(rs.length).toBeGreaterThan(40);
    const problems = rs.flatMap((r) => schemaErrors(r).map((e) => `${r.__source} ${gvkOf(r)} ${r.metadata.name}: ${e}`));
    expect(problems).toEqual([]);
  });

  it('rejects a misspelt field, a wrong type, a missing required field and an unknown kind', () => {
    const catalog = structuredClone(find(prod, 'Deployment', 'catalog'));
    const c = catalog.spec.template.spec.containers[0];
    c.readinesProbe = c.readinessProbe; // the typo kubectl --validate=strict refuses
    delete c.readinessProbe;
    expect(schemaErrors(catalog)).toEqual([expect.stringContaining('must NOT have additional properties (readinesProbe)')]);

    const topic = structuredClone(prod.find((r) => r.kind === 'KafkaTopic')!);
    topic.spec.partitions = 'six';
    expect(schemaErrors(topic).join('\n')).toMatch(/\/spec\/partitions must be integer/);

    const pdb = structuredClone(find(prod, 'PodDisruptionBudget', 'matching'));
    pdb.spec.maxUnavailable = { one: 1 };
    expect(schemaErrors(pdb).length).toBeGreaterThan(0);

    const svc = structuredClone(find(prod, 'Service', 'gateway'));
    delete svc.spec.ports[0].port;
    expect(schemaErrors(svc).join('\n')).toMatch(/must have required property 'port'/);

    const user = structuredClone(find(prod, 'KafkaUser', 'matching'));
    user.spec.authentication.type = 'scram-sha-1';
    expect(schemaErrors(user).join('\n')).toMatch(/must be equal to one of the allowed values/);

    const meta = structuredClone(find(prod, 'Cluster', 'techbridge-pg'));
    (meta.metadata as any).lables = { a: 'b' };
    expect(schemaErrors(meta).join('\n')).toMatch(/\/metadata.*lables/);

    expect(schemaErrors({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } })).toEqual([
      expect.stringContaining('no vendored schema for example.com/v1/Widget'),
    ]);
  });

  it('refuses a kustomization field or a patch target the renderer does not know', () => {
    fs.mkdirSync(path.join(ROOT, '.local'), { recursive: true });
    const dir = fs.mkdtempSync(path.join(ROOT, '.local', 'k8s-render-'));
    try {
      fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources: [../../deploy/k8s/base]\nreplicas: [{name: catalog, count: 5}]\n');
      expect(() => render(dir)).toThrow(/field "replicas" is not supported/);
      fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources: [../../deploy/k8s/base]\npatches: [{path: p.yaml}]\n');
      fs.writeFileSync(path.join(dir, 'p.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: catalogue}\nspec: {replicas: 1}\n');
      expect(() => render(dir)).toThrow(/target apps\/v1 Deployment\/catalogue is not among the resources/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies the overlays: namespace, image, replicas, Kafka and Postgres sizes', () => {
    for (const rs of Object.values(overlays)) {
      for (const r of rs.filter((x) => x.kind !== 'Namespace')) expect(r.metadata.namespace).toBe('techbridge');
    }
    const images = (rs: Resource[]) => new Set(deployments(rs).flatMap((d) => [...d.spec.template.spec.containers, ...(d.spec.template.spec.initContainers ?? [])].map((c: any) => c.image)));
    expect(images(overlays.prod)).toEqual(new Set(['registry.example.com/techbridge/techbridge:0.1.0']));
    expect(images(overlays.dev)).toEqual(new Set(['techbridge:dev']));
    expect(find(overlays.dev, 'Deployment', 'catalog').spec.replicas).toBe(1);
    expect(find(overlays.prod, 'Deployment', 'catalog').spec.replicas).toBe(3);
    expect(find(overlays.dev, 'KafkaNodePool', 'brokers').spec.replicas).toBe(1);
    expect(find(overlays.dev, 'Kafka', 'techbridge').spec.kafka.config['default.replication.factor']).toBe(1);
    expect(find(overlays.prod, 'Kafka', 'techbridge').spec.kafka.config['default.replication.factor']).toBe(3);
    expect(find(overlays.prod, 'Cluster', 'techbridge-pg').spec.instances).toBe(3);
    // A strategic merge keeps the rest of the container (env, probes) when prod patches its resources.
    const matching = find(overlays.prod, 'Deployment', 'matching').spec.template.spec.containers[0];
    expect(matching.resources.limits.memory).toBe('3Gi');
    expect(matching.readinessProbe.httpGet.path).toBe('/health/ready');
  });
});

describe('deploy/k8s Kafka resources follow libs/contracts', () => {
  const topics = prod.filter((r) => r.kind === 'KafkaTopic');
  const expected = topicsJson.topics.flatMap((t: any) => [
    { topicName: t.name, partitions: t.partitions, cleanup: t.compacted ? 'compact' : 'delete' },
    { topicName: `${t.name}${topicsJson.dlqSuffix}`, partitions: topicsJson.dlqPartitions, cleanup: 'delete' },
  ]);

  it('has one KafkaTopic per topic of topics.json and per DLQ, with its partitions and compaction', () => {
    const actual = topics.map((t) => ({ topicName: t.spec.topicName, partitions: t.spec.partitions, cleanup: t.spec.config['cleanup.policy'] }));
    expect(actual.sort((a, b) => a.topicName.localeCompare(b.topicName))).toEqual(expected.sort((a: any, b: any) => a.topicName.localeCompare(b.topicName)));
    for (const t of topics) expect(t.metadata.labels?.['strimzi.io/cluster']).toBe('techbridge');
  });

  it('plans the same topics for compose (deploy/kafka) as npm start creates (deploy/local)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { topicPlan } = require('../kafka/topics.cjs');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { topicSpecs } = require('../local/kafka.cjs');
    const local = topicSpecs(path.join(ROOT, 'libs/contracts/src/topics.json')).map((t: any) => ({
      name: t.topic,
      partitions: t.numPartitions,
      compacted: t.configEntries.some((c: any) => c.name === 'cleanup.policy' && c.value === 'compact'),
    }));
    expect(topicPlan().map((t: any) => ({ name: t.name, partitions: t.partitions, compacted: t.compacted }))).toEqual(local);
  });

  it('commits exactly what deploy/k8s/generate-topics.mjs generates', () => {
    const r = spawnSync(process.execPath, [path.join(K8S, 'generate-topics.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toBe('');
    expect(r.status).toBe(0);
  });

  it('kafka-consumers.json says what the apps really consume (their @EventPattern handlers and groups)', () => {
    expect(JSON.parse(fs.readFileSync(path.join(K8S, 'kafka-consumers.json'), 'utf8')).services).toEqual(consumedByTheCode());
  });

  const users = prod.filter((r) => r.kind === 'KafkaUser');
  const aclsOf = (name: string) => find(prod, 'KafkaUser', name).spec.authorization.acls as any[];
  const topicsWith = (name: string, op: string) =>
    aclsOf(name).filter((a) => a.resource.type === 'topic' && a.operations.includes(op)).map((a) => a.resource.name).sort();

  it('lets only the owner write a topic, and consumers write only the DLQs of what they read', () => {
    const consumed = consumedByTheCode();
    for (const service of SERVICES) {
      const owned = topicsJson.topics.filter((t: any) => t.owner === service).map((t: any) => t.name);
      const reads = [...new Set(Object.values(consumed[service]).flat())] as string[];
      const dlqs = reads.map((t) => `${t}${topicsJson.dlqSuffix}`);
      expect(topicsWith(service, 'Write')).toEqual([...owned, ...dlqs].sort());
      expect(topicsWith(service, 'Read')).toEqual([...reads, ...dlqs].sort());
      for (const acl of aclsOf(service)) {
        expect(acl.operations).not.toContain('All');
        if (acl.resource.type === 'group') expect([service, `${service}.`]).toContain(acl.resource.name);
      }
      expect(find(prod, 'KafkaUser', service).spec.authentication.type).toBe('scram-sha-512');
    }
    expect(users.map((u) => u.metadata.name).sort()).toEqual([...SERVICES, 'keda-matching'].sort());
    expect(topicsWith('keda-matching', 'Write')).toEqual([]);
    expect(topicsWith('keda-matching', 'Read')).toEqual([]);
  });

  it('a KafkaUser that writes another service\u2019s topic is caught', () => {
    const bad = structuredClone(find(prod, 'KafkaUser', 'matching'));
    bad.spec.authorization.acls.push({ resource: { type: 'topic', name: 'catalog.offer.v1', patternType: 'literal' }, operations: ['Write'] });
    const writes = bad.spec.authorization.acls.filter((a: any) => a.operations.includes('Write')).map((a: any) => a.resource.name);
    const owners = new Map(topicsJson.topics.map((t: any) => [t.name, t.owner]));
    expect(writes.filter((t: string) => owners.has(t) && owners.get(t) !== 'matching')).toEqual(['catalog.offer.v1']);
  });
});

describe('deploy/k8s operating rules', () => {
  it('probes every Deployment: liveness /health/live, readiness /health/ready (the gateway: /health)', () => {
    for (const d of deployments(prod)) {
      const c = d.spec.template.spec.containers[0];
      expect(c.livenessProbe.httpGet.path).toBe('/health/live');
      expect(c.readinessProbe.httpGet.path).toBe(d.metadata.name === 'gateway' ? '/health' : '/health/ready');
      expect(c.ports).toEqual([{ name: 'http', containerPort: portOf(d.metadata.name) }]);
      expect(c.resources.requests).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
      expect(c.resources.limits.memory).toEqual(expect.any(String));
      expect(d.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      expect(c.securityContext.allowPrivilegeEscalation).toBe(false);
    }
    expect(deployments(prod).map((d) => d.metadata.name).sort()).toEqual([...SERVICES, 'gateway'].sort());
  });

  it('gives every Deployment a PodDisruptionBudget and a Service on its port', () => {
    for (const d of deployments(prod)) {
      const pdb = prod.find((r) => r.kind === 'PodDisruptionBudget' && r.spec.selector.matchLabels['app.kubernetes.io/name'] === d.metadata.name);
      expect(pdb).toBeDefined();
      const svc = find(prod, 'Service', d.metadata.name);
      expect(svc.spec.ports[0].port).toBe(portOf(d.metadata.name));
      expect(svc.spec.selector).toEqual(d.spec.selector.matchLabels);
    }
  });

  it('runs each service\u2019s migrations (as the owner) before its new version starts (as <svc>_app), on the same database', () => {
    for (const name of SERVICES) {
      const spec = find(prod, 'Deployment', name).spec.template.spec;
      const [migrate] = spec.initContainers;
      expect(migrate).toMatchObject({ name: 'migrate', args: ['migrate'] });
      const url = (c: any) => c.env.find((e: any) => e.name === 'DATABASE_URL').value;
      expect(url(migrate)).toBe(url(spec.containers[0]));
      expect(url(migrate)).toContain(`/techbridge_${name}?`);
      expect(migrate.env.find((e: any) => e.name === 'SERVICE').value).toBe(name);
      // Least privilege: migrations as the database's owner, the service as <svc>_app (data rights only,
      // granted by the migration run: DATABASE_APP_ROLE).
      const secretOf = (c: any, v: string) => c.env.find((e: any) => e.name === v).valueFrom.secretKeyRef.name;
      expect(secretOf(migrate, 'DB_USER')).toBe(`${name}-db`);
      expect(secretOf(spec.containers[0], 'DB_USER')).toBe(`${name}-db-app`);
      expect(secretOf(spec.containers[0], 'DB_PASSWORD')).toBe(`${name}-db-app`);
      const appSecret = find(prod, 'Secret', `${name}-db-app`);
      expect(migrate.env.find((e: any) => e.name === 'DATABASE_APP_ROLE').value).toBe(appSecret.stringData.username);
      expect(find(prod, 'Secret', `${name}-db`).stringData.username).toBe(name);
      const cluster = find(prod, 'Cluster', 'techbridge-pg');
      const roles = cluster.spec.managed.roles.map((r: any) => [r.name, r.passwordSecret.name]);
      expect(roles).toEqual(expect.arrayContaining([[name, `${name}-db`], [`${name}_app`, `${name}-db-app`]]));
      const db = prod.find((r) => r.kind === 'Database' && r.spec.name === `techbridge_${name}`)!;
      expect(db.spec.owner).toBe(name);
    }
    // The image runs `migrate` as node dist/apps/$SERVICE/src/migrate.js.
    expect(fs.readFileSync(path.join(ROOT, 'deploy/docker/entrypoint.sh'), 'utf8')).toContain('exec node "dist/apps/${SERVICE:?set SERVICE}/src/migrate.js"');
  });

  it('lets only the gateway (and Prometheus) reach the services\u2019 HTTP ports, and only the ingress controller reach the gateway', () => {
    const policies = prod.filter((r) => r.kind === 'NetworkPolicy');
    const selects = (p: Resource, d: Resource) =>
      Object.entries(p.spec.podSelector.matchLabels).every(([k, v]) => d.spec.template.metadata.labels[k] === v);
    for (const d of deployments(prod)) {
      const mine = policies.filter((p) => selects(p, d));
      expect(mine.length).toBeGreaterThan(0); // selected ⇒ everything not allowed is denied
      const peers = mine.flatMap((p) => p.spec.ingress.flatMap((rule: any) => rule.from));
      if (d.metadata.name === 'gateway') {
        expect(peers).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }]);
      } else {
        for (const peer of peers) {
          const fromGateway = !peer.namespaceSelector && peer.podSelector?.matchLabels?.['app.kubernetes.io/name'] === 'gateway';
          const fromPrometheus = peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'monitoring' && peer.podSelector?.matchLabels?.['app.kubernetes.io/name'] === 'prometheus';
          expect({ peer, allowed: fromGateway || fromPrometheus }).toEqual({ peer, allowed: true });
        }
      }
    }
    // Behind the gateway, a service believes X-Forwarded-For from the gateway only (per-client rate limits).
    const config = find(prod, 'ConfigMap', 'techbridge-config').data;
    expect(config.TRUST_PROXY).toBe('loopback,uniquelocal');
    // Kafka over TLS + SCRAM, the cluster CA trusted through a file every service pod mounts.
    expect(config).toMatchObject({ KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512' });
    for (const name of SERVICES) {
      const c = find(prod, 'Deployment', name).spec.template.spec.containers[0];
      const dir = path.dirname(config.NODE_EXTRA_CA_CERTS);
      expect(c.volumeMounts.map((m: any) => m.mountPath)).toContain(dir);
      expect(c.env.find((e: any) => e.name === 'KAFKA_SASL_USERNAME').value).toBe(name);
    }
    const ingress = find(prod, 'Ingress', 'techbridge');
    expect(ingress.spec.rules[0].http.paths[0].backend.service.name).toBe('gateway');
  });

  it('scales matching on the lag of group `matching`, never past the partitions of the topics it reads', () => {
    for (const rs of [overlays.dev, overlays.prod]) {
      const so = find(rs, 'ScaledObject', 'matching');
      expect(so.spec.scaleTargetRef.name).toBe('matching');
      const topics = so.spec.triggers.map((t: any) => {
        expect(t).toMatchObject({ type: 'kafka', metadata: { consumerGroup: 'matching' } });
        return t.metadata.topic;
      });
      expect(topics.sort()).toEqual(['catalog.need.v1', 'catalog.offer.v1']);
      const partitions = Math.min(...topics.map((n: string) => topicsJson.topics.find((t: any) => t.name === n).partitions));
      expect(so.spec.maxReplicaCount).toBeLessThanOrEqual(partitions);
      expect(so.spec.minReplicaCount).toBeGreaterThanOrEqual(1);
      expect(find(rs, 'Deployment', 'matching').spec.replicas).toBeUndefined(); // KEDA owns it
    }
  });

  it('commits placeholders only, never secret values', () => {
    const notSecret = new Set(['username', 'sasl', 'tls']);
    for (const s of prod.filter((r) => r.kind === 'Secret')) {
      expect(s.data).toBeUndefined();
      for (const [k, v] of Object.entries(s.stringData as Record<string, string>)) {
        if (!notSecret.has(k)) expect(`${s.metadata.name}.${k}=${v}`).toMatch(/=REPLACE-ME/);
      }
    }
  });

  it('alerts on consumer lag, outbox age, DLQ growth and error rate with techbridge_* metrics documented in docs/operations.md', () => {
    const rule = find(prod, 'PrometheusRule', 'techbridge');
    const alerts = rule.spec.groups.flatMap((g: any) => g.rules);
    const exprs = alerts.map((a: any) => a.expr).join('\n');
    for (const m of ['techbridge_kafka_consumer_lag', 'techbridge_outbox_oldest_pending_age_seconds', 'techbridge_dead_letters_total', 'techbridge_http_requests_total']) {
      expect(exprs).toContain(m);
    }
    // …and Prometheus scrapes them from the services, never from the (public) gateway.
    const pm = find(prod, 'PodMonitor', 'techbridge-services');
    expect(pm.spec.selector.matchLabels['app.kubernetes.io/component']).toBe('service');
    expect(pm.spec.podMetricsEndpoints).toEqual([expect.objectContaining({ port: 'http', path: '/metrics' })]);
    const ops = fs.readFileSync(path.join(ROOT, 'docs/operations.md'), 'utf8');
    for (const m of new Set(exprs.match(/techbridge_[a-z_]+/g))) expect(ops).toContain(m);
    for (const a of alerts) {
      expect(ops).toContain(`### ${a.alert}`);
      expect(a.annotations.runbook).toBe(`docs/operations.md#${a.alert.toLowerCase()}`);
    }
  });
});

describe('deploy/docker/compose.yaml', () => {
  const read = () => YAML.parse(fs.readFileSync(path.join(ROOT, 'deploy/docker/compose.yaml'), 'utf8'), { merge: true });
  const compose = read();
  const svc = compose.services;
  // The Compose Specification's own schema, vendored (deploy/docker/README.md says from where).
  const composeSpec = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false }).compile(
    JSON.parse(fs.readFileSync(path.join(ROOT, 'deploy/docker/compose-spec.json'), 'utf8')),
  );

  it('is a valid Compose file (compose-spec schema), and a misspelt key is not', () => {
    expect(composeSpec(compose) ? [] : describe_(composeSpec.errors)).toEqual([]);
    const broken = read();
    broken.services.gateway.depends_on.catalog.condition = 'service_ready';
    broken.services.kafka.healthcheck.intervall = '5s';
    expect(composeSpec(broken)).toBe(false);
    expect(describe_(composeSpec.errors).join('\n')).toMatch(/intervall/);
  });

  it('runs Kafka 3.9 (apache/kafka, KRaft), Postgres, the topic job, migrations, every service and the gateway in order', () => {
    expect(svc.kafka.image).toMatch(/^apache\/kafka:3\.9\./);
    expect(svc.kafka.environment.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(svc.postgres.image).toMatch(/^postgres:/);
    expect(svc.topics.command).toEqual(['create-topics']);
    expect(svc.topics.depends_on.kafka.condition).toBe('service_healthy');
    for (const name of SERVICES) {
      expect(svc[`${name}-migrate`]).toMatchObject({ command: ['migrate'], environment: { SERVICE: name, DATABASE_APP_ROLE: `${name}_app` } });
      expect(svc[`${name}-migrate`].environment.DATABASE_URL).toMatch(new RegExp(`^postgres://${name}:`));
      expect(svc[name].environment.DATABASE_URL).toMatch(new RegExp(`^postgres://${name}_app:`));
      expect(svc[`${name}-migrate`].depends_on.postgres.condition).toBe('service_healthy');
      expect(svc[name].environment).toMatchObject({ SERVICE: name, PORT: portOf(name) });
      expect(svc[name].environment.DATABASE_URL).toContain(`/techbridge_${name}`);
      expect(svc[name].depends_on[`${name}-migrate`].condition).toBe('service_completed_successfully');
      expect(svc[name].healthcheck.test.join(' ')).toContain('/health/ready');
      expect(svc.gateway.depends_on[name].condition).toBe('service_healthy');
      expect(svc.gateway.environment[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${portOf(name)}`);
    }
    for (const [name, s] of Object.entries<any>(svc)) {
      if (!name.endsWith('-migrate') && name !== 'topics') expect(s.healthcheck).toBeDefined();
    }
  });
});

/** Per service: consumer group → topics it reads, from the Nest handlers the way InboxTransport groups them. */
function consumedByTheCode(): Record<string, Record<string, string[]>> {
  // Building the module definitions connects to nothing; it only makes TypeORM's registry warn, four times.
  Logger.overrideLogger(false);
  const config = { KAFKA_BROKERS: 'k:9092', DATABASE_URL: 'postgres://u:p@h/db', ADMIN_API_KEY: 'x'.repeat(32), PORT: 1, HOST: 'h', LOG_LEVEL: 'silent', NODE_ENV: 'test' } as any;
  const roots: Record<string, any> = {
    profiles: ProfilesModule.forRoot(config),
    catalog: CatalogModule.forRoot(config),
    matching: MatchingModule.forRoot(config),
    workshops: WorkshopsModule.forRoot(config),
  };
  const out: Record<string, Record<string, string[]>> = {};
  for (const [service, root] of Object.entries(roots)) {
    const groups: Record<string, Set<string>> = {};
    const seen = new Set<unknown>();
    const walk = (m: any) => {
      if (!m || seen.has(m)) return;
      seen.add(m);
      const controllers = [...(m.controllers ?? []), ...(typeof m === 'function' ? Reflect.getMetadata('controllers', m) ?? [] : [])];
      for (const ctrl of controllers) {
        for (const key of Object.getOwnPropertyNames(ctrl.prototype)) {
          const fn = ctrl.prototype[key];
          const patterns = typeof fn === 'function' ? Reflect.getMetadata(PATTERN_METADATA, fn) : undefined;
          if (!patterns) continue;
          const extras = Reflect.getMetadata(PATTERN_EXTRAS_METADATA, fn) ?? {};
          const group = extras.group ? `${service}.${extras.group}` : service;
          for (const type of patterns.flat()) (groups[group] ??= new Set()).add(topicOfType(type));
        }
      }
      for (const i of [...(m.imports ?? []), ...(typeof m === 'function' ? Reflect.getMetadata('imports', m) ?? [] : [])]) walk(i);
      if (m.module) walk(m.module);
    };
    walk(root);
    out[service] = Object.fromEntries(Object.entries(groups).map(([g, t]) => [g, [...t].sort()]));
  }
  Logger.overrideLogger(['error', 'warn', 'log']);
  return out;
}
