// ESM face of runtime.cjs (built-ins only, safe to import before node_modules exists).
import m from './runtime.cjs';

export const {
  MIN_MAJOR,
  RUNTIME_PACKAGE,
  pinnedVersion,
  pickRuntime,
  enterRuntime,
  envWithNode,
  shippedNodePath,
} = m;
