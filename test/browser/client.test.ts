import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { OkaeriClient, type OkaeriClientOptions } from '../../src/api/client.js';
import { OkaeriApiError } from '../../src/api/errors.js';
import { json } from './support.js';

const base = 'https://api.example.test';
const meta = {
  programName: { en: 'Acme Alumni', ja: 'Acme アルムナイ' },
  departments: [{ id: 'sales', name: { en: 'Sales', ja: '営業' } }],
  interests: [{ id: 'rehire', label: { en: 'Coming back', ja: '再入社' } }],
  privacyPolicy: { url: 'https://acme.example/privacy', version: '2025-04-01' },
  locales: ['ja', 'en'],
};

type Reply = Response | Error | ((init: RequestInit) => Promise<Response>);

/** A fetch that answers from a script and records every request as the server would see it. */
function scriptedFetch(...replies: Reply[]) {
  const sent: Request[] = [];
  const fetch = sinon.spy(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    sent.push(new Request(input, init));
    const reply = replies.shift();
    if (!reply) throw new Error('unexpected request');
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply(init) : reply;
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, sent };
}

/** A fetch that never answers but honours its signal, like the platform's. */
function hang(init: RequestInit): Promise<Response> {
  return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
}

function client(fetch: typeof globalThis.fetch, options: OkaeriClientOptions = {}) {
  return new OkaeriClient({ baseUrl: base, fetch, retryDelay: 1, ...options });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('OkaeriClient', () => {
  afterEach(() => sinon.restore());

  describe('URLs', () => {
    it('joins the base URL and the endpoint path, whatever the slashes', async () => {
      const { fetch, sent } = scriptedFetch(json(meta));
      const result = await client(fetch, { baseUrl: `${base}/alumni/` }).getMeta();
      expect(result).to.deep.equal(meta);
      expect(sent[0].method).to.equal('GET');
      expect(sent[0].url).to.equal(`${base}/alumni/api/v1/meta`);
    });

    it('applies path overrides, fills {params} encoded and encodes the query', async () => {
      const { fetch, sent } = scriptedFetch(json(meta), json(meta));
      const api = client(fetch, { paths: { meta: '/hr/{org}/meta', health: 'https://status.example.test/ping' } });
      await api.request('meta', {
        pathParams: { org: 'a b/c' },
        query: { q: '鈴木 一郎', dept: ['eng', 'sales'], none: undefined, nil: null, n: 0, flag: false },
      });
      await api.request('health');
      expect(sent[0].url).to.equal(
        `${base}/hr/a%20b%2Fc/meta?q=%E9%88%B4%E6%9C%A8%20%E4%B8%80%E9%83%8E&dept=eng&dept=sales&n=0&flag=false`,
      );
      expect(sent[1].url, 'a full URL override ignores the base').to.equal('https://status.example.test/ping');
    });

    it('refuses to send a request with a missing path parameter', async () => {
      const { fetch, sent } = scriptedFetch(json(meta));
      const error = await rejection(client(fetch, { paths: { meta: '/x/{id}' } }).request('meta'));
      expect(error).to.be.instanceOf(TypeError);
      expect(sent).to.have.length(0);
    });
  });

  describe('headers and body', () => {
    it('sends static headers and a fresh bearer token from the async getter on every request', async () => {
      const { fetch, sent } = scriptedFetch(json(meta), json(meta));
      let n = 0;
      const api = client(fetch, {
        headers: { 'X-Tenant': 'acme' },
        token: 'ignored-when-a-getter-exists',
        getToken: async () => `token-${++n}`,
        credentials: 'include',
      });
      await api.getMeta();
      await api.getMeta();
      expect(sent[0].headers.get('X-Tenant')).to.equal('acme');
      expect(sent[0].headers.get('Accept')).to.contain('application/json');
      expect(sent[0].headers.get('Authorization')).to.equal('Bearer token-1');
      expect(sent[1].headers.get('Authorization')).to.equal('Bearer token-2');
      expect(sent[0].credentials).to.equal('include');
    });

    it('uses the static token, and sends no Authorization when the getter has none', async () => {
      const { fetch, sent } = scriptedFetch(json(meta), json(meta));
      await client(fetch, { token: 'static' }).getMeta();
      await client(fetch, { getToken: () => null }).getMeta();
      expect(sent[0].headers.get('Authorization')).to.equal('Bearer static');
      expect(sent[1].headers.has('Authorization')).to.be.false;
    });

    it('sends JSON bodies with Idempotency-Key and If-Match, and returns status and headers', async () => {
      const { fetch, sent } = scriptedFetch(json({ ok: true }, { status: 201, headers: { ETag: '"v2"' } }));
      const response = await client(fetch).request<{ ok: boolean }>('meta', {
        method: 'POST',
        body: { name: '鈴木' },
        idempotencyKey: 'key-1',
        ifMatch: '"v1"',
        headers: { 'X-Trace': 't' },
      });
      expect(response.data).to.deep.equal({ ok: true });
      expect(response.status).to.equal(201);
      expect(response.headers.get('ETag')).to.equal('"v2"');
      expect(sent[0].method).to.equal('POST');
      expect(sent[0].headers.get('Content-Type')).to.equal('application/json');
      expect(sent[0].headers.get('Idempotency-Key')).to.equal('key-1');
      expect(sent[0].headers.get('If-Match')).to.equal('"v1"');
      expect(sent[0].headers.get('X-Trace')).to.equal('t');
      expect(await sent[0].json()).to.deep.equal({ name: '鈴木' });
    });

    it('resolves an empty 204 to undefined', async () => {
      const { fetch } = scriptedFetch(new Response(null, { status: 204 }));
      const response = await client(fetch).request('meta', { method: 'DELETE' });
      expect(response.data).to.be.undefined;
      expect(response.status).to.equal(204);
    });

    it('falls back to the page fetch', async () => {
      const pageFetch = sinon.stub(window, 'fetch').resolves(json({ status: 'ok', version: '1', database: 'ok' }));
      const health = await new OkaeriClient().getHealth();
      expect(health.status).to.equal('ok');
      expect(pageFetch.firstCall.args[0]).to.equal('/api/health');
    });
  });

  describe('retries', () => {
    for (const status of [502, 503, 504, 429]) {
      it(`retries a GET answered ${status}`, async () => {
        const { fetch, sent } = scriptedFetch(json({ title: 'busy' }, { status }), json(meta));
        expect(await client(fetch).getMeta()).to.deep.equal(meta);
        expect(sent).to.have.length(2);
      });
    }

    it('retries a GET after network errors, then gives up after `retries` extra attempts', async () => {
      const { fetch, sent } = scriptedFetch(new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), new TypeError('x'));
      const error = await rejection(client(fetch).getMeta());
      expect(error).to.be.instanceOf(OkaeriApiError);
      expect((error as OkaeriApiError).kind).to.equal('network');
      expect(sent).to.have.length(3);
    });

    it('reports the last status when every attempt is refused', async () => {
      const { fetch, sent } = scriptedFetch(...[1, 2, 3].map(() => json({ title: 'busy' }, { status: 503 })));
      const error = (await rejection(client(fetch).getMeta())) as OkaeriApiError;
      expect(error.status).to.equal(503);
      expect(sent).to.have.length(3);
    });

    it('retries a POST that carries an Idempotency-Key, with the same key and body', async () => {
      const { fetch, sent } = scriptedFetch(new TypeError('Failed to fetch'), json({}, { status: 503 }), json({ id: 1 }, { status: 201 }));
      const response = await client(fetch).request('meta', { method: 'POST', body: { a: 1 }, idempotencyKey: 'k' });
      expect(response.status).to.equal(201);
      expect(sent.map((request) => request.headers.get('Idempotency-Key'))).to.deep.equal(['k', 'k', 'k']);
      expect(await Promise.all(sent.map((request) => request.text()))).to.deep.equal(['{"a":1}', '{"a":1}', '{"a":1}']);
    });

    it('never retries a POST without an Idempotency-Key', async () => {
      const refused = scriptedFetch(json({ title: 'busy' }, { status: 503 }), json({}));
      const status = ((await rejection(client(refused.fetch).request('meta', { method: 'POST', body: {} }))) as OkaeriApiError).status;
      expect(status).to.equal(503);
      expect(refused.sent).to.have.length(1);

      const lost = scriptedFetch(new TypeError('Failed to fetch'), json({}));
      const kind = ((await rejection(client(lost.fetch).request('meta', { method: 'PUT', body: {} }))) as OkaeriApiError).kind;
      expect(kind).to.equal('network');
      expect(lost.sent).to.have.length(1);
    });

    it('retries a keyed write answered 409 (its key still reserved), honoring Retry-After, with the same key', async () => {
      const busy = () => json({ title: 'A request with this Idempotency-Key is in progress', status: 409 }, { status: 409, headers: { 'Retry-After': '0' } });
      const { fetch, sent } = scriptedFetch(busy(), json({ id: 1 }, { status: 201 }));
      const response = await client(fetch).request('alumni', { method: 'POST', body: { a: 1 }, idempotencyKey: 'k' });
      expect(response.status).to.equal(201);
      expect(sent.map((request) => request.headers.get('Idempotency-Key'))).to.deep.equal(['k', 'k']);

      const stuck = scriptedFetch(busy(), busy(), busy(), json({}));
      const error = (await rejection(client(stuck.fetch).request('alumni', { method: 'POST', body: {}, idempotencyKey: 'k' }))) as OkaeriApiError;
      expect(error.status).to.equal(409);
      expect(stuck.sent).to.have.length(3, 'gives up after `retries` extra attempts');
    });

    it('does not retry a 409 without an Idempotency-Key, nor on a GET', async () => {
      const write = scriptedFetch(json({ status: 409 }, { status: 409 }), json({}));
      expect(((await rejection(client(write.fetch).request('alumni', { method: 'POST', body: {} }))) as OkaeriApiError).status).to.equal(409);
      expect(write.sent).to.have.length(1);
      const read = scriptedFetch(json({ status: 409 }, { status: 409 }), json(meta));
      expect(((await rejection(client(read.fetch).getMeta())) as OkaeriApiError).status).to.equal(409);
      expect(read.sent).to.have.length(1);
    });

    it('does not retry other client errors', async () => {
      const { fetch, sent } = scriptedFetch(json({ title: 'Not Found', status: 404 }, { status: 404 }), json(meta));
      expect(((await rejection(client(fetch).getMeta())) as OkaeriApiError).status).to.equal(404);
      expect(sent).to.have.length(1);
    });

    describe('Retry-After', () => {
      let clock: sinon.SinonFakeTimers;

      // Reading a Response body takes real time, which fake timers cannot skip; so wait (on a
      // real macrotask) until the client sits in its retry pause before moving the clock.
      async function pausedAfter(sent: Request[], requests: number): Promise<void> {
        while (sent.length < requests || clock.countTimers() !== 1) {
          await new Promise((resolve) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = resolve;
            channel.port2.postMessage(null);
          });
        }
      }

      beforeEach(() => {
        clock = sinon.useFakeTimers({ now: Date.UTC(2025, 3, 1, 9), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      });

      it('waits the seconds the server asks for instead of the backoff', async () => {
        const { fetch, sent } = scriptedFetch(json({}, { status: 429, headers: { 'Retry-After': '2' } }), json(meta));
        const done = client(fetch, { retryDelay: 60_000 }).getMeta();
        await pausedAfter(sent, 1);
        await clock.tickAsync(1999);
        expect(sent).to.have.length(1);
        await clock.tickAsync(1);
        expect(await done).to.deep.equal(meta);
        expect(sent).to.have.length(2);
      });

      it('waits until an HTTP date', async () => {
        const until = new Date(Date.now() + 3000).toUTCString();
        const { fetch, sent } = scriptedFetch(json({}, { status: 503, headers: { 'Retry-After': until } }), json(meta));
        const done = client(fetch, { retryDelay: 60_000 }).getMeta();
        await pausedAfter(sent, 1);
        await clock.tickAsync(2999);
        expect(sent).to.have.length(1);
        await clock.tickAsync(1);
        await done;
        expect(sent).to.have.length(2);
      });

      it('reports at once when asked to wait longer than the timeout', async () => {
        const { fetch, sent } = scriptedFetch(json({}, { status: 503, headers: { 'Retry-After': '120' } }), json(meta));
        const error = (await rejection(client(fetch).getMeta())) as OkaeriApiError;
        expect(error.status).to.equal(503);
        expect(sent).to.have.length(1);
      });
    });
  });

  describe('timeouts and aborts', () => {
    it('times out with kind "timeout" and does not retry', async () => {
      const { fetch, sent } = scriptedFetch(hang, json(meta));
      const error = (await rejection(client(fetch, { timeout: 20 }).getMeta())) as OkaeriApiError;
      expect(error).to.be.instanceOf(OkaeriApiError);
      expect(error.kind).to.equal('timeout');
      expect(sent).to.have.length(1);
    });

    it('times out even when a host-supplied fetch ignores the signal', async () => {
      const { fetch } = scriptedFetch(() => new Promise<Response>(() => {}));
      const error = (await rejection(client(fetch, { timeout: 20 }).getMeta())) as OkaeriApiError;
      expect(error.kind).to.equal('timeout');
    });

    it("rejects with the caller's AbortError and does not retry", async () => {
      const { fetch, sent } = scriptedFetch(hang, json(meta));
      const controller = new AbortController();
      const pending = client(fetch).getMeta({ signal: controller.signal });
      await waitUntil(() => sent.length === 1);
      controller.abort();
      const error = await rejection(pending);
      expect(error).to.be.instanceOf(DOMException);
      expect((error as DOMException).name).to.equal('AbortError');
      expect(sent).to.have.length(1);
    });

    it('stops waiting for a retry when the caller aborts', async () => {
      const { fetch, sent } = scriptedFetch(json({}, { status: 503, headers: { 'Retry-After': '5' } }), json(meta));
      const controller = new AbortController();
      const pending = client(fetch).getMeta({ signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      expect(((await rejection(pending)) as DOMException).name).to.equal('AbortError');
      expect(sent).to.have.length(1);
    });

    it('sends nothing when the signal is already aborted', async () => {
      const { fetch, sent } = scriptedFetch(json(meta));
      const error = await rejection(client(fetch).getMeta({ signal: AbortSignal.abort() }));
      expect((error as DOMException).name).to.equal('AbortError');
      expect(sent).to.have.length(0);
    });
  });

  describe('errors', () => {
    it('carries the problem document and its field errors', async () => {
      const problem = {
        type: 'https://okaeri.dev/problems/validation',
        title: 'Invalid request',
        status: 400,
        detail: 'Two fields are invalid.',
        errors: { email: 'invalid_email', 'consent.privacyPolicyVersion': 'required' },
      };
      const { fetch } = scriptedFetch(json(problem, { status: 400, headers: { 'Content-Type': 'application/problem+json' } }));
      const error = (await rejection(client(fetch).request('meta', { method: 'POST', body: {} }))) as OkaeriApiError;
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(400);
      expect(error.problem).to.deep.equal(problem);
      expect(error.fieldErrors).to.deep.equal({ email: 'invalid_email', 'consent.privacyPolicyVersion': 'required' });
      expect(error.message).to.contain('Invalid request');
    });

    it('synthesizes a problem from the status when the error body is not JSON', async () => {
      const html = new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } });
      const { fetch } = scriptedFetch(html);
      const error = (await rejection(client(fetch, { retries: 0 }).getMeta())) as OkaeriApiError;
      expect(error.kind).to.equal('http');
      expect(error.problem).to.deep.equal({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
      expect(error.fieldErrors).to.deep.equal({});
    });

    it('refuses a successful answer that is not JSON (a wrong base URL serving HTML)', async () => {
      const { fetch } = scriptedFetch(new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
      const error = (await rejection(client(fetch).getMeta())) as OkaeriApiError;
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(200);
      expect(error.message).to.contain('not JSON');
    });
  });
});
