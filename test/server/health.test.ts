import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TOKEN_ROLES } from '../../server/auth.js';
import { SERVER_VERSION } from '../../server/version.js';
import { type TestServer, startTestServer } from './harness.js';

describe('GET /api/health', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ seed: false });
  });
  after(() => server.close());

  it('reports the server and its database as ok, uncached', async () => {
    const response = await server.app.request('/api/health');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = await response.json();
    assert.equal(body.status, 'ok');
    assert.equal(body.database, 'ok');
    assert.equal(body.version, SERVER_VERSION);
  });

  for (const role of TOKEN_ROLES) {
    it(`answers a viewer with a ${role} token`, async () => {
      const response = await server.app.request('/api/health', {
        headers: { Authorization: await server.bearer(role) },
      });
      assert.equal(response.status, 200);
    });
  }

  it('reports 503 when the database does not answer', async (t) => {
    const broken = await startTestServer({ seed: false });
    t.after(() => broken.close());
    await broken.database.breakConnection();
    t.mock.method(console, 'error', () => {});
    const response = await broken.app.request('/api/health');
    assert.equal(response.status, 503);
    assert.deepEqual(await response.json(), {
      status: 'error',
      version: SERVER_VERSION,
      database: 'error',
    });
  });
});
