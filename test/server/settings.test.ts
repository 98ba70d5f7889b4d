import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BODY_LIMIT_BYTES } from '../../server/config.js';
import { PROBLEM_TYPE_BASE } from '../../server/problem.js';
import { DEMO_PERSONAS } from '../../server/seed/personas.js';
import { PROBLEM_CONTENT_TYPE, type TestServer, startTestServer } from './harness.js';

const validSettings = {
  programName: { en: 'Boomerang Club', ja: 'ブーメラン・クラブ' },
  privacyPolicy: { url: 'https://example.com/privacy/v2', version: '2026-01-01' },
};

// PUT /api/v1/settings is the route that carries the generic body handling (media type, JSON
// syntax, size, unknown fields, field codes) every later write route shares.
describe('PUT /api/v1/settings', () => {
  let server: TestServer;
  let hr: string;
  before(async () => {
    server = await startTestServer();
    hr = await server.bearer('hr');
  });
  after(() => server.close());

  const put = (body: string, headers: Record<string, string>) =>
    server.app.request('/api/v1/settings', { method: 'PUT', body, headers });
  const putJson = (value: unknown, authorization = hr) =>
    put(JSON.stringify(value), { 'Content-Type': 'application/json', Authorization: authorization });

  async function assertProblem(response: Response, status: number, kind: string) {
    assert.equal(response.status, status);
    assert.equal(response.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
    const problem = await response.json();
    assert.equal(problem.type, PROBLEM_TYPE_BASE + kind);
    assert.equal(problem.status, status);
    assert.equal(typeof problem.detail, 'string');
    return problem;
  }

  it('lets HR rename the program; meta shows it and the audit log records who did', async () => {
    const response = await putJson(validSettings);
    assert.equal(response.status, 200);
    // `approval` is optional in the body and off unless sent (issue 11).
    assert.deepEqual(await response.json(), { ...validSettings, approval: false });
    const meta = await (await server.app.request('/api/v1/meta')).json();
    assert.deepEqual(meta.programName, validSettings.programName);
    assert.deepEqual(meta.privacyPolicy, validSettings.privacyPolicy);
    const audit = await server.store.audit.list({ action: 'settings.update' });
    assert.deepEqual(
      audit.map(({ actorSub, actorRole }) => ({ actorSub, actorRole })),
      [{ actorSub: DEMO_PERSONAS.hr, actorRole: 'hr' }],
    );
  });

  it('trims surrounding white space before storing', async () => {
    const response = await putJson({ ...validSettings, programName: { en: '  Boomerang  ', ja: 'ブーメラン' } });
    assert.equal((await response.json()).programName.en, 'Boomerang');
  });

  it('refuses the public with 401 and other roles with 403', async () => {
    const anonymous = await put(JSON.stringify(validSettings), { 'Content-Type': 'application/json' });
    await assertProblem(anonymous, 401, 'unauthorized');
    for (const role of ['alumni', 'employee'] as const) {
      await assertProblem(await putJson(validSettings, await server.bearer(role)), 403, 'forbidden');
    }
  });

  it('maps each invalid field to a code under its dotted path', async () => {
    const response = await putJson({
      programName: { en: '', ja: 'x'.repeat(201) },
      privacyPolicy: { url: 'not a url', version: 42 },
    });
    const problem = await assertProblem(response, 400, 'validation');
    assert.deepEqual(problem.errors, {
      'programName.en': 'required',
      'programName.ja': 'too_long',
      'privacyPolicy.url': 'invalid_url',
      'privacyPolicy.version': 'invalid',
    });
  });

  it('reports missing fields as required', async () => {
    const problem = await assertProblem(await putJson({ programName: { en: 'A' } }), 400, 'validation');
    assert.deepEqual(problem.errors, { 'programName.ja': 'required', privacyPolicy: 'required' });
  });

  it('refuses unknown fields, nested ones too, as unknown_field', async () => {
    const response = await putJson({
      ...validSettings,
      theme: 'dark',
      privacyPolicy: { ...validSettings.privacyPolicy, acceptedBy: 'me' },
    });
    const problem = await assertProblem(response, 400, 'validation');
    assert.deepEqual(problem.errors, { theme: 'unknown_field', 'privacyPolicy.acceptedBy': 'unknown_field' });
  });

  it('refuses a privacy policy that is not on http(s)', async () => {
    const privacyPolicy = { url: 'javascript:alert(1)', version: '1' };
    const response = await putJson({ ...validSettings, privacyPolicy });
    const problem = await assertProblem(response, 400, 'validation');
    assert.deepEqual(problem.errors, { 'privacyPolicy.url': 'invalid_url' });
  });

  it('refuses a body that is not an object without pointing at a field', async () => {
    const problem = await assertProblem(await putJson(['programName']), 400, 'validation');
    assert.deepEqual(problem.errors, {});
  });

  it('refuses malformed JSON with a 400 problem', async () => {
    const response = await put('{"programName": {', {
      'Content-Type': 'application/json',
      Authorization: hr,
    });
    await assertProblem(response, 400, 'malformed-json');
  });

  it('refuses a body that is not JSON with 415', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await put('programName=x', { 'Content-Type': contentType, Authorization: hr });
      await assertProblem(response, 415, 'unsupported-media-type');
    }
    const untyped = await server.app.request('/api/v1/settings', {
      method: 'PUT',
      body: new Blob([JSON.stringify(validSettings)]),
      headers: { Authorization: hr },
    });
    await assertProblem(untyped, 415, 'unsupported-media-type');
  });

  it('accepts a JSON media type with parameters', async () => {
    const response = await put(JSON.stringify(validSettings), {
      'Content-Type': 'application/json; charset=utf-8',
      Authorization: hr,
    });
    assert.equal(response.status, 200);
  });

  it('refuses a body above the limit with 413, with or without Content-Length', async () => {
    const huge = JSON.stringify({ ...validSettings, padding: 'x'.repeat(BODY_LIMIT_BYTES) });
    const streamed = await put(huge, { 'Content-Type': 'application/json', Authorization: hr });
    await assertProblem(streamed, 413, 'payload-too-large');
    const declared = await put(huge, {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(huge)),
      Authorization: hr,
    });
    await assertProblem(declared, 413, 'payload-too-large');
  });

  it('refuses an empty body as missing fields', async () => {
    const response = await server.app.request('/api/v1/settings', {
      method: 'PUT',
      headers: { Authorization: hr },
    });
    const problem = await assertProblem(response, 400, 'validation');
    assert.deepEqual(problem.errors, { programName: 'required', privacyPolicy: 'required' });
  });
});

describe('unknown API routes', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ seed: false });
  });
  after(() => server.close());

  for (const [method, path] of [
    ['GET', '/api/v1/nothing-here'],
    ['POST', '/api/v1/meta'],
    ['DELETE', '/api/health'],
  ] as const) {
    it(`answers ${method} ${path} with a 404 problem`, async () => {
      const response = await server.app.request(path, { method });
      assert.equal(response.status, 404);
      assert.equal(response.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
      const problem = await response.json();
      assert.equal(problem.type, `${PROBLEM_TYPE_BASE}not-found`);
    });
  }
});
