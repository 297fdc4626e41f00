import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergePublicApi } from '../../apps/gateway/src/openapi/public-api-document';
import { PUBLIC_API_JSON, serialise } from '../../scripts/openapi/generate-public-api';
import { serviceDocuments } from '../../scripts/openapi/service-documents';

/*
 * The committed public API document and the client types generated from it must be what
 * `npm run client:generate` produces from the code as it is now. A DTO or controller changed without
 * regenerating fails here (run `npm run client:generate` and commit the two files).
 */
const root = join(__dirname, '..', '..');
const TYPES = join(root, 'libs', 'client', 'src', 'generated', 'openapi-types.ts');

describe('libs/client is generated from the code as it is (drift check)', () => {
  it('libs/client/src/openapi.json equals the merge of the services’ documents', async () => {
    const { document } = mergePublicApi(await serviceDocuments());
    const committed = readFileSync(join(root, PUBLIC_API_JSON), 'utf8');
    // Compare parsed first for a readable diff, then the exact text (key order, formatting).
    expect(JSON.parse(committed)).toEqual(JSON.parse(serialise(document)));
    expect(committed).toBe(serialise(document));
  });

  it('libs/client/src/generated/openapi-types.ts equals what openapi-typescript generates from it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'techbridge-client-'));
    try {
      const out = join(dir, 'openapi-types.ts');
      const cli = join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
      // The same options as `npm run client:generate` (read from package.json), another output file.
      const script: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts['client:generate'];
      const args = script.split('openapi-typescript ')[1].split(/\s+/);
      args[args.indexOf('-o') + 1] = out;
      execFileSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'pipe' });
      expect(readFileSync(TYPES, 'utf8')).toBe(readFileSync(out, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
