import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { verifyToken } from '../../server/auth.js';
import { mintDemoTokens } from '../../server/demo-tokens.js';
import { DEMO_PERSONAS, IT_PERSONA } from '../../server/seed/personas.js';
import { RETURNERS } from '../../server/seed/returners.js';
import { PROBLEM_CONTENT_TYPE, TEST_SECRET, type TestServer, startTestServer } from './harness.js';

describe('static files and demo tokens', () => {
  let root: string;
  let server: TestServer;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'okaeri-static-'));
    mkdirSync(join(root, 'dist'));
    mkdirSync(join(root, 'demo'));
    writeFileSync(join(root, 'dist', 'index.js'), 'export const okaeri = true;\n');
    writeFileSync(join(root, 'demo', 'index.html'), '<title>demo</title>');
    writeFileSync(join(root, 'demo', 'careers.html'), '<title>careers</title>');
    server = await startTestServer({
      seed: false,
      staticRoot: root,
      demoTokens: await mintDemoTokens(TEST_SECRET, '5m'),
    });
  });
  after(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the demo index at / and other demo pages by name', async () => {
    const index = await server.app.request('/');
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(await index.text(), '<title>demo</title>');
    assert.equal(await (await server.app.request('/careers.html')).text(), '<title>careers</title>');
  });

  it('serves the built library under /dist', async () => {
    const response = await server.app.request('/dist/index.js');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
    assert.equal(await response.text(), 'export const okaeri = true;\n');
  });

  it('answers missing files and escapes from the root with 404', async () => {
    for (const path of ['/missing.html', '/dist/missing.js', '/dist/../demo/index.html', '/%2e%2e/package.json']) {
      assert.equal((await server.app.request(path)).status, 404, path);
    }
  });

  it('still answers unknown API paths with a problem, not a file', async () => {
    const response = await server.app.request('/api/v1/index.html');
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
  });

  it('hands out a token per role for its demo persona, uncached', async () => {
    const response = await server.app.request('/demo/tokens.json');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const tokens = await response.json();
    assert.deepEqual(Object.keys(tokens).sort(), ['alumni', 'employee', 'hr', 'it', 'returner']);
    for (const role of ['alumni', 'employee', 'hr'] as const) {
      assert.deepEqual(await verifyToken(TEST_SECRET, tokens[role]), { role, sub: DEMO_PERSONAS[role] });
    }
    assert.deepEqual(await verifyToken(TEST_SECRET, tokens.it), { role: 'employee', sub: IT_PERSONA, team: 'it' });
    assert.deepEqual(await verifyToken(TEST_SECRET, tokens.returner), { role: 'employee', sub: RETURNERS[0]!.alumnus.id });
  });

  it('has no demo tokens and no files when not given them', async (t) => {
    const plain = await startTestServer({ seed: false });
    t.after(() => plain.close());
    assert.equal((await plain.app.request('/demo/tokens.json')).status, 404);
    assert.equal((await plain.app.request('/')).status, 404);
  });
});
