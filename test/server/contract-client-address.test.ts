// Per-client limits behind the company's reverse proxy: X-Forwarded-For / Forwarded are believed
// only from OKAERI_TRUST_PROXY addresses, over real sockets (app.request() has no peer address).
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { clientAddress, isTrusted, parseTrustedProxies, resolveClientAddress } from '../../server/middleware/client-address.js';
import { clientKey } from '../../server/middleware/rate-limit.js';
import { type TestServer, startTestServer } from './harness.js';

function listen(fetch: (request: Request, env: unknown) => Response | Promise<Response>): Promise<{ server: ServerType; base: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({ server, base: `http://127.0.0.1:${info.port}` });
    });
  });
}

const close = (server: ServerType) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('the client address behind trusted proxies', () => {
  it('matches addresses against networks, IPv4-mapped IPv6 as IPv4', () => {
    const proxies = parseTrustedProxies('10.0.0.0/8, 192.168.1.10, fd00::/8, ::1');
    assert.ok(isTrusted('10.200.3.4', proxies));
    assert.ok(isTrusted('::ffff:10.1.2.3', proxies));
    assert.ok(isTrusted('192.168.1.10', proxies));
    assert.ok(!isTrusted('192.168.1.11', proxies));
    assert.ok(isTrusted('fd12:3456::1', proxies));
    assert.ok(isTrusted('::1', proxies));
    assert.ok(!isTrusted('2001:db8::1', proxies));
    assert.ok(!isTrusted('unknown', proxies));
    assert.ok(isTrusted('127.0.0.1', parseTrustedProxies('::ffff:127.0.0.0/104')));
  });

  async function addressesSeen(trust: string, headers: HeadersInit[]): Promise<string[]> {
    const app = new Hono();
    app.use(resolveClientAddress(parseTrustedProxies(trust)));
    app.get('/', (c) => c.text(`${clientAddress(c)} ${clientKey(c)}`));
    const { server, base } = await listen(app.fetch);
    try {
      return await Promise.all(headers.map(async (each) => (await fetch(base, { headers: each })).text()));
    } finally {
      await close(server);
    }
  }

  it('never believes the headers without OKAERI_TRUST_PROXY, or from a peer not on it', async () => {
    const spoofed: HeadersInit[] = [{ 'X-Forwarded-For': '203.0.113.7' }, { Forwarded: 'for=203.0.113.7' }];
    assert.deepEqual(await addressesSeen('', spoofed), ['127.0.0.1 127.0.0.1', '127.0.0.1 127.0.0.1']);
    assert.deepEqual(await addressesSeen('10.0.0.0/8', spoofed), ['127.0.0.1 127.0.0.1', '127.0.0.1 127.0.0.1']);
  });

  it('takes the first address from the right that no trusted proxy vouches for', async () => {
    const seen = await addressesSeen('127.0.0.1, 10.0.0.0/8', [
      { 'X-Forwarded-For': '203.0.113.7' },
      // The client wrote the leftmost entry itself; 10.1.1.1 is a second, trusted, proxy.
      { 'X-Forwarded-For': '198.51.100.1, 203.0.113.8, 10.1.1.1' },
      { Forwarded: 'for=192.0.2.60;proto=https;by=10.0.0.1, for=10.2.2.2' },
      { Forwarded: 'for="[2001:db8:cafe::17]:4711"' },
      { 'X-Forwarded-For': '10.3.3.3' },
      {},
    ]);
    assert.deepEqual(seen, [
      '203.0.113.7 203.0.113.7',
      '203.0.113.8 203.0.113.8',
      '192.0.2.60 192.0.2.60',
      '2001:db8:cafe::17 2001:db8:cafe:0::/64',
      '10.3.3.3 10.3.3.3',
      '127.0.0.1 127.0.0.1',
    ]);
  });
});

describe('the signup limit behind a trusted proxy (createApp options from OKAERI_RATE_LIMIT_SIGNUP and OKAERI_TRUST_PROXY)', () => {
  let test: TestServer;
  let server: ServerType;
  let base: string;
  before(async () => {
    test = await startTestServer({
      rateLimit: { signup: { limit: 2, windowMs: 60_000 } },
      trustProxy: parseTrustedProxies('127.0.0.1'),
    });
    ({ server, base } = await listen(test.app.fetch));
  });
  after(async () => {
    await close(server);
    await test.close();
  });

  // An empty body is refused (400) after the limiter counted it, which is all this needs.
  const signup = (forwardedFor: string) =>
    fetch(`${base}/api/v1/alumni`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor }, body: '{}' });

  it('counts each visitor the proxy forwards on their own, not the proxy as one client', async () => {
    assert.equal((await signup('203.0.113.1')).status, 400);
    assert.equal((await signup('203.0.113.1')).status, 400);
    const limited = await signup('203.0.113.1');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('content-type'), 'application/problem+json');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await signup('203.0.113.2')).status, 400, 'another visitor behind the same proxy is not limited');
  });
});
