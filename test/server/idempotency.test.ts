import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { requestHash } from '../../server/middleware/idempotency.js';
import { PROBLEM_TYPE_BASE } from '../../server/problem.js';
import { PROBLEM_CONTENT_TYPE, type TestServer, startTestServer } from './harness.js';

let sequence = 0;
function signup(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    familyName: 'Smith',
    givenName: 'Alex',
    email: `alex.smith.${sequence}@example.com`,
    department: 'sales',
    joined: '2012-10',
    left: '2020-09',
    interests: ['referral'],
    directory: { listed: false, visibility: {} },
    consent: { privacyPolicyVersion: '2025-04-01', contact: false },
    ...overrides,
  };
}

// Exercised on POST /api/v1/alumni, the first route that uses the middleware.
describe('Idempotency-Key', () => {
  let server: TestServer;
  before(() => {
    server = startTestServer({ rateLimit: { signup: { limit: 10_000, windowMs: 60_000 } } });
  });
  after(() => server.close());

  const post = (body: unknown, key?: string, headers: Record<string, string> = {}) =>
    server.app.request('/api/v1/alumni', {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: {
        'Content-Type': 'application/json',
        ...(key === undefined ? {} : { 'Idempotency-Key': key }),
        ...headers,
      },
    });
  const members = (email: unknown) =>
    server.db.prepare('SELECT COUNT(*) FROM alumni WHERE email = ?').pluck().get(email) as number;
  const auditRows = () => server.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;

  async function assertProblem(response: Response, status: number, kind: string) {
    assert.equal(response.status, status);
    assert.equal(response.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
    const problem = await response.json();
    assert.equal(problem.type, PROBLEM_TYPE_BASE + kind);
    return problem;
  }

  it('replays the first response for the same key and body, without running the signup again', async () => {
    const body = signup();
    const first = await post(body, 'replay-1');
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const original = await first.json();
    const audited = auditRows();

    const replay = await post(body, 'replay-1');
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.headers.get('content-type'), 'application/json');
    assert.deepEqual(await replay.json(), original);
    assert.equal(members(body.email), 1);
    assert.equal(auditRows(), audited, 'a replay is not another attempt');
  });

  it('matches the same body sent with its keys in another order and other white space', async () => {
    const body = signup();
    const original = await (await post(body, 'replay-2')).json();
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(body).reverse()), null, 2);
    const replay = await post(reordered, 'replay-2');
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await replay.json(), original);
  });

  it('refuses the same key with a different body with 422 and stores nothing', async () => {
    const body = signup();
    assert.equal((await post(body, 'conflict-1')).status, 201);
    const other = signup();
    await assertProblem(await post(other, 'conflict-1'), 422, 'idempotency-conflict');
    assert.equal(members(other.email), 0);
  });

  it('lets five concurrent requests with one key create one member and give all the same answer', async () => {
    const body = signup();
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(body, 'concurrent-1')));
    assert.deepEqual(responses.map((response) => response.status), [201, 201, 201, 201, 201]);
    const receipts = await Promise.all(responses.map((response) => response.json()));
    for (const receipt of receipts) assert.deepEqual(receipt, receipts[0]);
    const replayed = responses.filter((response) => response.headers.get('idempotent-replayed') === 'true');
    assert.equal(replayed.length, 4);
    assert.equal(members(body.email), 1);
    const signups = server.db
      .prepare("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'alumni.signup%' AND (subject = ? OR detail LIKE ?)")
      .pluck()
      .get(receipts[0].id, `%${receipts[0].id}%`);
    assert.equal(signups, 1, 'the handler ran once');
  });

  it('does not keep a refused request, so the corrected body may reuse the key', async () => {
    const body = signup();
    await assertProblem(await post({ ...body, email: 'nope' }, 'fix-1'), 400, 'validation');
    const corrected = await post(body, 'fix-1');
    assert.equal(corrected.status, 201);
    assert.equal(corrected.headers.get('idempotent-replayed'), null);
    assert.equal(members(body.email), 1);
  });

  it('refuses keys that are empty, too long or not printable ASCII with 400', async () => {
    for (const key of ['', 'k'.repeat(256), 'tab\there', 'caf\u00e9']) {
      await assertProblem(await post(signup(), key), 400, 'bad-request');
    }
    assert.equal((await post(signup(), 'k'.repeat(255))).status, 201);
    assert.equal((await post(signup(), '~ !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}')).status, 201);
  });

  it('keeps keys apart per viewer: a token holder never gets the public response', async () => {
    const body = signup();
    const original = await (await post(body, 'viewer-1')).json();
    const asAlumnus = await post(body, 'viewer-1', { Authorization: await server.bearer('alumni') });
    assert.equal(asAlumnus.status, 201);
    assert.equal(asAlumnus.headers.get('idempotent-replayed'), null);
    assert.notEqual((await asAlumnus.json()).id, original.id);
  });

  it('forgets a key after 24 hours', async () => {
    const body = signup();
    assert.equal((await post(body, 'expired-1')).status, 201);
    const dayAgo = new Date(Date.now() - 24 * 60 * 60 * 1000 - 1000).toISOString();
    server.db.prepare('UPDATE idempotency_keys SET created_at = ? WHERE key = ?').run(dayAgo, 'expired-1');
    const other = signup();
    const response = await post(other, 'expired-1');
    assert.equal(response.status, 201, 'not a conflict with the forgotten body');
    assert.equal(members(other.email), 1);
  });

  it('answers 409 with Retry-After while another process holds the key, and takes over an abandoned one', async () => {
    const body = signup();
    const hash = requestHash(JSON.stringify(body));
    const reserve = server.db.prepare(
      "INSERT INTO idempotency_keys (key, scope, request_hash, status, body, created_at) VALUES (?, 'POST /api/v1/alumni public', ?, 0, NULL, ?)",
    );
    reserve.run('held-1', hash, new Date().toISOString());
    const held = await post(body, 'held-1');
    await assertProblem(held, 409, 'idempotency-in-progress');
    assert.equal(held.headers.get('retry-after'), '1');
    assert.equal(members(body.email), 0);

    reserve.run('held-2', hash, new Date(Date.now() - 5 * 60 * 1000).toISOString());
    assert.equal((await post(body, 'held-2')).status, 201);
    assert.equal(members(body.email), 1);
  });

  it('leaves requests without a key alone', async () => {
    const body = signup();
    const before = server.db.prepare('SELECT COUNT(*) FROM idempotency_keys').pluck().get();
    assert.equal((await post(body)).status, 201);
    assert.equal(server.db.prepare('SELECT COUNT(*) FROM idempotency_keys').pluck().get(), before);
  });
});
