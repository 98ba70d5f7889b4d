import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VISIBILITY_FIELDS } from '../../server/domain/visibility.js';
import { PROBLEM_TYPE_BASE } from '../../server/problem.js';
import { latestMonth } from '../../server/schemas/signup.js';
import { PROBLEM_CONTENT_TYPE, type TestServer, startTestServer } from './harness.js';

const POLICY_VERSION = '2025-04-01'; // the migration's initial setting
const XSS = '<img src=x onerror=alert(1)>';
const SQL = "'); DROP TABLE alumni;--";

let sequence = 0;
/** A complete, valid signup with an address no other test uses. */
function validSignup(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    familyName: '山田',
    givenName: '花子',
    familyNameKana: 'やまだ',
    givenNameKana: 'ハナコ',
    email: `hanako.yamada.${sequence}@example.com`,
    department: 'engineering',
    roleAtLeaving: 'シニアエンジニア',
    joined: '2015-04',
    left: '2022-03',
    currentCompany: 'Example KK',
    currentRole: 'CTO',
    location: '東京',
    profileUrl: 'https://example.com/hanako',
    interests: ['rehire', 'mentoring'],
    directory: { listed: true, visibility: { email: 'hr', currentCompany: 'alumni', location: 'hidden' } },
    consent: { privacyPolicyVersion: POLICY_VERSION, contact: true },
    ...overrides,
  };
}

interface AlumnusRow {
  id: string;
  family_name: string;
  given_name: string;
  family_name_kana: string | null;
  given_name_kana: string | null;
  email: string;
  department_id: string | null;
  department_other: string | null;
  role_at_leaving: string | null;
  joined_month: string;
  left_month: string;
  current_company: string | null;
  current_position: string | null;
  location: string | null;
  profile_url: string | null;
  interests: string;
  listed: number;
  visibility: string;
  contact_consent: number;
  created_at: string;
}

