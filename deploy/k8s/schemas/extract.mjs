// Writes the vendored JSON schemas that deploy/k8s/manifests.spec.ts validates every manifest against:
//   kubernetes.json  the Kubernetes definitions reachable from the kinds in sources.json (OpenAPI v2)
//   crds/*.json      each operator CRD's openAPIV3Schema for the served version in sources.json
//   index.json       apiVersion/kind → schema, with the source (repo, tag, commit, path, sha256)
//
//   node deploy/k8s/schemas/extract.mjs <directory holding the files named in sources.json>
//
// Two changes to the published schemas, both what `kubectl apply --validate=strict` does on a cluster:
// an object schema that lists its properties rejects any other (a typo such as `readinesProbe` is an
// error, not silently dropped), unless it is marked x-kubernetes-preserve-unknown-fields; and the
// int-or-string / Quantity types accept what YAML gives them (a number or a string). Descriptions are
// dropped to keep the files small. Nothing is downloaded: the inputs are files you provide.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const rawDir = process.argv[2];
if (!rawDir) {
  console.error('usage: node deploy/k8s/schemas/extract.mjs <directory with the files named in sources.json>');
  process.exit(2);
}
const sources = JSON.parse(fs.readFileSync(path.join(here, 'sources.json'), 'utf8'));
const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');

const INT_OR_STRING = { anyOf: [{ type: 'integer' }, { type: 'string' }] };

/**
 * The CRDs' `pattern`s are Go (RE2) regular expressions; JavaScript has no inline flags, so a leading
 * `(?i)` becomes explicit letter classes ([aA]). Every pattern must compile as a JavaScript (unicode)
 * RegExp afterwards, or extraction stops.
 */
function jsPattern(re) {
  let out = re;
  if (out.includes('(?i)')) {
    out = out.replace('(?i)', '');
    let res = '';
    let inClass = false;
    for (let i = 0; i < out.length; i++) {
      const ch = out[i];
      if (ch === '\\') {
        res += ch + (out[i + 1] ?? '');
        i++;
      } else if (ch === '[' && !inClass) {
        inClass = true;
        res += ch;
      } else if (ch === ']' && inClass) {
        inClass = false;
        res += ch;
      } else if (/[a-z]/i.test(ch)) {
        res += inClass ? ch.toLowerCase() + ch.toUpperCase() : `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
      } else {
        res += ch;
      }
    }
    out = res;
  }
  new RegExp(out, 'u'); // throws on anything else JavaScript cannot run
  return out;
}
const NUMBER_OR_STRING = { anyOf: [{ type: 'number' }, { type: 'string' }] };

/** Strict, YAML-friendly copy of a schema node (see the header). */
function tighten(node) {
  if (Array.isArray(node)) return node.map(tighten);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'description') continue;
    out[k] = k === 'properties' || k === 'definitions' || k === 'patternProperties'
      ? Object.fromEntries(Object.entries(v).map(([name, s]) => [name, tighten(s)]))
      : tighten(v);
  }
  if (typeof out.pattern === 'string') out.pattern = jsPattern(out.pattern);
  if (out.format === 'int-or-string' || out['x-kubernetes-int-or-string'] === true) {
    const { type: _t, format: _f, anyOf: _a, ...rest } = out;
    return { ...rest, ...INT_OR_STRING };
  }
  const isObject = out.type === 'object' || (out.type === undefined && out.properties);
  if (isObject && out.properties && out.additionalProperties === undefined && out['x-kubernetes-preserve-unknown-fields'] !== true) {
    out.additionalProperties = false;
  }
  return out;
}

// ---- Kubernetes ----------------------------------------------------------------------------------------
const k = sources.kubernetes;
const swaggerBuf = fs.readFileSync(path.join(rawDir, k.file));
const swagger = JSON.parse(swaggerBuf.toString('utf8'));
const keep = new Set();
const visit = (name) => {
  if (keep.has(name)) return;
  const def = swagger.definitions[name];
  if (!def) throw new Error(`${k.file} has no definition ${name}`);
  keep.add(name);
  JSON.stringify(def, (key, value) => {
    if (key === '$ref' && typeof value === 'string') visit(value.replace('#/definitions/', ''));
    return value;
  });
};
for (const def of Object.values(k.kinds)) visit(def);
const definitions = {};
for (const name of [...keep].sort()) {
  if (name === 'io.k8s.apimachinery.pkg.api.resource.Quantity') definitions[name] = NUMBER_OR_STRING;
  else definitions[name] = tighten(swagger.definitions[name]);
}
const K8S_ID = `https://techbridge.local/schemas/kubernetes-${k.version}.json`;
fs.writeFileSync(path.join(here, 'kubernetes.json'), `${JSON.stringify({ $id: K8S_ID, definitions })}\n`);

const index = { kinds: {}, sources: [] };
for (const [gvk, def] of Object.entries(k.kinds)) {
  index.kinds[gvk] = { schema: 'kubernetes.json', ref: `${K8S_ID}#/definitions/${def}` };
}
index.sources.push({ name: `Kubernetes ${k.version}`, repo: k.repo, tag: k.tag, commit: k.commit, path: k.path, sha256: sha256(swaggerBuf) });

// ---- operators' CRDs -----------------------------------------------------------------------------------
fs.mkdirSync(path.join(here, 'crds'), { recursive: true });
for (const c of sources.crds) {
  const buf = fs.readFileSync(path.join(rawDir, c.file));
  const docs = parseAllDocuments(buf.toString('utf8')).map((d) => d.toJS()).filter((d) => d && d.kind === 'CustomResourceDefinition');
  if (docs.length !== 1) throw new Error(`${c.file}: expected one CustomResourceDefinition, found ${docs.length}`);
  const crd = docs[0];
  const version = crd.spec.versions.find((v) => v.name === c.served);
  if (!version || !version.served) throw new Error(`${c.file}: version ${c.served} is not served`);
  const group = crd.spec.group;
  const kind = crd.spec.names.kind;
  const id = `https://techbridge.local/schemas/crds/${group}_${kind}_${c.served}.json`;
  const schema = { $id: id, ...tighten(version.schema.openAPIV3Schema) };
  const file = `crds/${group}_${kind.toLowerCase()}_${c.served}.json`;
  fs.writeFileSync(path.join(here, file), `${JSON.stringify(schema)}\n`);
  index.kinds[`${group}/${c.served}/${kind}`] = { schema: file, ref: id, operator: `${c.operator} ${c.version}` };
  index.sources.push({ name: `${c.operator} ${c.version} ${kind}`, repo: c.repo, tag: c.tag, commit: c.commit, path: c.path, sha256: sha256(buf) });
}
fs.writeFileSync(path.join(here, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
console.log(`wrote kubernetes.json (${keep.size} definitions), ${sources.crds.length} CRD schemas and index.json`);
