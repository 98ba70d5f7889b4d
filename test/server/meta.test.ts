import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { TOKEN_ROLES } from '../../server/auth.js';
import { PROBLEM_TYPE_BASE } from '../../server/problem.js';
import { DEPARTMENTS } from '../../server/seed/catalog.js';
import { PROBLEM_CONTENT_TYPE, TEST_SECRET, type TestServer, startTestServer } from './harness.js';

describe('GET /api/v1/meta', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('gives the public everything a widget needs, from the database, briefly cacheable', async () => {
    const response = await server.app.request('/api/v1/meta');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('cache-control') ?? '', /max-age=60\b/);
    const meta = await response.json();
    assert.deepEqual(meta.programName, { en: 'Okaeri Alumni Network', ja: 'おかえりアルムナイネットワーク' });
    assert.deepEqual(
      meta.departments.map((department: { id: string }) => department.id),
      DEPARTMENTS.map((department) => department.id),
    );
    assert.deepEqual(meta.departments[0], { id: 'sales', name: { en: 'Sales', ja: '営業' } });
    assert.deepEqual(
      meta.interests.map((interest: { id: string }) => interest.id),
      ['rehire', 'referral', 'networking', 'mentoring', 'events'],
    );
    for (const interest of meta.interests) {
      assert.ok(interest.label.en && interest.label.ja, `${interest.id} has both labels`);
    }
    assert.deepEqual(meta.privacyPolicy, { url: 'https://example.com/privacy', version: '2025-04-01' });
    assert.deepEqual(meta.locales, ['ja', 'en']);
  });

  it('reflects what is stored, not constants', async () => {
    const engineering = (await server.store.departments.list()).find((d) => d.id === 'engineering')!;
    await server.store.seed.renameDepartment('engineering', { ...engineering.name, ja: '開発' });
    const settings = await server.store.settings.read();
    await server.store.settings.update({ ...settings, privacyPolicy: { ...settings.privacyPolicy, version: '2026-01-01' } }, { role: 'public' });
    const meta = await (await server.app.request('/api/v1/meta')).json();
    assert.equal(meta.departments.find((d: { id: string }) => d.id === 'engineering').name.ja, '開発');
    assert.equal(meta.privacyPolicy.version, '2026-01-01');
  });

  for (const role of TOKEN_ROLES) {
    it(`gives a viewer with a ${role} token the same metadata`, async () => {
      const publicMeta = await (await server.app.request('/api/v1/meta')).json();
      const response = await server.app.request('/api/v1/meta', {
        headers: { Authorization: await server.bearer(role) },
      });
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), publicMeta);
    });
  }

  const refusedHeaders: [string, () => Promise<string>][] = [
    ['a token signed with another secret', () => server.bearer('hr', { secret: 'not-the-server-secret' })],
    ['an expired token', async () => `Bearer ${await expiredToken()}`],
    ['a token with an unknown role', async () => `Bearer ${await tokenWithClaims({ role: 'admin', sub: 'x' })}`],
    ['a token without a subject', async () => `Bearer ${await tokenWithClaims({ role: 'hr' })}`],
    ['garbage', async () => 'Bearer not.a.jwt'],
    ['another scheme', async () => 'Basic dXNlcjpwYXNz'],
    ['an empty header', async () => ''],
  ];
  for (const [description, header] of refusedHeaders) {
    it(`refuses ${description} with a 401 problem instead of treating it as public`, async () => {
      const response = await server.app.request('/api/v1/meta', {
        headers: { Authorization: await header() },
      });
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
      const problem = await response.json();
      assert.equal(problem.type, `${PROBLEM_TYPE_BASE}unauthorized`);
      assert.equal(problem.status, 401);
      assert.ok(problem.title && problem.detail);
    });
  }

  it('says an expired token has expired', async () => {
    const response = await server.app.request('/api/v1/meta', {
      headers: { Authorization: `Bearer ${await expiredToken()}` },
    });
    assert.match((await response.json()).detail, /expired/);
  });

  it('answers a server failure with a 500 problem that reveals nothing, and logs it', async (t) => {
    const broken = await startTestServer({ seed: false });
    t.after(() => broken.close());
    await broken.database.breakConnection();
    const logged = t.mock.method(console, 'error', () => {});
    const response = await broken.app.request('/api/v1/meta');
    assert.equal(response.status, 500);
    assert.equal(response.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
    const problem = await response.json();
    assert.equal(problem.type, `${PROBLEM_TYPE_BASE}internal`);
    assert.doesNotMatch(JSON.stringify(problem), /database|sqlite|at \w+ \(|\.ts:/i);
    assert.equal(logged.mock.callCount(), 1);
  });
});

function tokenWithClaims(claims: Record<string, unknown>): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (typeof claims.sub === 'string') jwt.setSubject(claims.sub);
  return jwt.setExpirationTime('5m').sign(new TextEncoder().encode(TEST_SECRET));
}

function expiredToken(): Promise<string> {
  const anHourAgo = Math.floor(Date.now() / 1000) - 3600;
  return new SignJWT({ role: 'alumni' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('al_expired')
    .setIssuedAt(anHourAgo - 60)
    .setExpirationTime(anHourAgo)
    .sign(new TextEncoder().encode(TEST_SECRET));
}