describe('POST /api/v1/alumni', () => {
  let server: TestServer;
  before(async () => {
    // Far above what this file sends: the rate limit has its own test below.
    server = await startTestServer({ rateLimit: { signup: { limit: 10_000, windowMs: 60_000 } } });
  });
  after(() => server.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    server.app.request('/api/v1/alumni', {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...headers },
    });
  // This file checks the stored rows themselves (columns no response carries), in SQL both backends share.
  const count = async (sql: string, ...params: unknown[]) => Number(await server.sql.value(sql, ...params));
  const alumnusByEmail = async (email: string) =>
    (await server.sql.rows<AlumnusRow>('SELECT * FROM alumni WHERE email = ?', email))[0];

  async function assertProblem(response: Response, status: number, kind: string) {
    assert.equal(response.status, status);
    assert.equal(response.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
    const problem = await response.json();
    assert.equal(problem.type, PROBLEM_TYPE_BASE + kind);
    assert.equal(problem.status, status);
    return problem;
  }

  async function assertReceipt(response: Response) {
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('content-type'), 'application/json');
    const receipt = await response.json();
    assert.deepEqual(Object.keys(receipt).sort(), ['id', 'receivedAt']);
    assert.match(receipt.id, /^al_[0-9a-z]{16}$/);
    assert.equal(new Date(receipt.receivedAt).toISOString(), receipt.receivedAt);
    return receipt as { id: string; receivedAt: string };
  }

  it('stores the member, the consent and the visibility choices, and audits the signup', async () => {
    const body = validSignup({ email: '  Hanako.Yamada@Example.COM ', familyName: '  山田 ' });
    const receipt = await assertReceipt(await post(body));

    const row = await alumnusByEmail('hanako.yamada@example.com');
    assert.ok(row, 'the address is stored trimmed and in lower case');
    assert.equal(row.id, receipt.id);
    assert.equal(row.family_name, '山田');
    assert.equal(row.department_id, 'engineering');
    assert.equal(row.department_other, null);
    assert.equal(row.joined_month, '2015-04');
    assert.equal(row.left_month, '2022-03');
    assert.equal(row.current_position, 'CTO');
    assert.deepEqual(JSON.parse(row.interests), ['rehire', 'mentoring']);
    assert.equal(row.listed, 1);
    assert.equal(row.contact_consent, 1);
    assert.equal(row.created_at, receipt.receivedAt);
    const visibility = JSON.parse(row.visibility);
    assert.deepEqual(Object.keys(visibility).sort(), [...VISIBILITY_FIELDS].sort());
    assert.equal(visibility.email, 'hr');
    assert.equal(visibility.currentCompany, 'alumni');
    assert.equal(visibility.location, 'hidden');
    assert.equal(visibility.currentRole, 'hidden', 'a field without a choice is hidden');

    const consents = await server.sql.rows(
      'SELECT privacy_policy_version, contact, consented_at FROM consents WHERE alumni_id = ?',
      receipt.id,
    );
    assert.deepEqual(consents, [{ privacy_policy_version: POLICY_VERSION, contact: 1, consented_at: receipt.receivedAt }]);

    const audit = await server.store.audit.list({ action: 'alumni.signup', subject: receipt.id });
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actorRole, 'public');
    assert.equal(audit[0]!.actorSub, null);
    assert.doesNotMatch(JSON.stringify(audit[0]!.detail), /hanako|山田/i, 'no personal data in the audit log');
  });

  it('stores half-width katakana furigana in full width', async () => {
    await assertReceipt(await post(validSignup({ email: 'suzuki.kana@example.com', familyNameKana: ' ｽｽﾞｷ ', givenNameKana: 'ﾊﾅｺ' })));
    const row = await alumnusByEmail('suzuki.kana@example.com');
    assert.equal(row?.family_name_kana, 'スズキ');
    assert.equal(row?.given_name_kana, 'ハナコ');
  });

  it('stores optional fields left out or empty as nothing, and free-text departments', async () => {
    const body = validSignup({
      department: '',
      departmentOther: '海外事業部',
      familyNameKana: '',
      roleAtLeaving: undefined,
      currentCompany: '',
      profileUrl: '',
      directory: { listed: false, visibility: {} },
      consent: { privacyPolicyVersion: POLICY_VERSION, contact: false },
    });
    await assertReceipt(await post(body));
    const row = (await alumnusByEmail(body.email as string))!;
    assert.equal(row.department_id, null);
    assert.equal(row.department_other, '海外事業部');
    assert.equal(row.family_name_kana, null);
    assert.equal(row.role_at_leaving, null);
    assert.equal(row.current_company, null);
    assert.equal(row.profile_url, null);
    assert.equal(row.listed, 0);
    assert.equal(row.contact_consent, 0);
    assert.ok(Object.values(JSON.parse(row.visibility)).every((level) => level === 'hidden'));
  });

  it('accepts the current month and the same month for joining and leaving', async () => {
    const month = latestMonth();
    await assertReceipt(await post(validSignup({ joined: month, left: month })));
  });

  const far = '2999-01';
  const invalidFields: [string, Record<string, unknown>, Record<string, string>][] = [
    ['missing names', { familyName: undefined, givenName: '  ' }, { familyName: 'required', givenName: 'required' }],
    ['a name too long', { familyName: 'あ'.repeat(51) }, { familyName: 'too_long' }],
    ['a name with a line break', { givenName: '花\n子' }, { givenName: 'invalid' }],
    ['kana with kanji or latin', { familyNameKana: '山だ', givenNameKana: 'hanako' }, { familyNameKana: 'invalid', givenNameKana: 'invalid' }],
    ['kana too long', { familyNameKana: 'あ'.repeat(51) }, { familyNameKana: 'too_long' }],
    ['a malformed address', { email: 'hanako@' }, { email: 'invalid_email' }],
    ['an address too long', { email: `${'a'.repeat(64)}@${'b'.repeat(190)}.com` }, { email: 'too_long' }],
    ['a missing address', { email: undefined }, { email: 'required' }],
    ['an unknown department', { department: 'kitchen' }, { department: 'invalid_choice' }],
    ['no department at all', { department: undefined }, { department: 'required' }],
    ['both department fields', { departmentOther: '海外事業部' }, { departmentOther: 'invalid' }],
    ['a free-text department too long', { department: undefined, departmentOther: 'x'.repeat(101) }, { departmentOther: 'too_long' }],
    ['texts too long', { roleAtLeaving: 'x'.repeat(101), currentCompany: 'x'.repeat(101), currentRole: 'x'.repeat(101), location: 'x'.repeat(101) },
      { roleAtLeaving: 'too_long', currentCompany: 'too_long', currentRole: 'too_long', location: 'too_long' }],
    ['a profile URL that is not http(s)', { profileUrl: 'javascript:alert(1)' }, { profileUrl: 'invalid_url' }],
    ['a profile URL that is no URL', { profileUrl: 'my homepage' }, { profileUrl: 'invalid_url' }],
    ['a profile URL too long', { profileUrl: `https://example.com/${'x'.repeat(481)}` }, { profileUrl: 'too_long' }],
    ['months that do not exist', { joined: '2015-13', left: '2022-3' }, { joined: 'invalid_date', left: 'invalid_date' }],
    ['a month that is no string', { joined: 201504 }, { joined: 'invalid' }],
    ['leaving before joining', { joined: '2020-04', left: '2019-03' }, { left: 'out_of_range' }],
    ['months in the future', { joined: far, left: far }, { joined: 'out_of_range', left: 'out_of_range' }],
    ['a month before 1900', { joined: '1899-12' }, { joined: 'out_of_range' }],
    ['no interests', { interests: [] }, { interests: 'required' }],
    ['an unknown interest', { interests: ['rehire', 'golf'] }, { 'interests.1': 'invalid_choice' }],
    ['a repeated interest', { interests: ['rehire', 'rehire'] }, { interests: 'invalid' }],
    ['no directory choice', { directory: undefined }, { directory: 'required' }],
    ['directory without listed', { directory: { visibility: {} } }, { 'directory.listed': 'required' }],
    ['an unknown visibility level', { directory: { listed: true, visibility: { email: 'everyone' } } }, { 'directory.visibility.email': 'invalid_choice' }],
    ['visibility of a field that has none', { directory: { listed: true, visibility: { familyName: 'hidden' } } }, { 'directory.visibility.familyName': 'unknown_field' }],
    ['no consent', { consent: undefined }, { consent: 'required' }],
    ['an old privacy policy', { consent: { privacyPolicyVersion: '2024-01-01', contact: true } }, { 'consent.privacyPolicyVersion': 'invalid_choice' }],
    ['contact consent that is no boolean', { consent: { privacyPolicyVersion: POLICY_VERSION, contact: 'yes' } }, { 'consent.contact': 'invalid' }],
    ['unknown fields', { nickname: 'hana', consent: { privacyPolicyVersion: POLICY_VERSION, contact: true, marketing: true } },
      { nickname: 'unknown_field', 'consent.marketing': 'unknown_field' }],
  ];

  for (const [name, overrides, expected] of invalidFields) {
    it(`refuses ${name}`, async () => {
      const body = validSignup(overrides);
      const problem = await assertProblem(await post(body), 400, 'validation');
      assert.deepEqual(problem.errors, expected);
      assert.equal(await count('SELECT COUNT(*) FROM alumni WHERE email = ?', body.email ?? ''), 0);
    });
  }

  it('lists schema and database problems in one answer', async () => {
    const body = validSignup({ email: 'nope', department: 'kitchen', consent: { privacyPolicyVersion: 'old', contact: true } });
    const problem = await assertProblem(await post(body), 400, 'validation');
    assert.deepEqual(problem.errors, {
      email: 'invalid_email',
      department: 'invalid_choice',
      'consent.privacyPolicyVersion': 'invalid_choice',
    });
  });

  it('asks for consent again once HR publishes a new policy version', async () => {
    const settings = await server.store.settings.read();
    const publish = (version: string) =>
      server.store.settings.update({ ...settings, privacyPolicy: { ...settings.privacyPolicy, version } }, { role: 'public' });
    await publish('2026-01-01');
    try {
      const stale = await post(validSignup());
      const problem = await assertProblem(stale, 400, 'validation');
      assert.deepEqual(problem.errors, { 'consent.privacyPolicyVersion': 'invalid_choice' });
      const body = validSignup({ consent: { privacyPolicyVersion: '2026-01-01', contact: false } });
      const receipt = await assertReceipt(await post(body));
      const version = await server.sql.value('SELECT privacy_policy_version FROM consents WHERE alumni_id = ?', receipt.id);
      assert.equal(version, '2026-01-01');
    } finally {
      await publish(POLICY_VERSION);
    }
  });

  it('answers a known address exactly like a new one, creates nothing and records the attempt', async () => {
    const first = validSignup();
    const original = await assertReceipt(await post(first));
    // A member is known once verified (a pending signup is replaced instead: test/server/membership.test.ts).
    await server.sql.run("UPDATE alumni SET status = 'active' WHERE id = ?", original.id);
    const membersBefore = await count('SELECT COUNT(*) FROM alumni');
    const consentsBefore = await count('SELECT COUNT(*) FROM consents');

    const again = await post({ ...first, email: String(first.email).toUpperCase(), givenName: '別人' });
    const receipt = await assertReceipt(again);
    assert.notEqual(receipt.id, original.id, 'the answer does not reveal the member');
    assert.equal(await count('SELECT COUNT(*) FROM alumni WHERE id = ?', receipt.id), 0);
    assert.equal(await count('SELECT COUNT(*) FROM alumni'), membersBefore);
    assert.equal(await count('SELECT COUNT(*) FROM consents'), consentsBefore);
    assert.equal((await alumnusByEmail(first.email as string))!.given_name, '花子', 'the member is untouched');
    const attempts = await server.store.audit.list({ action: 'alumni.signup.duplicate', subject: original.id });
    assert.deepEqual(
      attempts.map(({ subject, actorRole }) => ({ subject, actorRole })),
      [{ subject: original.id, actorRole: 'public' }],
    );
  });

  it('accepts a filled honeypot like any signup and stores nothing', async () => {
    const body = validSignup({ website: 'https://spam.example' });
    const tables = ['alumni', 'consents', 'audit_log', 'idempotency_keys'];
    const before = await Promise.all(tables.map((table) => count(`SELECT COUNT(*) FROM ${table}`)));
    const receipt = await assertReceipt(await post(body, { 'Idempotency-Key': 'honeypot-1' }));
    assert.equal(await count('SELECT COUNT(*) FROM alumni WHERE id = ? OR email = ?', receipt.id, body.email), 0);
    // The idempotency row holds only the receipt (an id of no one), never the submitted data.
    const stored = await server.sql.value('SELECT body FROM idempotency_keys WHERE key = ?', 'honeypot-1');
    assert.deepEqual(JSON.parse(stored as string), receipt);
    const afterCounts = await Promise.all(tables.map((table) => count(`SELECT COUNT(*) FROM ${table}`)));
    assert.deepEqual(afterCounts, [before[0], before[1], before[2], before[3]! + 1]);
  });

  it('treats a honeypot of white space as empty', async () => {
    const body = validSignup({ website: '  ' });
    const receipt = await assertReceipt(await post(body));
    assert.equal((await alumnusByEmail(body.email as string))?.id, receipt.id);
  });

  it('stores markup and SQL verbatim and returns them unescaped', async () => {
    const body = validSignup({
      familyName: XSS,
      givenName: SQL,
      departmentOther: `${XSS} ${SQL}`,
      department: undefined,
      currentCompany: SQL,
      location: '"quoted" & <b>bold</b>',
    });
    const receipt = await assertReceipt(await post(body));
    const row = (await alumnusByEmail(body.email as string))!;
    assert.equal(row.id, receipt.id);
    assert.equal(row.family_name, XSS);
    assert.equal(row.given_name, SQL);
    assert.equal(row.department_other, `${XSS} ${SQL}`);
    assert.equal(row.current_company, SQL);
    assert.equal(row.location, '"quoted" & <b>bold</b>');
    assert.ok(await count('SELECT COUNT(*) FROM alumni') > 1, 'the table is still there');
  });

  it('refuses a body that is not JSON, or not an object', async () => {
    await assertProblem(await post('{"familyName":'), 400, 'malformed-json');
    const problem = await assertProblem(await post([validSignup()]), 400, 'validation');
    assert.deepEqual(problem.errors, {});
  });
});

describe('POST /api/v1/alumni rate limit', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ rateLimit: { signup: { limit: 2, windowMs: 60_000 } } });
  });
  after(() => server.close());

  it('answers the request beyond the limit with 429, Retry-After and a problem; valid or not', async () => {
    const post = (body: unknown) =>
      server.app.request('/api/v1/alumni', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json' },
      });
    assert.equal((await post(validSignup())).status, 201);
    assert.equal((await post({})).status, 400, 'a refused request counts too');
    const members = await server.store.alumni.count();

    const limited = await post(validSignup());
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60, `Retry-After: ${retryAfter}`);
    const problem = await limited.json();
    assert.equal(problem.type, `${PROBLEM_TYPE_BASE}rate-limited`);
    assert.equal(problem.status, 429);
    assert.equal(await server.store.alumni.count(), members, 'nothing stored');
  });

  it('limits only signups', async () => {
    assert.equal((await server.app.request('/api/v1/meta')).status, 200);
  });

  it('states the configured limit in the served document, not the default', async () => {
    const document = await (await server.app.request('/api/openapi.json')).json();
    const description: string = document.paths['/api/v1/alumni'].post.description;
    assert.match(description, /Limited to 2 requests in 1 min per client address/);
  });
});
