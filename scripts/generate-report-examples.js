#!/usr/bin/env node
/**
 * Regenerates docs/examples/ (every workshop report and agenda format for the demo workshop).
 *   node scripts/generate-report-examples.js [outDir]
 * TypeScript is compiled on the fly with @swc/core through the loader the benchmarks use.
 */
const path = require('node:path');
require('../bench/matching-core/register.js');
const { generateExamples } = require('../apps/workshops/src/reports/render/examples/generate-examples.ts');

const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'docs', 'examples'));
generateExamples(outDir).then(
  (files) =>
    console.log(
      `wrote ${files.length} files to ${path.relative(process.cwd(), outDir) || '.'}:\n  ${files.join('\n  ')}`,
    ),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
