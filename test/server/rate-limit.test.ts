import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { UNKNOWN_CLIENT, clientKey, rateLimit } from '../../server/middleware/rate-limit.js';
import { PROBLEM_TYPE_BASE, handleError } from '../../server/problem.js';
import { PROBLEM_CONTENT_TYPE } from './harness.js';

function limitedApp(options: Parameters<typeof rateLimit>[0]) {
  const app = new Hono();
  app.onError(handleError);
  app.use(rateLimit(options));
  app.get('/', (c) => c.text('ok'));
  return app;
}

describe('rateLimit', () => {
  it('lets `limit` requests through per window, then answers 429 with Retry-After until the oldest leaves it', async () => {
    let time = 1_000_000;
    const app = limitedApp({ limit: 3, windowMs: 60_000, now: () => time });
    for (let index = 0; index < 3; index++) {
      assert.equal((await app.request('/')).status, 200);
      time += 10_000; // requests at 0 s, 10 s, 20 s
    }
    const refused = await app.request('/'); // at 30 s
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
    assert.equal(refused.headers.get('retry-after'), '30'); // the request at 0 s leaves at 60 s
    const problem = await refused.json();
    assert.equal(problem.type, `${PROBLEM_TYPE_BASE}rate-limited`);
    assert.equal(problem.status, 429);
    assert.match(problem.detail, /3 in 1 min/);

    time += 29_000; // 59 s: still three in the last minute
    assert.equal((await app.request('/')).status, 429);
    time += 1_000; // 60 s: the first has left the window
    assert.equal((await app.request('/')).status, 200);
    assert.equal((await app.request('/')).status, 429, 'the window slides: 10 s, 20 s and 60 s are in it');
  });

  it('counts each client apart', async () => {
    let client = 'a';
    const app = limitedApp({ limit: 1, windowMs: 60_000, key: () => client });
    assert.equal((await app.request('/')).status, 200);
    assert.equal((await app.request('/')).status, 429);
    client = 'b';
    assert.equal((await app.request('/')).status, 200);
  });

  it('never answers Retry-After: 0', async () => {
    let time = 0;
    const app = limitedApp({ limit: 1, windowMs: 1_000, now: () => time });
    await app.request('/');
    time = 999;
    const refused = await app.request('/');
    assert.equal(refused.headers.get('retry-after'), '1');
  });

  it('refuses a limit that cannot work', () => {
    assert.throws(() => rateLimit({ limit: 0, windowMs: 1000 }));
    assert.throws(() => rateLimit({ limit: 1.5, windowMs: 1000 }));
    assert.throws(() => rateLimit({ limit: 1, windowMs: 0 }));
  });
});

describe('clientKey', () => {
  const fromSocket = (remoteAddress: string | undefined) =>
    clientKey({ env: { incoming: { socket: { remoteAddress } } } } as unknown as Context);

  it('is the IPv4 address, also when mapped into IPv6', () => {
    assert.equal(fromSocket('203.0.113.7'), '203.0.113.7');
    assert.equal(fromSocket('::ffff:203.0.113.7'), '203.0.113.7');
  });

  it('groups IPv6 addresses by /64 network', () => {
    assert.equal(fromSocket('2001:db8:0:1::5'), '2001:db8:0:1::/64');
    assert.equal(fromSocket('2001:0db8:0000:0001:ffff:1:2:3'), '2001:db8:0:1::/64');
    assert.equal(fromSocket('::1'), '0:0:0:0::/64');
    assert.equal(fromSocket('fe80::1%eth0'), 'fe80:0:0:0::/64');
  });

  it('falls back to one shared key without a socket', () => {
    assert.equal(clientKey({ env: undefined } as unknown as Context), UNKNOWN_CLIENT);
    assert.equal(fromSocket(undefined), UNKNOWN_CLIENT);
  });
});

describe('rateLimit on a real socket', () => {
  let server: ReturnType<typeof serve>;
  let base: string;
  before(async () => {
    const app = new Hono();
    app.onError(handleError);
    app.get('/who', (c) => c.text(clientKey(c))); // registered first: not limited
    app.use(rateLimit({ limit: 1, windowMs: 60_000 }));
    app.get('/', (c) => c.text('ok'));
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
        base = `http://127.0.0.1:${info.port}/`;
        resolve();
      });
    });
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('keys on the socket address', async () => {
    assert.equal(await (await fetch(`${base}who`)).text(), '127.0.0.1');
    assert.equal((await fetch(base)).status, 200);
    const refused = await fetch(base);
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
  });
});
