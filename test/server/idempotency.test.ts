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
  before(async () => {
    server = await startTestServer({ rateLimit: { signup: { limit: 10_000, windowMs: 60_000 } } });
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
  // Addresses are unique: a member has one or none.
  const members = async (email: unknown) => ((await server.store.alumni.findIdByEmail(String(email))) === undefined ? 0 : 1);
  const auditRows = async () => (await server.store.audit.list()).length;

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
    const audited = await auditRows();

    const replay = await post(body, 'replay-1');
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.headers.get('content-type'), 'application/json');
    assert.deepEqual(await replay.json(), original);
    assert.equal(await members(body.email), 1);
    assert.equal(await auditRows(), audited, 'a replay is not another attempt');
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
    assert.equal(await members(other.email), 0);
  });

  it('lets five concurrent requests with one key create one member and give all the same answer', async () => {
    const body = signup();
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(body, 'concurrent-1')));
    assert.deepEqual(responses.map((response) => response.status), [201, 201, 201, 201, 201]);
    const receipts = await Promise.all(responses.map((response) => response.json()));
    for (const receipt of receipts) assert.deepEqual(receipt, receipts[0]);
    const replayed = responses.filter((response) => response.headers.get('idempotent-replayed') === 'true');
    assert.equal(replayed.length, 4);
    assert.equal(await members(body.email), 1);
    const signups = (await server.store.audit.list()).filter(
      (row) =>
        row.action.startsWith('alumni.signup') &&
        (row.subject === receipts[0].id || JSON.stringify(row.detail).includes(receipts[0].id)),
    ).length;
    assert.equal(signups, 1, 'the handler ran once');
  });

  it('does not keep a refused request, so the corrected body may reuse the key', async () => {
    const body = signup();
    await assertProblem(await post({ ...body, email: 'nope' }, 'fix-1'), 400, 'validation');
    const corrected = await post(body, 'fix-1');
    assert.equal(corrected.status, 201);
    assert.equal(corrected.headers.get('idempotent-replayed'), null);
    assert.equal(await members(body.email), 1);
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
    await server.sql.run('UPDATE idempotency_keys SET created_at = ? WHERE key = ?', dayAgo, 'expired-1');
    const other = signup();
    const response = await post(other, 'expired-1');
    assert.equal(response.status, 201, 'not a conflict with the forgotten body');
    assert.equal(await members(other.email), 1);
  });

  it('answers 409 with Retry-After while another process holds the key, and takes over an abandoned one', async () => {
    const body = signup();
    const hash = requestHash(JSON.stringify(body));
    // Another process (its own store, its own in-process state) reserves the key and never answers.
    const other = await server.database.openAnother();
    const reserve = async (key: string, at: number) =>
      assert.equal(
        await other.idempotency.claim({
          key,
          scope: 'POST /api/v1/alumni public',
          requestHash: hash,
          now: at,
          ttlMs: 24 * 60 * 60 * 1000,
          abandonedAfterMs: 60_000,
          mayTakeOver: true,
        }),
        null,
      );
    await reserve('held-1', Date.now());
    const held = await post(body, 'held-1');
    await assertProblem(held, 409, 'idempotency-in-progress');
    assert.equal(held.headers.get('retry-after'), '1');
    assert.equal(await members(body.email), 0);

    await reserve('held-2', Date.now() - 5 * 60 * 1000);
    assert.equal((await post(body, 'held-2')).status, 201);
    assert.equal(await members(body.email), 1);
  });

  it('leaves requests without a key alone', async () => {
    const body = signup();
    const keys = async () => Number(await server.sql.value('SELECT COUNT(*) FROM idempotency_keys'));
    const before = await keys();
    assert.equal((await post(body)).status, 201);
    assert.equal(await keys(), before);
  });
});

/**
 * Issue 15 item 4: a replay answers exactly what the first answer did — status, body and every
 * header (ETag, Location, Content-Type, Cache-Control, …) — except the replay marker itself.
 */
describe('Idempotent replays keep the first answer, headers included', () => {
  let server: TestServer;
  let hr: string;
  before(async () => {
    server = await startTestServer({ rateLimit: { signup: { limit: 10_000, windowMs: 60_000 } } });
    hr = await server.bearer('hr');
  });
  after(() => server.close());

  async function assertSameAnswer(path: string, body: unknown, authorization: string | null, expectHeaders: string[]) {
    const send = () =>
      server.app.request(path, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': `replay-${path}`,
          ...(authorization ? { Authorization: authorization } : {}),
        },
      });
    const first = await send();
    assert.equal(first.status, 201, await first.clone().text());
    const firstBody = await first.text();
    const replay = await send();
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(first.headers.get('idempotent-replayed'), null);
    assert.equal(replay.status, first.status);
    assert.equal(await replay.text(), firstBody);
    const headers = (response: Response) =>
      [...response.headers].filter(([name]) => name !== 'idempotent-replayed').sort(([a], [b]) => a.localeCompare(b));
    assert.deepEqual(headers(replay), headers(first));
    for (const name of expectHeaders) assert.ok(first.headers.get(name), `the first answer has ${name}`);
  }

  it('POST /api/v1/alumni', async () => {
    await assertSameAnswer('/api/v1/alumni', signup(), null, ['content-type']);
  });

  it('POST /api/v1/returners (Location)', async () => {
    const [alumnus] = await server.sql.rows<{ id: string }>(
      'SELECT id FROM alumni WHERE id NOT IN (SELECT alumni_id FROM returners) ORDER BY id LIMIT 1',
    );
    await assertSameAnswer('/api/v1/returners', { alumniId: alumnus!.id, returnDate: '2027-03-01' }, hr, ['location']);
  });

  it('POST /api/v1/announcements (Location)', async () => {
    const { items } = await server.store.returners.list({ limit: 1, after: null });
    await assertSameAnswer('/api/v1/announcements', { kind: 'welcome-back', returnerId: items[0]!.id }, hr, ['location']);
  });

  it('POST /api/v1/returners/{id}/checklist/items (ETag)', async () => {
    const { items } = await server.store.returners.list({ limit: 1, after: null });
    const item = { categoryId: 'people', owner: 'manager', dueOffsetDays: 2, required: false, title: 'Team lunch' };
    await assertSameAnswer(`/api/v1/returners/${items[0]!.id}/checklist/items`, item, hr, ['etag']);
  });
});
