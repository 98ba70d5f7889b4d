import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestServer, startTestServer } from './harness.js';

const ALLOWED = 'https://careers.example.com';
const OTHER = 'https://evil.example.net';

function corsHeaders(response: Response): string[] {
  return [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
}

describe('CORS', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ seed: false, corsOrigins: [ALLOWED, 'https://intranet.example.com'] });
  });
  after(() => server.close());

  it('lets an allowed origin read responses and the headers the client needs', async () => {
    const response = await server.app.request('/api/health', { headers: { Origin: ALLOWED } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED);
    const exposed = response.headers.get('access-control-expose-headers')?.toLowerCase().split(',');
    assert.deepEqual(exposed?.sort(), ['etag', 'idempotent-replayed', 'location', 'retry-after']);
    assert.match(response.headers.get('vary') ?? '', /Origin/);
  });

  it('answers an allowed preflight with the methods and headers the widgets send', async () => {
    const response = await server.app.request('/api/v1/settings', {
      method: 'OPTIONS',
      headers: {
        Origin: ALLOWED,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key, if-match',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED);
    const allowedHeaders = response.headers.get('access-control-allow-headers')?.toLowerCase().split(',');
    for (const header of ['authorization', 'content-type', 'idempotency-key', 'if-match']) {
      assert.ok(allowedHeaders?.includes(header), `allows ${header}`);
    }
    assert.ok(response.headers.get('access-control-allow-methods')?.split(',').includes('PUT'));
  });

  it('keeps CORS headers on problem responses, so the client can read the error', async () => {
    const response = await server.app.request('/api/v1/meta', {
      headers: { Origin: ALLOWED, Authorization: 'Bearer broken' },
    });
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED);
  });

  it('gives any other origin no CORS headers at all, preflight included', async () => {
    const simple = await server.app.request('/api/health', { headers: { Origin: OTHER } });
    assert.equal(simple.status, 200);
    assert.deepEqual(corsHeaders(simple), []);
    assert.match(simple.headers.get('vary') ?? '', /Origin/);

    const preflight = await server.app.request('/api/v1/settings', {
      method: 'OPTIONS',
      headers: { Origin: OTHER, 'Access-Control-Request-Method': 'PUT' },
    });
    assert.notEqual(preflight.status, 204);
    assert.deepEqual(corsHeaders(preflight), []);
  });

  it('does not match origins loosely', async () => {
    for (const origin of [`${ALLOWED}.evil.net`, 'http://careers.example.com', 'null']) {
      const response = await server.app.request('/api/health', { headers: { Origin: origin } });
      assert.deepEqual(corsHeaders(response), [], origin);
    }
  });

  it('allows no origin when the list is empty', async (t) => {
    const closed = await startTestServer({ seed: false, corsOrigins: [] });
    t.after(() => closed.close());
    const response = await closed.app.request('/api/health', { headers: { Origin: ALLOWED } });
    assert.deepEqual(corsHeaders(response), []);
  });
});
