// The shared fixtures (test/fixtures/) are the seeded server's own answers, so stories and browser
// tests never drift from it (a story once said "復職に関心" where the server says "再入社（出戻り）").
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../server/harness.js';

describe('test/fixtures', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server?.close());

  it('meta.json is what a freshly seeded server answers to GET /api/v1/meta', async () => {
    const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'meta.json'), 'utf8'));
    const response = await server.app.request('/api/v1/meta');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), fixture);
  });
});
