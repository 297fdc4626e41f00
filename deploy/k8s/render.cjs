'use strict';
// A small Kustomize renderer for deploy/k8s, so the tests can render the overlays without the kustomize
// binary (no download here). It implements exactly the subset the kustomizations use and REFUSES any
// other field, so it cannot silently render something `kubectl kustomize` would render differently:
//   resources (files and directories with a kustomization.yaml), namespace, labels (pairs,
//   includeSelectors: false, includeTemplates), images (name → newName/newTag), patches (strategic-merge
//   patch files; target = the patch's apiVersion/kind/metadata.name).
// Strategic merge as Kubernetes does it for what we patch: maps merge recursively, the lists Kubernetes
// merges by key (containers, initContainers, env, volumes, volumeMounts by `name`) merge by that key in
// built-in kinds, every other list is replaced; `$patch: delete` on a list item removes it.
//
//   node deploy/k8s/render.cjs deploy/k8s/overlays/prod     # print the rendered YAML
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const KUSTOMIZATION_FIELDS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'labels', 'images', 'patches']);
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'StorageClass', 'PriorityClass']);
const MERGE_BY_NAME = new Set(['containers', 'initContainers', 'env', 'volumes', 'volumeMounts']);

function readYamlDocs(file) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'));
  const out = [];
  for (const d of docs) {
    if (d.errors.length) throw new Error(`${file}: ${d.errors[0].message}`);
    const js = d.toJS();
    if (js !== null && js !== undefined) out.push(js);
  }
  return out;
}

const isBuiltIn = (apiVersion) => !apiVersion.includes('/') || !apiVersion.split('/')[0].includes('.') || apiVersion.split('/')[0].endsWith('.k8s.io');
const idOf = (r) => `${r.kind}/${r.metadata && r.metadata.name}`;
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function mergeList(base, patch, byName) {
  if (!byName || !base.every(isPlainObject) || !patch.every((p) => isPlainObject(p) && p.name)) {
    return patch.filter((p) => !(isPlainObject(p) && p.$patch === 'delete'));
  }
  const out = base.map((b) => ({ ...b }));
  for (const p of patch) {
    const i = out.findIndex((b) => b.name === p.name);
    if (p.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1);
    } else if (i >= 0) {
      out[i] = merge(out[i], p, byName);
    } else {
      out.push(p);
    }
  }
  return out;
}

/** Strategic merge of `patch` into `base` (see the header). */
function merge(base, patch, builtIn, key) {
  if (Array.isArray(patch)) return Array.isArray(base) ? mergeList(base, patch, builtIn && MERGE_BY_NAME.has(key)) : patch;
  if (!isPlainObject(patch) || !isPlainObject(base)) return patch;
  const out = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = k in base ? merge(base[k], v, builtIn, k) : v;
  }
  return out;
}

function podSpecs(r) {
  const s = r.spec || {};
  if (s.template && s.template.spec) return [s.template.spec];
  if (s.jobTemplate && s.jobTemplate.spec && s.jobTemplate.spec.template) return [s.jobTemplate.spec.template.spec];
  return [];
}

function applyImages(r, images) {
  for (const spec of podSpecs(r)) {
    for (const c of [...(spec.containers || []), ...(spec.initContainers || [])]) {
      const [name, tag] = splitImage(c.image);
      const rule = images.find((i) => i.name === name);
      if (!rule) continue;
      for (const k of Object.keys(rule)) {
        if (!['name', 'newName', 'newTag', 'digest'].includes(k)) throw new Error(`images: unsupported field ${k}`);
      }
      const newName = rule.newName || name;
      c.image = rule.digest ? `${newName}@${rule.digest}` : `${newName}:${rule.newTag || tag || 'latest'}`;
    }
  }
}

function splitImage(image) {
  const at = image.indexOf('@');
  if (at >= 0) return [image.slice(0, at), undefined];
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/') ? [image.slice(0, colon), image.slice(colon + 1)] : [image, undefined];
}

function applyLabels(r, labels) {
  for (const l of labels) {
    for (const k of Object.keys(l)) {
      if (!['pairs', 'includeSelectors', 'includeTemplates'].includes(k)) throw new Error(`labels: unsupported field ${k}`);
    }
    if (l.includeSelectors) throw new Error('labels: includeSelectors is not supported (selectors are immutable)');
    r.metadata.labels = { ...(r.metadata.labels || {}), ...l.pairs };
    // As kustomize: pod templates only with includeTemplates: true.
    if (l.includeTemplates === true && r.spec && r.spec.template && r.spec.template.metadata) {
      r.spec.template.metadata.labels = { ...(r.spec.template.metadata.labels || {}), ...l.pairs };
    }
  }
}

/** Render a kustomization directory into its resources (plain objects, in order). */
function render(dir) {
  const kfile = path.join(dir, 'kustomization.yaml');
  const [k] = readYamlDocs(kfile);
  for (const field of Object.keys(k)) {
    if (!KUSTOMIZATION_FIELDS.has(field)) throw new Error(`${kfile}: field "${field}" is not supported by deploy/k8s/render.cjs`);
  }
  let resources = [];
  for (const entry of k.resources || []) {
    const p = path.resolve(dir, entry);
    if (fs.statSync(p).isDirectory()) resources.push(...render(p));
    else resources.push(...readYamlDocs(p).map((r) => ({ ...r, __source: path.relative(path.resolve(__dirname), p) })));
  }
  const seen = new Set();
  for (const r of resources) {
    if (seen.has(idOf(r))) throw new Error(`${kfile}: ${idOf(r)} is declared twice`);
    seen.add(idOf(r));
  }
  for (const pe of k.patches || []) {
    for (const f of Object.keys(pe)) if (f !== 'path') throw new Error(`${kfile}: patches: only "path" is supported (got ${f})`);
    const pfile = path.resolve(dir, pe.path);
    for (const patch of readYamlDocs(pfile)) {
      const i = resources.findIndex((r) => r.apiVersion === patch.apiVersion && idOf(r) === idOf(patch));
      if (i < 0) throw new Error(`${pfile}: the patch's target ${patch.apiVersion} ${idOf(patch)} is not among the resources`);
      const { __source, ...base } = resources[i];
      resources[i] = { ...merge(base, patch, isBuiltIn(patch.apiVersion)), __source };
    }
  }
  resources = resources.map((r) => {
    const out = structuredClone(r);
    out.metadata = out.metadata || {};
    if (k.namespace && !CLUSTER_SCOPED.has(out.kind)) out.metadata.namespace = k.namespace;
    if (k.labels) applyLabels(out, k.labels);
    if (k.images) applyImages(out, k.images);
    return out;
  });
  return resources;
}

/** The rendered resources without the bookkeeping field (what `kubectl kustomize` would print). */
function renderClean(dir) {
  return render(dir).map(({ __source, ...r }) => r);
}

if (require.main === module) {
  const dir = process.argv[2] || path.join(__dirname, 'overlays', 'prod');
  process.stdout.write(renderClean(dir).map((r) => YAML.stringify(r, { lineWidth: 0 })).join('---\n'));
}

module.exports = { render, renderClean, merge, readYamlDocs };
