// HTTP details of issue 15, each failing on the code before it: problem documents for requests
// Node or the adapter refuse before Hono (real sockets), If-Match per RFC 9110 §13.1.1, dates in
// range, the q word cap, and every pattern of the document valid in JSON Schema's `u` mode.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { type AddressInfo, connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Server } from 'node:http';
import { HEADER_LIMIT_BYTES, createHttpServer } from '../../server/http-server.js';
import { OPENAPI_FILE } from '../../server/openapi-document.js';
import { type TestServer, startTestServer } from './harness.js';

/** Writes `raw` to the server and reads until it closes the connection. */
function exchange(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(raw));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

function parse(answer: string): { status: number; headers: Record<string, string>; body: string } {
  const [head = '', ...rest] = answer.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  let body = rest.join('\r\n\r\n');
  if (headers['transfer-encoding'] === 'chunked') body = body.replace(/^[0-9a-f]+\r\n/, '').replace(/\r\n0\r\n$/, '').replace(/\r\n$/, '');
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

describe('requests refused before the app still get problem documents', () => {
  let test: TestServer;
  let server: Server;
  let port: number;
  before(async () => {
    test = await startTestServer({ seed: false });
    server = createHttpServer(test.app.fetch, '127.0.0.1');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await test.close();
  });

  const assertProblem = (answer: string, status: number, kind: string) => {
    const { status: actual, headers, body } = parse(answer);
    assert.equal(actual, status, answer.slice(0, 200));
    assert.equal(headers['content-type'], 'application/problem+json', answer.slice(0, 200));
    const problem = JSON.parse(body);
    assert.equal(problem.status, status);
    assert.equal(problem.type, `https://okaeri.dev/problems/${kind}`);
  };

  it('a backslash in an /api path: 400 problem, not an empty text/plain', async () => {
    assertProblem(await exchange(port, 'GET /api\\v1/meta HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'), 400, 'bad-request');
  });

  it('headers over the limit: 431 problem, not Node’s bare 431', async () => {
    const big = 'a'.repeat(HEADER_LIMIT_BYTES + 100);
    assertProblem(await exchange(port, `GET /api/v1/meta HTTP/1.1\r\nHost: localhost\r\nX-Big: ${big}\r\nConnection: close\r\n\r\n`), 431, 'headers-too-large');
  });

  it('a malformed request line: 400 problem', async () => {
    assertProblem(await exchange(port, 'NOT HTTP AT ALL\r\n\r\n'), 400, 'bad-request');
  });

  it('still serves ordinary requests', async () => {
    const { status, headers } = parse(await exchange(port, 'GET /api/v1/meta HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'));
    assert.equal(status, 200);
    assert.match(headers['content-type']!, /^application\/json/);
  });
});

describe('If-Match, dates and query words', () => {
  let server: TestServer;
  let hr: string;
  let returnerId: string;
  before(async () => {
    server = await startTestServer();
    hr = await server.bearer('hr');
    returnerId = (await (await server.app.request('/api/v1/returners', { headers: { Authorization: hr } })).json()).items[0].id;
  });
  after(() => server.close());

  const firstItem = async () =>
    (await (await server.app.request(`/api/v1/returners/${returnerId}/checklist`, { headers: { Authorization: hr } })).json()).items[0] as {
      id: string;
      version: number;
      done: boolean;
    };
  const toggle = (itemId: string, done: boolean, ifMatch: string) =>
    server.app.request(`/api/v1/returners/${returnerId}/checklist/items/${itemId}`, {
      method: 'PATCH',
      headers: { Authorization: hr, 'Content-Type': 'application/json', 'If-Match': ifMatch },
      body: JSON.stringify({ done }),
    });

  it('If-Match: * matches whatever version is current', async () => {
    const item = await firstItem();
    const response = await toggle(item.id, !item.done, '*');
    assert.equal(response.status, 200);
    assert.equal((await response.json()).version, item.version + 1);
  });

  it('a weak tag never matches, even of the current version; a list matches if it names the current one', async () => {
    const item = await firstItem();
    assert.equal((await toggle(item.id, !item.done, `W/"${item.version}"`)).status, 412);
    assert.equal((await toggle(item.id, !item.done, `"${item.version + 7}", W/"${item.version}"`)).status, 412);
    assert.equal((await toggle(item.id, !item.done, `"${item.version + 7}", "${item.version}"`)).status, 200);
  });

  const createReturner = (returnDate: string) =>
    server.app.request('/api/v1/returners', {
      method: 'POST',
      headers: { Authorization: hr, 'Content-Type': 'application/json' },
      body: JSON.stringify({ alumniId: 'al_nobody', returnDate }),
    });

  it('a malformed returnDate is a 400 invalid_date, not a 500; days outside 1900–2099 too', async () => {
    for (const returnDate of ['2027-1-1', '0000-01-01', '9999-12-31', '1899-12-31', '2027-02-30', '2027-13-01']) {
      const response = await createReturner(returnDate);
      assert.equal(response.status, 400, returnDate);
      assert.equal((await response.json()).errors.returnDate, 'invalid_date', returnDate);
    }
    const ok = await (await createReturner('2027-04-01')).json();
    assert.equal(ok.errors.returnDate, undefined, 'a good day passes (the unknown alumnus is what fails)');
  });

  it('refuses more than 8 distinct words in q instead of silently ignoring the rest', async () => {
    const search = (q: string) => server.app.request(`/api/v1/alumni?q=${encodeURIComponent(q)}`, { headers: { Authorization: hr } });
    assert.equal((await search('a b c d e f g h')).status, 200);
    assert.equal((await search('a a a a a a a a a a')).status, 200, 'repeats count once');
    const nine = await search('a b c d e f g h i');
    assert.equal(nine.status, 400);
    assert.equal((await nine.json()).errors.q, 'too_long');
  });
});

describe('patterns in the document', () => {
  const document = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));

  function* patterns(node: unknown, path = '#'): Generator<{ path: string; pattern: string }> {
    if (Array.isArray(node)) {
      for (const [index, child] of node.entries()) yield* patterns(child, `${path}/${index}`);
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key === 'pattern' && typeof child === 'string') yield { path, pattern: child };
        else yield* patterns(child, `${path}/${key}`);
      }
    }
  }

  it('are ECMA-262 u-mode patterns (as JSON Schema 2020-12 reads them) with no regex flags leaked in', () => {
    const found = [...patterns(document)];
    assert.ok(found.length >= 10);
    for (const { path, pattern } of found) {
      assert.doesNotThrow(() => new RegExp(pattern, 'u'), `${path}: ${pattern}`);
      assert.doesNotMatch(pattern, /\/[a-z]*$/, `${path}: a regex flag in ${pattern}`);
    }
  });

  it('accept the values the server accepts', () => {
    const pattern = (schema: string, property: string) =>
      new RegExp(document.components.schemas[schema].properties[property].pattern, 'u');
    assert.match('Meet the new team', pattern('ChecklistItemCreate', 'title'));
    assert.match('やまだ', pattern('SignupRequest', 'familyNameKana'));
    assert.match('ﾔﾏﾀﾞ ﾊﾅｺ', pattern('SignupRequest', 'familyNameKana'), 'half-width katakana, which the server normalizes');
    assert.match('https://example.com/hanako', pattern('SignupRequest', 'profileUrl'));
    assert.doesNotMatch('javascript:alert(1)', pattern('SignupRequest', 'profileUrl'));
    assert.doesNotMatch('ftp://example.com/', pattern('SignupRequest', 'profileUrl'));
    assert.match('2027-04-01', pattern('ReturnerCreate', 'returnDate'));
    assert.doesNotMatch('0000-01-01', pattern('ReturnerCreate', 'returnDate'));
  });
});
