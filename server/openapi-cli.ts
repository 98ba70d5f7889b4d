// `npm run openapi` runs this, then openapi-typescript turns the file into src/api/contract.d.ts.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPENAPI_FILE, buildOpenApiDocument, serializeOpenApiDocument } from './openapi-document.js';

writeFileSync(OPENAPI_FILE, serializeOpenApiDocument(buildOpenApiDocument()));
console.log(`Wrote ${fileURLToPath(OPENAPI_FILE)}`);
