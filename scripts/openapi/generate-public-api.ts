import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergePublicApi } from '../../apps/gateway/src/openapi/public-api-document';
import { serviceDocuments } from './service-documents';

/** Where the merged document lives (from the repository root): the gateway serves it, the client is generated from it. */
export const PUBLIC_API_JSON = join('libs', 'client', 'src', 'openapi.json');

/** The committed file's exact text for a document (stable key order, two spaces, final newline). */
export function serialise(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** `npm run client:generate`, step 1: the services' documents → libs/client/src/openapi.json. */
async function main(): Promise<void> {
  const { document, undocumentedPrefixes, renamedSchemas } = mergePublicApi(await serviceDocuments());
  const target = process.argv[2] ?? PUBLIC_API_JSON;
  writeFileSync(target, serialise(document));
  console.log(
    `wrote ${target}: ${Object.keys(document.paths).length} paths, ${Object.keys(document.components?.schemas ?? {}).length} schemas`,
  );
  if (renamedSchemas.length)
    console.log(
      `schemas defined differently by two services, prefixed with the service name: ${renamedSchemas.join(', ')}`,
    );
  if (undocumentedPrefixes.length)
    console.log(`routed by the gateway but documented by no service: ${undocumentedPrefixes.join(', ')}`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
