import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import openapiTS, { COMMENT_HEADER, astToString } from 'openapi-typescript';
import { OPENAPI_FILE, buildOpenApiDocument } from '../../server/openapi-document.js';
import { type TestServer, startTestServer } from './harness.js';

const CONTRACT_TYPES_FILE = new URL('../../src/api/contract.d.ts', import.meta.url);
const REGENERATE = 'The contract drifted from the routes: run `npm run openapi` and commit both files.';

describe('the OpenAPI contract', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ seed: false });
  });
  after(() => server.close());

  it('is served at /api/openapi.json as generated from the routes', async () => {
    const response = await server.app.request('/api/openapi.json');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  it('is OpenAPI 3.1 with the named schemas the browser imports and a bearer scheme', () => {
    const document = buildOpenApiDocument();
    assert.equal(document.openapi, '3.1.0');
    const schemas = Object.keys(document.components?.schemas ?? {});
    const expected = ['Health', 'Meta', 'LocalizedText', 'Department', 'InterestOption', 'Problem', 'FieldErrorCode'];
    for (const name of expected) {
      assert.ok(schemas.includes(name), `components.schemas.${name}`);
    }
    const bearer = document.components?.securitySchemes?.bearerAuth;
    assert.ok(bearer && !('$ref' in bearer), 'components.securitySchemes.bearerAuth');
    assert.equal(bearer.type, 'http');
    assert.equal(bearer.scheme, 'bearer');
  });

  it('matches the committed server/openapi.json', () => {
    const committed = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));
    assert.deepEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())), committed, REGENERATE);
  });

  it('matches the committed browser types in src/api/contract.d.ts', async () => {
    const generated = COMMENT_HEADER + astToString(await openapiTS(OPENAPI_FILE, { silent: true }));
    assert.equal(generated, readFileSync(CONTRACT_TYPES_FILE, 'utf8'), REGENERATE);
  });
});
