/**
 * Minimal TypeScript loader for running the benchmarks with plain `node -r`:
 * compiles .ts through @swc/core (the same settings as Jest) and resolves @techbridge/* aliases.
 *   node -r ./bench/matching-core/register.js -e "require('./bench/matching-core/eval.ts')..."
 */
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '../..');
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;

const origResolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const m = /^@techbridge\/([a-z-]+)$/.exec(request);
  if (m) request = path.join(root, 'libs', m[1], 'src', 'index.ts');
  return origResolve.call(this, request, parent, ...rest);
};

Module._extensions['.ts'] = function (module, filename) {
  const src = fs.readFileSync(filename, 'utf8');
  const out = swc.transformSync(src, { ...swcrc, filename, swcrc: false, sourceMaps: 'inline' });
  module._compile(out.code, filename);
};
