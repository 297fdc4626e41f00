// ESM face of preflight.cjs (built-ins only, safe to import before node_modules exists).
import m from './preflight.cjs';
import u from './util.cjs';

export const { checkTools, ensureDeps, ensureBuild, buildStale, binScript, report } = m;
export const { ROOT, ProvisionError, pickPort, isPortFree, sleep, tailLines, killTree, isAlive } = u;
