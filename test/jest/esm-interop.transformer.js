/**
 * NestJS 12 ships as ES modules. Node 20 loads them from our CommonJS build through require(esm), but
 * Jest on Node 20 cannot, so for tests only we compile those packages to CommonJS with SWC. Their
 * `createRequire(import.meta.url)` idiom has no CommonJS equivalent in SWC's output, so it is rewritten
 * to the module's own `require` first.
 */
const swcJest = require('@swc/jest');

function patchEsm(source) {
  return source
    .replace(/const require = createRequire\(import\.meta\.url\);?/g, '')
    .replace(/createRequire\(import\.meta\.url\)/g, 'require')
    .replace(/import\.meta\.resolve\(/g, 'require.resolve(')
    .replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename).href")
    .replace(/import\.meta\.dirname/g, '__dirname')
    .replace(/import\.meta\.filename/g, '__filename');
}

module.exports = {
  createTransformer(options) {
    const inner = swcJest.createTransformer(options);
    return {
      ...inner,
      process(source, filename, jestOptions) {
        const patched = filename.includes('node_modules') ? patchEsm(source) : source;
        return inner.process(patched, filename, jestOptions);
      },
      processAsync(source, filename, jestOptions) {
        const patched = filename.includes('node_modules') ? patchEsm(source) : source;
        return inner.processAsync(patched, filename, jestOptions);
      },
      getCacheKey(source, filename, ...rest) {
        return inner.getCacheKey(source, filename, ...rest) + ':esm-interop-1';
      },
    };
  },
};
